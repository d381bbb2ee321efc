/**
 * Renames a column or changes its WIP limit, and logs it, in one transaction. A new limit must be at
 * least the column's card count (a condition, so a card added meanwhile is counted). Stashes the
 * column's key for readItem.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { operations, transactWrite } from '@aws-appsync/utils/dynamodb';

const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export function request(ctx: Context) {
  const { input } = ctx.args;
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const boardId = ctx.stash.boardId;
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const changes: Record<string, unknown> = { updatedAt: now, lastChange: 'UPDATED' };
  if (Object.hasOwn(input, 'name')) changes.name = ctx.stash.name;
  const limited = Object.hasOwn(input, 'wipLimit') && input.wipLimit !== null;
  if (Object.hasOwn(input, 'wipLimit')) changes.wipLimit = limited ? input.wipLimit : operations.remove();
  const activityId = util.autoUlid();
  ctx.stash.itemKey = { PK: `BOARD#${boardId}`, SK: `COLUMN#${input.id}` };
  return transactWrite({
    items: [
      {
        updateItem: {
          table,
          key: ctx.stash.itemKey,
          update: changes,
          condition: limited ? { PK: { attributeExists: true }, cardCount: { le: input.wipLimit } } : { PK: { attributeExists: true } },
        },
      },
      {
        putItem: {
          table,
          key: { PK: `BOARD#${boardId}`, SK: `ACTIVITY#${activityId}` },
          item: { type: 'ACTIVITY', id: activityId, boardId, action: 'COLUMN_UPDATED', actorId: sub, columnId: input.id, at: now, expiresAt: util.time.nowEpochSeconds() + ACTIVITY_RETENTION_SECONDS },
        },
      },
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reason = ctx.result.cancellationReasons?.[0];
    if (reason?.type === 'ConditionalCheckFailed') {
      if (!reason.item) util.error(`Column ${ctx.args.input.id} does not exist.`, 'NotFound');
      util.error(`Column ${reason.item.name} holds ${reason.item.cardCount} cards, more than a WIP limit of ${ctx.args.input.wipLimit}.`, 'WipLimitExceeded', publicColumn(reason.item));
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}

/** The column as the schema shows it: no keys, absent optional fields as null. */
function publicColumn(item: Record<string, any>) {
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
