/** deleteBoard: the cascade through the API leaves nothing of the board behind. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardApi, User } from '../support/board-api.js';
import { ADD_COMMENT, BOARD_FIELDS, boardOf, cardOn, failed, only, READ_BOARD, TIMESTAMP, unauthorized } from '../support/operations.js';

const DELETE_BOARD = `mutation DeleteBoard($id: ID!) { deleteBoard(id: $id) { ${BOARD_FIELDS} } }`;

export function deleteBoardSuite(app: () => BoardApi): void {
  let owner: User;
  let editor: User;

  beforeAll(async () => {
    [owner, editor] = await Promise.all([app().user('db-owner'), app().user('db-editor')]);
  });

  describe('deleteBoard', () => {
    it('deletes the board and everything on it, for every member', async () => {
      const board = await boardOf(app(), owner, [[editor, 'EDITOR']], 'Doomed');
      for (let n = 0; n < 12; n += 1) {
        const card = await cardOn(app(), editor, board, { title: `Card ${n}`, assigneeId: editor.id });
        only(await app().gql(editor, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: `comment ${n}` } }));
      }
      const storedBefore = (await app().scanTable()).filter((item) => item.PK === `BOARD#${board.id}`);
      // board, 2 members, 3 columns, per card: card, position, activity; per comment: comment, activity; 2 more activities
      expect(storedBefore.length).toBe(1 + 2 + 3 + 12 * 3 + 12 * 2 + 2);

      const deleted = only(await app().gql(owner, DELETE_BOARD, { id: board.id }));
      expect(deleted).toEqual({ id: board.id, name: 'Doomed', description: null, status: 'DELETED', createdBy: owner.id, createdAt: TIMESTAMP, updatedAt: TIMESTAMP, myRole: null });
      expect((await app().scanTable()).filter((item) => JSON.stringify(item).includes(board.id))).toEqual([]);
      expect(await app().gql(owner, READ_BOARD, { id: board.id })).toEqual(unauthorized(READ_BOARD, 'board'));
      expect(await app().gql(editor, '{ myBoards { items { id } } cardsAssignedToMe { items { id } } }')).toEqual({
        data: { myBoards: { items: [] }, cardsAssignedToMe: { items: [] } },
      });
    });

    it('is for OWNERs only', async () => {
      const board = await boardOf(app(), owner, [[editor, 'EDITOR']]);
      expect(await app().gql(editor, DELETE_BOARD, { id: board.id })).toEqual(
        failed(DELETE_BOARD, 'deleteBoard', 'Unauthorized', `This needs the OWNER role on board ${board.id}; yours is EDITOR.`),
      );
      expect(only(await app().gql(owner, READ_BOARD, { id: board.id })).status).toBe('ACTIVE');
    });
  });
}
