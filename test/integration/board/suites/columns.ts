/** Columns: addColumn, updateColumn (WIP limits), deleteColumn (only when empty), and who may change them. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardApi, User } from '../support/board-api.js';
import { boardOf, cardOn, COLUMN_FIELDS, failed, only, TIMESTAMP, ULID, unauthorized } from '../support/operations.js';

const ADD_COLUMN = `mutation AddColumn($input: AddColumnInput!) { addColumn(input: $input) { ${COLUMN_FIELDS} } }`;
const UPDATE_COLUMN = `mutation UpdateColumn($input: UpdateColumnInput!) { updateColumn(input: $input) { ${COLUMN_FIELDS} } }`;
const DELETE_COLUMN = `mutation DeleteColumn($boardId: ID!, $id: ID!) { deleteColumn(boardId: $boardId, id: $id) { ${COLUMN_FIELDS} } }`;

export function columnsSuite(app: () => BoardApi): void {
  let owner: User;
  let editor: User;
  let viewer: User;
  let stranger: User;

  beforeAll(async () => {
    [owner, editor, viewer, stranger] = await Promise.all(['co-owner', 'co-editor', 'co-viewer', 'co-stranger'].map((name) => app().user(name)));
  });

  const team = (): Array<[User, 'EDITOR' | 'VIEWER']> => [
    [editor, 'EDITOR'],
    [viewer, 'VIEWER'],
  ];

  describe('addColumn', () => {
    it('adds a column at the right end, for an EDITOR', async () => {
      const board = await boardOf(app(), owner, team());
      const review = only(await app().gql(editor, ADD_COLUMN, { input: { boardId: board.id, name: ' Review ', wipLimit: 2 } }));
      expect(review).toEqual({ id: ULID, boardId: board.id, name: 'Review', position: 3, wipLimit: 2, cardCount: 0, lastChange: 'CREATED', createdAt: TIMESTAMP, updatedAt: TIMESTAMP });
      const shipped = only(await app().gql(editor, ADD_COLUMN, { input: { boardId: board.id, name: 'Shipped' } }));
      expect([shipped.position, shipped.wipLimit]).toEqual([4, null]);
    });

    it('refuses a VIEWER, a non-member, a bad WIP limit and an empty name', async () => {
      const board = await boardOf(app(), owner, team());
      const input = { boardId: board.id, name: 'Nope' };
      expect(await app().gql(viewer, ADD_COLUMN, { input })).toEqual(failed(ADD_COLUMN, 'addColumn', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`));
      expect(await app().gql(stranger, ADD_COLUMN, { input })).toEqual(unauthorized(ADD_COLUMN, 'addColumn', 'Mutation'));
      expect(await app().gql(editor, ADD_COLUMN, { input: { ...input, wipLimit: 0 } })).toEqual(failed(ADD_COLUMN, 'addColumn', 'BadRequest', 'A WIP limit must be at least 1.'));
      expect(await app().gql(editor, ADD_COLUMN, { input: { ...input, name: ' ' } })).toEqual(failed(ADD_COLUMN, 'addColumn', 'BadRequest', 'A column name must have 1 to 50 characters.'));
    });
  });

  describe('updateColumn', () => {
    it('renames a column, sets and removes its WIP limit', async () => {
      const board = await boardOf(app(), owner, team());
      const renamed = only(await app().gql(editor, UPDATE_COLUMN, { input: { boardId: board.id, id: board.columns.todo, name: 'Backlog', wipLimit: 10 } }));
      expect(renamed).toEqual({
        id: board.columns.todo,
        boardId: board.id,
        name: 'Backlog',
        position: 0,
        wipLimit: 10,
        cardCount: 0,
        lastChange: 'UPDATED',
        createdAt: TIMESTAMP,
        updatedAt: TIMESTAMP,
      });
      const unlimited = only(await app().gql(editor, UPDATE_COLUMN, { input: { boardId: board.id, id: board.columns.todo, wipLimit: null } }));
      expect(unlimited).toEqual({ ...renamed, wipLimit: null, updatedAt: TIMESTAMP });
    });

    it('refuses a WIP limit below the cards the column holds, with the column in the error', async () => {
      const board = await boardOf(app(), owner, team());
      await cardOn(app(), editor, board);
      await cardOn(app(), editor, board);
      const answer = await app().gql(editor, UPDATE_COLUMN, { input: { boardId: board.id, id: board.columns.todo, wipLimit: 1 } });
      const column = { id: board.columns.todo, boardId: board.id, name: 'To do', position: 0, wipLimit: null, cardCount: 2, lastChange: 'CREATED', createdAt: TIMESTAMP, updatedAt: TIMESTAMP };
      expect(answer).toEqual(failed(UPDATE_COLUMN, 'updateColumn', 'WipLimitExceeded', 'Column To do holds 2 cards, more than a WIP limit of 1.', column));
      expect(only(await app().gql(editor, UPDATE_COLUMN, { input: { boardId: board.id, id: board.columns.todo, wipLimit: 2 } })).wipLimit).toBe(2);
    });

    it('refuses an unknown column and a VIEWER', async () => {
      const board = await boardOf(app(), owner, team());
      expect(await app().gql(editor, UPDATE_COLUMN, { input: { boardId: board.id, id: 'NOPE', name: 'X' } })).toEqual(
        failed(UPDATE_COLUMN, 'updateColumn', 'NotFound', 'Column NOPE does not exist.'),
      );
      expect(await app().gql(viewer, UPDATE_COLUMN, { input: { boardId: board.id, id: board.columns.todo, name: 'X' } })).toEqual(
        failed(UPDATE_COLUMN, 'updateColumn', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`),
      );
    });
  });

  describe('deleteColumn', () => {
    it('deletes an empty column and answers it marked DELETED', async () => {
      const board = await boardOf(app(), owner, team());
      const deleted = only(await app().gql(editor, DELETE_COLUMN, { boardId: board.id, id: board.columns.done }));
      expect(deleted).toEqual({ id: board.columns.done, boardId: board.id, name: 'Done', position: 2, wipLimit: null, cardCount: 0, lastChange: 'DELETED', createdAt: TIMESTAMP, updatedAt: TIMESTAMP });
      const columns = (await app().scanTable()).filter((item) => item.PK === `BOARD#${board.id}` && item.type === 'COLUMN').map((item) => item.name);
      expect(columns.sort()).toEqual(['Doing', 'To do']);
    });

    it('keeps a column that holds cards, and refuses an unknown column', async () => {
      const board = await boardOf(app(), owner, team());
      await cardOn(app(), editor, board);
      const column = { id: board.columns.todo, boardId: board.id, name: 'To do', position: 0, wipLimit: null, cardCount: 1, lastChange: 'CREATED', createdAt: TIMESTAMP, updatedAt: TIMESTAMP };
      expect(await app().gql(editor, DELETE_COLUMN, { boardId: board.id, id: board.columns.todo })).toEqual(
        failed(DELETE_COLUMN, 'deleteColumn', 'ColumnNotEmpty', 'Column To do still holds 1 card.', column),
      );
      expect(await app().gql(editor, DELETE_COLUMN, { boardId: board.id, id: 'NOPE' })).toEqual(failed(DELETE_COLUMN, 'deleteColumn', 'NotFound', 'Column NOPE does not exist.'));
    });
  });
}
