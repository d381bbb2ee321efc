/**
 * Cards and comments: createCard, updateCard (optimistic concurrency), moveCard (WIP limits), deleteCard,
 * card, cardsAssignedToMe (paging), addComment, and who may do what.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardApi, User } from '../support/board-api.js';
import {
  ADD_COMMENT,
  boardOf,
  CARD_FIELDS,
  cardOn,
  COMMENT_FIELDS,
  CREATE_CARD,
  DELETE_CARD,
  failed,
  MOVE_CARD,
  only,
  REMOVE_MEMBER,
  TIMESTAMP,
  ULID,
  unauthorized,
  UPDATE_CARD,
  type TestBoard,
} from '../support/operations.js';

const CARD = `query Card($id: ID!) { card(id: $id) { ${CARD_FIELDS} comments { ${COMMENT_FIELDS} } } }`;
const ASSIGNED = `query Assigned($limit: Int, $nextToken: String) { cardsAssignedToMe(limit: $limit, nextToken: $nextToken) { items { ${CARD_FIELDS} } nextToken } }`;

export function cardsSuite(app: () => BoardApi): void {
  let owner: User;
  let editor: User;
  let viewer: User;
  let stranger: User;

  beforeAll(async () => {
    [owner, editor, viewer, stranger] = await Promise.all(['ca-owner', 'ca-editor', 'ca-viewer', 'ca-stranger'].map((name) => app().user(name)));
  });

  const teamBoard = (): Promise<TestBoard> =>
    boardOf(app(), owner, [
      [editor, 'EDITOR'],
      [viewer, 'VIEWER'],
    ]);

  describe('createCard', () => {
    it('creates a card at the end of its column', async () => {
      const board = await teamBoard();
      const input = { boardId: board.id, columnId: board.columns.todo, title: ' Write tests ', description: 'all of them', labels: ['qa', 'qa'], assigneeId: viewer.id, dueAt: '2026-12-24T17:00:00.000Z' };
      const card = only(await app().gql(editor, CREATE_CARD, { input }));
      expect(card).toEqual({
        id: ULID,
        boardId: board.id,
        columnId: board.columns.todo,
        title: 'Write tests',
        description: 'all of them',
        assigneeId: viewer.id,
        labels: ['qa'],
        dueAt: '2026-12-24T17:00:00.000Z',
        position: 'a0',
        version: 1,
        createdBy: editor.id,
        updatedBy: editor.id,
        createdAt: TIMESTAMP,
        updatedAt: card.createdAt,
        lastChange: 'CREATED',
      });
      expect((await cardOn(app(), editor, board)).position).toBe('a1');
    });

    it('refuses a VIEWER, a non-member, an assignee from outside the board and a column at its WIP limit', async () => {
      const board = await teamBoard();
      const input = { boardId: board.id, columnId: board.columns.doing, title: 'Busy' };
      expect(await app().gql(viewer, CREATE_CARD, { input })).toEqual(failed(CREATE_CARD, 'createCard', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`));
      expect(await app().gql(stranger, CREATE_CARD, { input })).toEqual(unauthorized(CREATE_CARD, 'createCard', 'Mutation'));
      expect(await app().gql(editor, CREATE_CARD, { input: { ...input, assigneeId: stranger.id } })).toEqual(
        failed(CREATE_CARD, 'createCard', 'BadRequest', `User ${stranger.id} is not a member of board ${board.id}.`),
      );
      for (let n = 0; n < 3; n += 1) only(await app().gql(editor, CREATE_CARD, { input }));
      const full = { id: board.columns.doing, boardId: board.id, name: 'Doing', position: 1, wipLimit: 3, cardCount: 3, lastChange: 'CREATED', createdAt: TIMESTAMP, updatedAt: TIMESTAMP };
      expect(await app().gql(editor, CREATE_CARD, { input })).toEqual(failed(CREATE_CARD, 'createCard', 'WipLimitExceeded', 'Column Doing is at its WIP limit of 3.', null, full));
    });
  });

  describe('updateCard', () => {
    it('changes the given fields, clears the nulled ones, and moves the version on', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board, { description: 'old', labels: ['a'], dueAt: '2026-12-01T00:00:00.000Z', assigneeId: editor.id });
      const input = { boardId: board.id, id: card.id, expectedVersion: 1, title: 'Renamed', description: null, labels: ['b', 'c'], assigneeId: viewer.id, dueAt: null };
      const updated = only(await app().gql(owner, UPDATE_CARD, { input }));
      expect(updated).toEqual({
        ...card,
        title: 'Renamed',
        description: null,
        labels: ['b', 'c'],
        assigneeId: viewer.id,
        dueAt: null,
        version: 2,
        updatedBy: owner.id,
        updatedAt: TIMESTAMP,
        lastChange: 'UPDATED',
      });
      expect(only(await app().gql(owner, UPDATE_CARD, { input: { boardId: board.id, id: card.id, expectedVersion: 2, title: 'Again' } }))).toEqual({
        ...updated,
        title: 'Again',
        version: 3,
        updatedAt: TIMESTAMP,
      });
    });

    it('refuses a stale version with a VersionConflict carrying the current card', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board);
      const current = only(await app().gql(owner, UPDATE_CARD, { input: { boardId: board.id, id: card.id, expectedVersion: 1, title: 'First writer' } }));
      const answer = await app().gql(editor, UPDATE_CARD, { input: { boardId: board.id, id: card.id, expectedVersion: 1, title: 'Second writer' } });
      expect(answer).toEqual(failed(UPDATE_CARD, 'updateCard', 'VersionConflict', `Card ${card.id} is at version 2, not 1.`, current));
      expect(only(await app().gql(editor, CARD, { id: card.id }))).toEqual({ ...current, comments: [] });
    });

    it('refuses an unknown card, an outside assignee, an empty title and a VIEWER', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board);
      const input = { boardId: board.id, id: card.id, expectedVersion: 1 };
      expect(await app().gql(editor, UPDATE_CARD, { input: { ...input, id: 'NOPE', title: 'x' } })).toEqual(
        failed(UPDATE_CARD, 'updateCard', 'NotFound', `Card NOPE does not exist on board ${board.id}.`),
      );
      expect(await app().gql(editor, UPDATE_CARD, { input: { ...input, assigneeId: stranger.id } })).toEqual(
        failed(UPDATE_CARD, 'updateCard', 'BadRequest', `User ${stranger.id} is not a member of board ${board.id}.`),
      );
      expect(await app().gql(editor, UPDATE_CARD, { input: { ...input, title: '' } })).toEqual(failed(UPDATE_CARD, 'updateCard', 'BadRequest', 'A card title must have 1 to 200 characters.'));
      expect(await app().gql(viewer, UPDATE_CARD, { input: { ...input, title: 'x' } })).toEqual(
        failed(UPDATE_CARD, 'updateCard', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`),
      );
      expect(only(await app().gql(editor, CARD, { id: card.id }))).toEqual({ ...card, comments: [] });
    });
  });

  describe('moveCard', () => {
    it('moves a card to another column, between two cards', async () => {
      const board = await teamBoard();
      const moving = await cardOn(app(), editor, board, { title: 'Moving' });
      const first = await cardOn(app(), editor, board, { columnId: board.columns.done, title: 'First' });
      const last = await cardOn(app(), editor, board, { columnId: board.columns.done, title: 'Last' });
      const moved = only(await app().gql(editor, MOVE_CARD, { input: { boardId: board.id, id: moving.id, toColumnId: board.columns.done, afterCardId: first.id, beforeCardId: last.id, expectedVersion: 1 } }));
      expect(moved).toEqual({ ...moving, columnId: board.columns.done, position: 'a0V', version: 2, updatedAt: TIMESTAMP, lastChange: 'MOVED' });
      const board2 = only(await app().gql(editor, `query($id: ID!) { board(id: $id) { columns { cardCount cards { title } } } }`, { id: board.id }));
      expect(board2.columns).toEqual([
        { cardCount: 0, cards: [] },
        { cardCount: 0, cards: [] },
        { cardCount: 3, cards: [{ title: 'First' }, { title: 'Moving' }, { title: 'Last' }] },
      ]);
    });

    it('refuses a column at its WIP limit, a stale version and an unknown card', async () => {
      const board = await teamBoard();
      for (let n = 0; n < 3; n += 1) await cardOn(app(), editor, board, { columnId: board.columns.doing });
      const card = await cardOn(app(), editor, board);
      const full = { id: board.columns.doing, boardId: board.id, name: 'Doing', position: 1, wipLimit: 3, cardCount: 3, lastChange: 'CREATED', createdAt: TIMESTAMP, updatedAt: TIMESTAMP };
      expect(await app().gql(editor, MOVE_CARD, { input: { boardId: board.id, id: card.id, toColumnId: board.columns.doing } })).toEqual(
        failed(MOVE_CARD, 'moveCard', 'WipLimitExceeded', 'Column Doing is at its WIP limit of 3.', null, full),
      );
      expect(await app().gql(editor, MOVE_CARD, { input: { boardId: board.id, id: card.id, toColumnId: board.columns.done, expectedVersion: 5 } })).toEqual(
        failed(MOVE_CARD, 'moveCard', 'VersionConflict', `Card ${card.id} is at version 1, not 5.`, card),
      );
      expect(await app().gql(editor, MOVE_CARD, { input: { boardId: board.id, id: 'NOPE', toColumnId: board.columns.done } })).toEqual(
        failed(MOVE_CARD, 'moveCard', 'NotFound', `Card NOPE does not exist on board ${board.id}.`),
      );
    });
  });

  describe('deleteCard', () => {
    it('deletes a card with its comments and answers it marked DELETED', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board);
      only(await app().gql(editor, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: 'soon gone' } }));
      const deleted = only(await app().gql(owner, DELETE_CARD, { boardId: board.id, id: card.id, expectedVersion: 1 }));
      expect(deleted).toEqual({ ...card, updatedBy: owner.id, updatedAt: TIMESTAMP, lastChange: 'DELETED' });
      expect(await app().gql(editor, CARD, { id: card.id })).toEqual(failed(CARD, 'card', 'NotFound', `Card ${card.id} does not exist.`));
      const left = (await app().scanTable()).filter((item) => item.PK === `BOARD#${board.id}` && (String(item.SK).startsWith(`CARD#${card.id}`) || item.cardId === card.id) && item.type !== 'ACTIVITY');
      expect(left).toEqual([]);
    });

    it('refuses a stale version and a VIEWER', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board);
      expect(await app().gql(owner, DELETE_CARD, { boardId: board.id, id: card.id, expectedVersion: 2 })).toEqual(
        failed(DELETE_CARD, 'deleteCard', 'VersionConflict', `Card ${card.id} is at version 1, not 2.`, card),
      );
      expect(await app().gql(viewer, DELETE_CARD, { boardId: board.id, id: card.id })).toEqual(
        failed(DELETE_CARD, 'deleteCard', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`),
      );
    });
  });

  describe('card and addComment', () => {
    it('reads a card with its comments, oldest first, for members only', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board);
      const first = only(await app().gql(editor, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: ' First! ' } }));
      expect(first).toEqual({ id: ULID, boardId: board.id, cardId: card.id, authorId: editor.id, text: 'First!', createdAt: TIMESTAMP });
      const second = only(await app().gql(owner, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: 'Second' } }));
      expect(await app().gql(viewer, CARD, { id: card.id })).toEqual({ data: { card: { ...card, comments: [first, second] } } });
      expect(await app().gql(stranger, CARD, { id: card.id })).toEqual(unauthorized(CARD, 'card'));
    });

    it('refuses a comment on an unknown card, an empty one, and one by a VIEWER', async () => {
      const board = await teamBoard();
      const card = await cardOn(app(), editor, board);
      expect(await app().gql(editor, ADD_COMMENT, { input: { boardId: board.id, cardId: 'NOPE', text: 'hello' } })).toEqual(
        failed(ADD_COMMENT, 'addComment', 'NotFound', `Card NOPE does not exist on board ${board.id}.`),
      );
      expect(await app().gql(editor, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: '  ' } })).toEqual(
        failed(ADD_COMMENT, 'addComment', 'BadRequest', 'A comment must have 1 to 2000 characters.'),
      );
      expect(await app().gql(viewer, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: 'hello' } })).toEqual(
        failed(ADD_COMMENT, 'addComment', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`),
      );
    });
  });

  describe('cardsAssignedToMe', () => {
    it('pages through the cards assigned to the caller, soonest due first, and forgets them when the caller leaves', async () => {
      const assignee = await app().user('ca-assignee');
      const board = await boardOf(app(), owner, [[assignee, 'EDITOR']]);
      const later = await cardOn(app(), owner, board, { title: 'Later', assigneeId: assignee.id, dueAt: '2027-03-01T00:00:00.000Z' });
      const undated = await cardOn(app(), owner, board, { title: 'Undated', assigneeId: assignee.id });
      const soon = await cardOn(app(), owner, board, { title: 'Soon', assigneeId: assignee.id, dueAt: '2027-01-01T00:00:00.000Z' });
      await cardOn(app(), owner, board, { title: 'Not theirs' });
      const first = only(await app().gql(assignee, ASSIGNED, { limit: 2 }));
      expect(first).toEqual({ items: [soon, later], nextToken: expect.any(String) });
      expect(only(await app().gql(assignee, ASSIGNED, { limit: 2, nextToken: first.nextToken }))).toEqual({ items: [undated], nextToken: null });

      only(await app().gql(assignee, REMOVE_MEMBER, { boardId: board.id, userId: assignee.id }));
      expect(only(await app().gql(assignee, ASSIGNED, {}))).toEqual({ items: [], nextToken: null });
    });
  });
}
