/**
 * The items of the board table and the views the functions answer and publish, for the Lambda functions.
 * The key formats, the activity entry and the card and column views are defined
 * once, in resolvers/lib/ (pure modules the APPSYNC_JS resolvers bundle too), and re-exported here:
 * the layout itself is described in resolvers/lib/keys.ts.
 */
import { activityAttributes, activityKey, type ActivityAttributes, type ActivityInput } from '../../resolvers/lib/activity.js';
import { boardPk, positionSk, type TableKey } from '../../resolvers/lib/keys.js';
import type { CardFields, ColumnFields } from '../../resolvers/lib/views.js';
import type { BoardStatus, ChangeType, Role } from './domain.js';

export {
  assigneeGsiPk,
  assigneeGsiSk,
  boardPk,
  CARD_SK_PREFIX,
  cardGsiPk,
  cardSk,
  columnSk,
  commentSkPrefix,
  MEMBER_SK_PREFIX,
  memberSk,
  META_SK,
  positionSk,
  positionSkPrefix,
  userGsiPk,
  type TableKey,
} from '../../resolvers/lib/keys.js';
export { cardView, columnView, type CardView, type ColumnView } from '../../resolvers/lib/views.js';

export interface BoardItem extends TableKey, Omit<BoardView, 'description'> {
  type: 'BOARD';
  description?: string;
  /** How many members are OWNERs: the last-owner rule is a condition on it. */
  ownerCount: number;
  /** The position the next added column gets. */
  columnSeq: number;
}

export interface MemberItem extends TableKey, MemberView {
  type: 'MEMBER';
  GSI1PK: string;
  GSI1SK: string;
}

export interface ColumnItem extends TableKey, ColumnFields {
  type: 'COLUMN';
}

export interface CardItem extends TableKey, CardFields {
  type: 'CARD';
  /** Present only while the card is assigned (the index is sparse). */
  GSI2PK?: string;
  GSI2SK: string;
  GSI3PK: string;
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

export type ActivityItem = TableKey & ActivityAttributes;

export function positionItem(boardId: string, columnId: string, position: string, cardId: string): PositionItem {
  return { PK: boardPk(boardId), SK: positionSk(columnId, position), type: 'POSITION', columnId, position, cardId };
}

/** An activity entry written at `at` (ISO-8601) with id `activityId` (a ULID, so entries sort by time). */
export function activityItem(input: ActivityInput, activityId: string, at: string): ActivityItem {
  return { ...activityKey(input.boardId, activityId), ...activityAttributes(input, activityId, at, Math.floor(Date.parse(at) / 1000)) };
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
