/**
 * Many clients at once: 20 editors create a card each in the same column, then each moves one into a
 * column with a WIP limit of 5 while each card is also being renamed. The limit holds, no committed change is lost (every card shows exactly the
 * changes that were answered as done), and positions stay strictly ordered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardApi, GraphQLAnswer, User } from '../support/board-api.js';
import { boardOf, cardOn, COLUMN_FIELDS, MOVE_CARD, only, READ_BOARD, UPDATE_CARD } from '../support/operations.js';

const CLIENTS = 20;
const WIP_LIMIT = 5;

export function concurrencySuite(app: () => BoardApi): void {
  let owner: User;
  let editors: User[];

  beforeAll(async () => {
    owner = await app().user('cc-owner');
    editors = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => app().user(`cc-editor-${index}`)));
  });

  describe('concurrent moves into a column with a WIP limit', () => {
    it(`lets exactly ${WIP_LIMIT} of ${CLIENTS} moves in, loses no update, and keeps positions strictly ordered`, { timeout: 120_000 }, async () => {
      const board = await boardOf(
        app(),
        owner,
        editors.map((editor) => [editor, 'EDITOR']),
      );
      const review = only(await app().gql(owner, `mutation($input: AddColumnInput!) { addColumn(input: $input) { ${COLUMN_FIELDS} } }`, { input: { boardId: board.id, name: 'Review', wipLimit: WIP_LIMIT } }));
      // The cards are created at once too: every one lands at the end of the column, at a position of its own.
      const cards = await Promise.all(editors.map((editor, index) => cardOn(app(), editor, board, { title: `Card ${index}` })));
      expect(new Set(cards.map((card) => card.position)).size).toBe(CLIENTS);

      const succeeded = (answer: GraphQLAnswer) => answer.errors === undefined;
      const [moves, renames] = await Promise.all([
        Promise.all(cards.map((card, index) => app().gql(editors[index]!, MOVE_CARD, { input: { boardId: board.id, id: card.id, toColumnId: review.id } }))),
        Promise.all(
          cards.map((card, index) => app().gql(editors[(index + 1) % CLIENTS]!, UPDATE_CARD, { input: { boardId: board.id, id: card.id, expectedVersion: 1, title: `Renamed ${index}` } })),
        ),
      ]);

      const moveErrors = moves.filter((answer) => !succeeded(answer)).map((answer) => answer.errors!.map((error) => error.errorType));
      expect({ moved: moves.filter(succeeded).length, moveErrors }).toEqual({ moved: WIP_LIMIT, moveErrors: Array(CLIENTS - WIP_LIMIT).fill(['WipLimitExceeded']) });
      expect(renames.filter((answer) => !succeeded(answer)).flatMap((answer) => answer.errors!.map((error) => error.errorType))).toEqual(
        Array(renames.filter((answer) => !succeeded(answer)).length).fill('VersionConflict'),
      );

      const read = only(await app().gql(owner, READ_BOARD, { id: board.id }));
      const stored = new Map(read.columns.flatMap((column: { cards: Array<{ id: string }> }) => column.cards).map((card: { id: string }) => [card.id, card]));
      const expected = cards.map((card, index) => {
        const moved = succeeded(moves[index]!);
        const renamed = succeeded(renames[index]!);
        return [card.id, moved ? review.id : board.columns.todo, renamed ? `Renamed ${index}` : `Card ${index}`, 1 + Number(moved) + Number(renamed)];
      });
      const actual = cards.map((card) => {
        const now = stored.get(card.id) as { id: string; columnId: string; title: string; version: number };
        return [now.id, now.columnId, now.title, now.version];
      });
      expect(actual).toEqual(expected);

      const reviewColumn = read.columns.find((column: { id: string }) => column.id === review.id);
      const todoColumn = read.columns.find((column: { id: string }) => column.id === board.columns.todo);
      expect([reviewColumn.cardCount, reviewColumn.cards.length, todoColumn.cardCount, todoColumn.cards.length]).toEqual([WIP_LIMIT, WIP_LIMIT, CLIENTS - WIP_LIMIT, CLIENTS - WIP_LIMIT]);
      for (const column of [reviewColumn, todoColumn]) {
        const positions = column.cards.map((card: { position: string }) => card.position);
        expect(positions.every((position: string, index: number) => index === 0 || positions[index - 1] < position)).toBe(true);
      }
      const positionEntries = (await app().scanTable()).filter((item) => item.PK === `BOARD#${board.id}` && item.type === 'POSITION');
      expect(positionEntries.map((item) => `${item.columnId}:${item.cardId}`).sort()).toEqual(
        [...reviewColumn.cards.map((card: { id: string }) => `${review.id}:${card.id}`), ...todoColumn.cards.map((card: { id: string }) => `${board.columns.todo}:${card.id}`)].sort(),
      );
    });
  });
}
