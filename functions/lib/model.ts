/**
 * The single-table layout of the board table (architecture.md, "The app") and the item types stored in
 * it, for the Lambda functions and the seed command. The APPSYNC_JS resolvers spell the same keys
 * themselves (they may import only `@aws-appsync/utils`), so a change here is a change there too.
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
import type { ActivityAction, BoardStatus, ChangeType, Role } from './domain.js';

/** Activity items expire after this long (the table's TTL attribute is `expiresAt`). */
const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export const boardPk = (boardId: string): string => `BOARD#${boardId}`;
export const META_SK = 'META';
export const memberSk = (userId: string): string => `MEMBER#${userId}`;
export const columnSk = (columnId: string): string => `COLUMN#${columnId}`;
export const cardSk = (cardId: string): string => `CARD#${cardId}`;
/** All comments of a card share this prefix (and sort right after the card). */
export const commentSkPrefix = (cardId: string): string => `CARD#${cardId}#COMMENT#`;
const activitySk = (activityId: string): string => `ACTIVITY#${activityId}`;
/** All position entries of a column share this prefix. */
export const positionSkPrefix = (columnId: string): string => `POS#${columnId}#`;
export const positionSk = (columnId: string, position: string): string => `${positionSkPrefix(columnId)}${position}`;

export const userGsiPk = (userId: string): string => `USER#${userId}`;
export const assigneeGsiPk = (userId: string): string => `ASSIGNEE#${userId}`;
/** Due date first so that `cardsAssignedToMe` lists the soonest due first; `~` sorts after any date. */
export const assigneeGsiSk = (dueAt: string | null | undefined, cardId: string): string => `${dueAt ?? '~'}#${cardId}`;
export const cardGsiPk = (cardId: string): string => `CARD#${cardId}`;

export interface TableKey {
  PK: string;
  SK: string;
}

export interface BoardItem extends TableKey {
  type: 'BOARD';
  id: string;
  name: string;
  description?: string;
  status: BoardStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** How many members are OWNERs: the last-owner rule is a condition on it. */
  ownerCount: number;
  /** The position the next added column gets. */
  columnSeq: number;
}

export interface MemberItem extends TableKey {
  type: 'MEMBER';
  GSI1PK: string;
  GSI1SK: string;
  boardId: string;
  userId: string;
  role: Role;
  invitedBy: string;
  joinedAt: string;
  updatedAt: string;
  lastChange: ChangeType;
}

export interface ColumnItem extends TableKey {
  type: 'COLUMN';
  id: string;
  boardId: string;
  name: string;
  position: number;
  wipLimit?: number;
  /** Kept in the same transactions that add and remove cards: the WIP limit is a condition on it. */
  cardCount: number;
  lastChange: ChangeType;
  createdAt: string;
  updatedAt: string;
}

export interface CardItem extends TableKey {
  type: 'CARD';
  /** Present only while the card is assigned (the index is sparse). */
  GSI2PK?: string;
  GSI2SK: string;
  GSI3PK: string;
  id: string;
  boardId: string;
  columnId: string;
  title: string;
  description?: string;
  assigneeId?: string;
  labels: string[];
  dueAt?: string;
  position: string;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  lastChange: ChangeType;
}

export interface CommentItem extends TableKey {
  type: 'COMMENT';
  id: string;
  boardId: string;
  cardId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export interface PositionItem extends TableKey {
  type: 'POSITION';
  columnId: string;
  position: string;
  cardId: string;
}

export interface ActivityItem extends TableKey {
  type: 'ACTIVITY';
  id: string;
  boardId: string;
  action: ActivityAction;
  actorId: string;
  cardId?: string;
  columnId?: string;
  userId?: string;
  at: string;
  /** Epoch seconds (the table's TTL attribute). */
  expiresAt: number;
}

export function positionItem(boardId: string, columnId: string, position: string, cardId: string): PositionItem {
  return { PK: boardPk(boardId), SK: positionSk(columnId, position), type: 'POSITION', columnId, position, cardId };
}

export interface ActivityInput {
  boardId: string;
  action: ActivityAction;
  actorId: string;
  cardId?: string;
  columnId?: string;
  userId?: string;
}

/** An activity entry written at `at` (ISO-8601) with id `activityId` (a ULID, so entries sort by time). */
export function activityItem(input: ActivityInput, activityId: string, at: string): ActivityItem {
  return {
    PK: boardPk(input.boardId),
    SK: activitySk(activityId),
    type: 'ACTIVITY',
    id: activityId,
    ...input,
    at,
    expiresAt: Math.floor(Date.parse(at) / 1000) + ACTIVITY_RETENTION_SECONDS,
  };
}

/** The GraphQL `Card` (without `comments`) of a card item: what `publishCardChanged` takes as `CardInput`. */
export function cardView(item: CardItem): CardView {
  return {
    id: item.id,
    boardId: item.boardId,
    columnId: item.columnId,
    title: item.title,
    description: item.description ?? null,
    assigneeId: item.assigneeId ?? null,
    labels: item.labels,
    dueAt: item.dueAt ?? null,
    position: item.position,
    version: item.version,
    createdBy: item.createdBy,
    updatedBy: item.updatedBy,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    lastChange: item.lastChange,
  };
}

export interface CardView {
  id: string;
  boardId: string;
  columnId: string;
  title: string;
  description: string | null;
  assigneeId: string | null;
  labels: string[];
  dueAt: string | null;
  position: string;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  lastChange: ChangeType;
}

export interface ColumnView {
  id: string;
  boardId: string;
  name: string;
  position: number;
  wipLimit: number | null;
  cardCount: number;
  lastChange: ChangeType;
  createdAt: string;
  updatedAt: string;
}

export function columnView(item: ColumnItem): ColumnView {
  return {
    id: item.id,
    boardId: item.boardId,
    name: item.name,
    position: item.position,
    wipLimit: item.wipLimit ?? null,
    cardCount: item.cardCount,
    lastChange: item.lastChange,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export interface MemberView {
  boardId: string;
  userId: string;
  role: Role;
  invitedBy: string;
  joinedAt: string;
  updatedAt: string;
  lastChange: ChangeType;
}

export function memberView(item: MemberItem): MemberView {
  return {
    boardId: item.boardId,
    userId: item.userId,
    role: item.role,
    invitedBy: item.invitedBy,
    joinedAt: item.joinedAt,
    updatedAt: item.updatedAt,
    lastChange: item.lastChange,
  };
}

export interface BoardView {
  id: string;
  name: string;
  description: string | null;
  status: BoardStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export function boardView(item: BoardItem): BoardView {
  return {
    id: item.id,
    name: item.name,
    description: item.description ?? null,
    status: item.status,
    createdBy: item.createdBy,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
