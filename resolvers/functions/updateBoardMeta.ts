/**
 * Renames or re-describes the board `ctx.stash.boardId` and logs it, in one transaction; the board must
 * be ACTIVE. Stashes the board's key for readItem, which answers the board as it now is.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { operations, transactWrite } from '@aws-appsync/utils/dynamodb';

/** Activity entries expire after 180 days (the table's TTL attribute is `expiresAt`). */
const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export function request(ctx: Context) {
  const { input } = ctx.args;
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const boardId = ctx.stash.boardId;
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const changes: Record<string, unknown> = { updatedAt: now };
  if (Object.hasOwn(input, 'name')) changes.name = ctx.stash.name;
  if (Object.hasOwn(input, 'description')) changes.description = input.description ? input.description : operations.remove();
  const activityId = util.autoUlid();
  ctx.stash.itemKey = { PK: `BOARD#${boardId}`, SK: 'META' };
  return transactWrite({
    items: [
      { updateItem: { table, key: ctx.stash.itemKey, update: changes, condition: { status: { eq: 'ACTIVE' } } } },
      {
        putItem: {
          table,
          key: { PK: `BOARD#${boardId}`, SK: `ACTIVITY#${activityId}` },
          item: { type: 'ACTIVITY', id: activityId, boardId, action: 'BOARD_UPDATED', actorId: sub, at: now, expiresAt: util.time.nowEpochSeconds() + ACTIVITY_RETENTION_SECONDS },
        },
      },
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.result.cancellationReasons?.[0].type === 'ConditionalCheckFailed') util.error(`Board ${ctx.stash.boardId} does not exist.`, 'NotFound');
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
