/**
 * The whole visible board in one Query of its partition: `SK BETWEEN "CARD#" AND "META"` returns the
 * cards with their comments, the columns, the members and the board item, and skips the activity log
 * and the position index (see the layout in ../lib/keys.ts). The response assembles
 * board → columns (by position) → cards (by position) → comments (oldest first), so `board(id)` costs
 * the same two requests (membership, this Query) whatever the number of cards.
 *
 * A board larger than one Query page (1 MB) is answered with what the page holds, and an error says so.
 */
import { util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { boardPk, CARD_SK_PREFIX, META_SK } from '../lib/keys.js';

interface Positioned {
  position: number;
}

interface Card {
  id: string;
  columnId: string;
  position: string;
}

export function request(ctx: Context) {
  return query({ query: { PK: { eq: boardPk(ctx.stash.boardId) }, SK: { between: [CARD_SK_PREFIX, META_SK] } } });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const { items, nextToken } = ctx.result;
  if (nextToken) util.appendError(`Board ${ctx.stash.boardId} is larger than one read (1 MB); part of it is missing.`, 'BoardTooLarge');
  const board = items.find((item: { SK: string }) => item.SK === META_SK);
  if (!board) return null;
  const ofType = (type: string) => items.filter((item: { type: string }) => item.type === type);
  const commentsByCard = groupBy(ofType('COMMENT'), 'cardId');
  const cards: Card[] = ofType('CARD').map((card: Card) => ({ ...card, comments: commentsByCard[card.id] ?? [] }));
  const cardsByColumn = groupBy(cards, 'columnId');
  const columns = ofType('COLUMN')
    .reduce(insertByPosition, [])
    .map((column: { id: string }) => ({ ...column, cards: orderByPosition(cardsByColumn[column.id] ?? []) }));
  return { ...board, myRole: ctx.stash.callerRole, columns, members: ofType('MEMBER') };
}

function groupBy<T extends Record<string, any>>(items: T[], field: string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  items.forEach((item) => {
    const key = item[field];
    if (!groups[key]) groups[key] = [];
    groups[key].push(item);
  });
  return groups;
}

/** Columns are few: an insertion into the sorted list (AppSync refuses a comparator passed to sort). */
function insertByPosition(sorted: Positioned[], column: Positioned): Positioned[] {
  const index = sorted.findIndex((other) => other.position > column.position);
  return index < 0 ? [...sorted, column] : [...sorted.slice(0, index), column, ...sorted.slice(index)];
}

/** Positions are unique within a column and sort as plain strings, so the default sort orders them. */
function orderByPosition(cards: Card[]): Card[] {
  const byPosition: Record<string, Card> = {};
  cards.forEach((card) => {
    byPosition[card.position] = card;
  });
  const positions = cards.map((card) => card.position);
  positions.sort();
  return positions.map((position) => byPosition[position]);
}
