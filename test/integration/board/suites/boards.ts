/**
 * Boards: me, createBoard, board, updateBoard, myBoards (paging), boardActivity (paging), and who may
 * see and change them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../../support/local-api.js';
import type { BoardApi, User } from '../support/board-api.js';
import {
  ACTIVITY_FIELDS,
  BOARD_FIELDS,
  boardOf,
  cardOn,
  CREATE_BOARD,
  failed,
  locationOf,
  only,
  READ_BOARD,
  TIMESTAMP,
  ULID,
  unauthorized,
} from '../support/operations.js';

const UPDATE_BOARD = `mutation UpdateBoard($input: UpdateBoardInput!) { updateBoard(input: $input) { ${BOARD_FIELDS} } }`;
const MY_BOARDS = `query MyBoards($limit: Int, $nextToken: String) { myBoards(limit: $limit, nextToken: $nextToken) { items { ${BOARD_FIELDS} } nextToken } }`;
const ACTIVITY = `query Activity($boardId: ID!, $limit: Int, $nextToken: String) { boardActivity(boardId: $boardId, limit: $limit, nextToken: $nextToken) { items { ${ACTIVITY_FIELDS} } nextToken } }`;

export function boardsSuite(app: () => BoardApi): void {
  let owner: User;
  let editor: User;
  let stranger: User;

  beforeAll(async () => {
    [owner, editor, stranger] = await Promise.all([app().user('bo-owner'), app().user('bo-editor'), app().user('bo-stranger')]);
  });

  describe('me', () => {
    it('answers the signed-in user from the token', async () => {
      expect(await app().gql(owner, '{ me { id username email } }')).toEqual({ data: { me: { id: owner.id, username: 'bo-owner', email: 'bo-owner@example.com' } } });
    });
  });

  describe('createBoard and board', () => {
    it('creates a board owned by the caller, with three default columns', async () => {
      const created = only(await app().gql(owner, CREATE_BOARD, { input: { name: '  Launch  ', description: 'Q4 launch' } }));
      const board = { id: ULID, name: 'Launch', description: 'Q4 launch', status: 'ACTIVE', createdBy: owner.id, createdAt: TIMESTAMP, updatedAt: TIMESTAMP, myRole: 'OWNER' };
      expect(created).toEqual(board);
      const column = (name: string, position: number, wipLimit: number | null) => ({
        id: ULID,
        boardId: created.id,
        name,
        position,
        wipLimit,
        cardCount: 0,
        lastChange: 'CREATED',
        createdAt: created.createdAt,
        updatedAt: created.createdAt,
        cards: [],
      });
      expect(await app().gql(owner, READ_BOARD, { id: created.id })).toEqual({
        data: {
          board: {
            ...created,
            columns: [column('To do', 0, null), column('Doing', 1, 3), column('Done', 2, null)],
            members: [{ boardId: created.id, userId: owner.id, role: 'OWNER', invitedBy: owner.id, joinedAt: created.createdAt, updatedAt: created.createdAt, lastChange: 'CREATED' }],
          },
        },
      });
    });

    it('refuses an empty or overlong name', async () => {
      for (const name of ['   ', 'x'.repeat(101)]) {
        expect(await app().gql(owner, CREATE_BOARD, { input: { name } })).toEqual(failed(CREATE_BOARD, 'createBoard', 'BadRequest', 'A board name must have 1 to 100 characters.'));
      }
    });

    it('shows a board to its members only; to anyone else it does not exist', async () => {
      const board = await boardOf(app(), owner, [[editor, 'VIEWER']]);
      expect(only(await app().gql(editor, READ_BOARD, { id: board.id })).myRole).toBe('VIEWER');
      expect(await app().gql(stranger, READ_BOARD, { id: board.id })).toEqual(unauthorized(READ_BOARD, 'board'));
      expect(await app().gql(stranger, READ_BOARD, { id: 'NO-SUCH-BOARD' })).toEqual(unauthorized(READ_BOARD, 'board'));
    });

    it('gives the API key the schema only, no data (API_KEY is configured for introspection)', async () => {
      const introspection = await graphql(app().api, '{ __schema { queryType { name } } }');
      expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      const query = '{ me { id } }';
      expect((await graphql(app().api, query)).body).toEqual({
        data: null,
        errors: [{ path: ['me'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [locationOf(query, 'me')], message: 'Not Authorized to access me on type Query' }],
      });
    });
  });

  describe('updateBoard', () => {
    it('lets an OWNER rename the board and clear its description', async () => {
      const board = await boardOf(app(), owner, [], 'Old name');
      only(await app().gql(owner, UPDATE_BOARD, { input: { id: board.id, description: 'to be cleared' } }));
      const renamed = only(await app().gql(owner, UPDATE_BOARD, { input: { id: board.id, name: 'New name', description: null } }));
      expect(renamed).toEqual({ id: board.id, name: 'New name', description: null, status: 'ACTIVE', createdBy: owner.id, createdAt: TIMESTAMP, updatedAt: TIMESTAMP, myRole: 'OWNER' });
      expect(only(await app().gql(owner, `query($id: ID!) { board(id: $id) { ${BOARD_FIELDS} } }`, { id: board.id }))).toEqual(renamed);
    });

    it('refuses an EDITOR, a non-member and an empty name', async () => {
      const board = await boardOf(app(), owner, [[editor, 'EDITOR']]);
      expect(await app().gql(editor, UPDATE_BOARD, { input: { id: board.id, name: 'Mine now' } })).toEqual(
        failed(UPDATE_BOARD, 'updateBoard', 'Unauthorized', `This needs the OWNER role on board ${board.id}; yours is EDITOR.`),
      );
      expect(await app().gql(stranger, UPDATE_BOARD, { input: { id: board.id, name: 'Mine now' } })).toEqual(unauthorized(UPDATE_BOARD, 'updateBoard', 'Mutation'));
      expect(await app().gql(owner, UPDATE_BOARD, { input: { id: board.id, name: '' } })).toEqual(
        failed(UPDATE_BOARD, 'updateBoard', 'BadRequest', 'A board name must have 1 to 100 characters.'),
      );
      expect(only(await app().gql(owner, READ_BOARD, { id: board.id })).name).toBe('Test board');
    });
  });

  describe('myBoards', () => {
    it('pages through the boards the caller is a member of, oldest first, with their role', async () => {
      const collector = await app().user('bo-collector');
      const own = await boardOf(app(), collector, [], 'Own');
      const invited = await boardOf(app(), owner, [[collector, 'VIEWER']], 'Invited');
      const third = await boardOf(app(), collector, [], 'Third');
      await boardOf(app(), owner, [], 'Not mine');
      const first = only(await app().gql(collector, MY_BOARDS, { limit: 2 }));
      expect(first.items.map((board: { name: string; myRole: string }) => [board.name, board.myRole])).toEqual([
        ['Own', 'OWNER'],
        ['Invited', 'VIEWER'],
      ]);
      expect(first.nextToken).toEqual(expect.any(String));
      const second = only(await app().gql(collector, MY_BOARDS, { limit: 2, nextToken: first.nextToken }));
      expect(second).toEqual({
        items: [{ id: third.id, name: 'Third', description: null, status: 'ACTIVE', createdBy: collector.id, createdAt: TIMESTAMP, updatedAt: TIMESTAMP, myRole: 'OWNER' }],
        nextToken: null,
      });
      expect([own.id, invited.id]).toEqual(first.items.map((board: { id: string }) => board.id));
    });

    it('is empty for a user without boards', async () => {
      expect(await app().gql(await app().user('bo-nobody'), MY_BOARDS)).toEqual({ data: { myBoards: { items: [], nextToken: null } } });
    });
  });

  describe('boardActivity', () => {
    it('pages through what happened on the board, newest first', async () => {
      const board = await boardOf(app(), owner, [[editor, 'EDITOR']]);
      const card = await cardOn(app(), editor, board, { title: 'Logged' });
      const first = only(await app().gql(editor, ACTIVITY, { boardId: board.id, limit: 2 }));
      const entry = (action: string, actorId: string, fields: Record<string, unknown> = {}) => ({
        id: ULID,
        boardId: board.id,
        action,
        actorId,
        cardId: null,
        columnId: null,
        userId: null,
        at: TIMESTAMP,
        ...fields,
      });
      expect(first).toEqual({
        items: [entry('CARD_CREATED', editor.id, { cardId: card.id, columnId: board.columns.todo }), entry('MEMBER_INVITED', owner.id, { userId: editor.id })],
        nextToken: expect.any(String),
      });
      const second = only(await app().gql(editor, ACTIVITY, { boardId: board.id, limit: 2, nextToken: first.nextToken }));
      expect(second).toEqual({ items: [entry('BOARD_CREATED', owner.id)], nextToken: null });
    });

    it('is for members only', async () => {
      const board = await boardOf(app(), owner);
      // boardActivity is non-null: its null propagates to `data` (appsync-graphql-engine.md §5.1).
      expect(await app().gql(stranger, ACTIVITY, { boardId: board.id })).toEqual({ ...unauthorized(ACTIVITY, 'boardActivity'), data: null });
    });
  });

  describe('the board as one read', () => {
    it('orders columns and cards by position and nests comments, oldest first', async () => {
      const board = await boardOf(app(), owner);
      const first = await cardOn(app(), owner, board, { title: 'First' });
      const second = await cardOn(app(), owner, board, { title: 'Second' });
      const top = await cardOn(app(), owner, board, { title: 'Top', beforeCardId: first.id });
      await cardOn(app(), owner, board, { title: 'Elsewhere', columnId: board.columns.done });
      for (const text of ['one', 'two']) {
        only(await app().gql(owner, `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { boardId: board.id, cardId: second.id, text } }));
      }
      const read = only(await app().gql(owner, READ_BOARD, { id: board.id }));
      const todo = read.columns[0];
      expect(todo.cards.map((card: { title: string; comments: Array<{ text: string }> }) => [card.title, card.comments.map((comment) => comment.text)])).toEqual([
        ['Top', []],
        ['First', []],
        ['Second', ['one', 'two']],
      ]);
      expect(todo.cards[0]).toEqual({ ...top, comments: [] });
      expect(read.columns.map((column: { name: string; cardCount: number; cards: unknown[] }) => [column.name, column.cardCount, column.cards.length])).toEqual([
        ['To do', 3, 3],
        ['Doing', 0, 0],
        ['Done', 1, 1],
      ]);
    });

  });
}
