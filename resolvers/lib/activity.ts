/**
 * The board's activity log entries (`BOARD#<boardId>` / `ACTIVITY#<ulid>`, see ./keys.ts), written in
 * the same transaction as the change they record, by the APPSYNC_JS resolvers and by the Lambda
 * functions (through functions/lib/model.ts). Pure: the caller gives the entry's id and time (a
 * resolver from `util.autoUlid()` and `util.time`, a function from its own clock and id source).
 */
import type { ActivityAction } from '../generated/schema-types.js';
import { activitySk, boardPk, type TableKey } from './keys.js';

/** Activity entries expire after 180 days (the table's TTL attribute is `expiresAt`). */
const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

/** What happened, on which board, by whom, and what it concerned. */
export interface ActivityInput {
  boardId: string;
  action: ActivityAction;
  actorId: string;
  cardId?: string;
  columnId?: string;
  userId?: string;
}

/** An activity entry's attributes besides its key. */
export interface ActivityAttributes extends ActivityInput {
  type: 'ACTIVITY';
  id: string;
  at: string;
  /** Epoch seconds (the table's TTL attribute). */
  expiresAt: number;
}

export function activityKey(boardId: string, activityId: string): TableKey {
  return { PK: boardPk(boardId), SK: activitySk(activityId) };
}

/**
 * The entry `activityId` (a ULID, so entries sort by time) written at `at` (ISO-8601), which is
 * `atEpochSeconds` in epoch seconds: the entry expires `ACTIVITY_RETENTION_SECONDS` later.
 */
export function activityAttributes(input: ActivityInput, activityId: string, at: string, atEpochSeconds: number): ActivityAttributes {
  return { type: 'ACTIVITY', id: activityId, ...input, at, expiresAt: atEpochSeconds + ACTIVITY_RETENTION_SECONDS };
}

/** The `putItem` of a `transactWrite` (from `@aws-appsync/utils/dynamodb`) that writes the entry into `table`. */
export function activityPut(table: string, input: ActivityInput, activityId: string, at: string, atEpochSeconds: number) {
  return { putItem: { table, key: activityKey(input.boardId, activityId), item: activityAttributes(input, activityId, at, atEpochSeconds) } };
}
