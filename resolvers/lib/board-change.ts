/**
 * What every board-changing pipeline function needs, once: the change's board, author, table and time,
 * and the activity entry that records it in the same transaction. For APPSYNC_JS resolvers only (it
 * reads `util`); the entry itself is ./activity.ts, shared with the Lambda functions.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import type { ActivityAction } from '../generated/schema-types.js';
import { activityPut, type ActivityInput } from './activity.js';

export interface BoardChange {
  /** The board table (`ctx.env.TABLE_NAME`: batch and transaction requests name their table). */
  table: string;
  /** The board authorizeMember let the caller change (`ctx.stash.boardId`). */
  boardId: string;
  /** The caller's `sub`. */
  actorId: string;
  /** When the change happens (ISO-8601), for `updatedAt`, `createdAt` and the activity entry. */
  at: string;
}

/** The change the caller makes now, in a board-scoped pipeline (after authorizeMember). */
export function boardChange(ctx: Context): BoardChange {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  return { table: ctx.env.TABLE_NAME, boardId: ctx.stash.boardId, actorId: sub, at: util.time.nowISO8601() };
}

/** The card or column an activity entry concerns, if any. */
export type ActivitySubject = Pick<ActivityInput, 'cardId' | 'columnId'>;

/** The `transactWrite` item that logs `change` as `action` (a new entry id, expiring from now). */
export function logActivity(change: BoardChange, action: ActivityAction, subject: ActivitySubject) {
  const input = { boardId: change.boardId, action, actorId: change.actorId, ...subject };
  return activityPut(change.table, input, util.autoUlid(), change.at, util.time.nowEpochSeconds());
}
