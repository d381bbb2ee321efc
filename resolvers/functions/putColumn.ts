/** Writes the new column (at `ctx.stash.columnPosition`) and its activity entry in one transaction; answers the column. */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';

const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export function request(ctx: Context) {
  const { input } = ctx.args;
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const boardId = ctx.stash.boardId;
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const id = util.autoUlid();
  const activityId = util.autoUlid();
  const column = {
    id,
    boardId,
    name: ctx.stash.name,
    position: ctx.stash.columnPosition,
    ...(input.wipLimit ? { wipLimit: input.wipLimit } : {}),
    cardCount: 0,
    lastChange: 'CREATED',
    createdAt: now,
    updatedAt: now,
  };
  ctx.stash.column = column;
  return transactWrite({
    items: [
      { putItem: { table, key: { PK: `BOARD#${boardId}`, SK: `COLUMN#${id}` }, item: { type: 'COLUMN', ...column }, condition: { PK: { attributeExists: false } } } },
      {
        putItem: {
          table,
          key: { PK: `BOARD#${boardId}`, SK: `ACTIVITY#${activityId}` },
          item: { type: 'ACTIVITY', id: activityId, boardId, action: 'COLUMN_ADDED', actorId: sub, columnId: id, at: now, expiresAt: util.time.nowEpochSeconds() + ACTIVITY_RETENTION_SECONDS },
        },
      },
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.stash.column;
}
