/**
 * The single-table layout of the board table (architecture.md, "The app"): the one definition of every
 * key format, used by the APPSYNC_JS resolvers (bundled into each one that imports it) and by the
 * Lambda functions (through functions/lib/model.ts). Pure functions of strings, so that the code
 * passes AppSync's language rules and runs unchanged in Node.
 *
 * Partition `BOARD#<boardId>` holds everything of one board; its sort keys order as
 *
 *   ACTIVITY#<ulid>  <  CARD#<cardId>  <  CARD#<cardId>#COMMENT#<ulid>  <  COLUMN#<columnId>
 *     <  MEMBER#<userId>  <  META  <  POS#<columnId>#<position>
 *
 * so that `board(id)` reads the whole visible board with one Query (`SK BETWEEN "CARD#" AND "META"`),
 * skipping the ever-growing activity log and the position index. `POS#` items index the cards of a
 * column by position in the base table: they give strongly consistent neighbour look-ups and, being
 * keys, make two cards with the same position in one column impossible.
 *
 * Indexes (infra/definition.ts): `byUser` (GSI1, memberships of a user: "my boards"), `byAssignee`
 * (GSI2, sparse: assigned cards by due date), `byCard` (GSI3, keys only: a card's board from its id).
 */

export interface TableKey {
  PK: string;
  SK: string;
}

const BOARD_PK_PREFIX = 'BOARD#';

export function boardPk(boardId: string): string {
  return `${BOARD_PK_PREFIX}${boardId}`;
}

/** The board id of a `BOARD#<boardId>` partition key. */
export function boardIdOfPk(pk: string): string {
  return pk.slice(BOARD_PK_PREFIX.length);
}

/** The board item's sort key; also the upper bound of the visible board's sort keys. */
export const META_SK = 'META';

/** All memberships of a board share this prefix. */
export const MEMBER_SK_PREFIX = 'MEMBER#';

export function memberSk(userId: string): string {
  return `${MEMBER_SK_PREFIX}${userId}`;
}

export function columnSk(columnId: string): string {
  return `COLUMN#${columnId}`;
}

/** Every card's sort key, and so its comments', starts with this; the lower bound of the visible board's. */
export const CARD_SK_PREFIX = 'CARD#';

/** A card's sort key; as a prefix, it also selects the card's comments. */
export function cardSk(cardId: string): string {
  return `${CARD_SK_PREFIX}${cardId}`;
}

/** All comments of a card share this prefix (and sort right after the card). */
export function commentSkPrefix(cardId: string): string {
  return `${cardSk(cardId)}#COMMENT#`;
}

export function commentSk(cardId: string, commentId: string): string {
  return `${commentSkPrefix(cardId)}${commentId}`;
}

/** All activity entries of a board share this prefix; their ULIDs order them by time. */
export const ACTIVITY_SK_PREFIX = 'ACTIVITY#';

export function activitySk(activityId: string): string {
  return `${ACTIVITY_SK_PREFIX}${activityId}`;
}

/** All position entries of a column share this prefix. */
export function positionSkPrefix(columnId: string): string {
  return `POS#${columnId}#`;
}

export function positionSk(columnId: string, position: string): string {
  return `${positionSkPrefix(columnId)}${position}`;
}

export function userGsiPk(userId: string): string {
  return `USER#${userId}`;
}

export function assigneeGsiPk(userId: string): string {
  return `ASSIGNEE#${userId}`;
}

/** Due date first so that `cardsAssignedToMe` lists the soonest due first; `~` sorts after any date. */
export function assigneeGsiSk(dueAt: string | null | undefined, cardId: string): string {
  return `${dueAt ?? '~'}#${cardId}`;
}

export function cardGsiPk(cardId: string): string {
  return cardSk(cardId);
}
