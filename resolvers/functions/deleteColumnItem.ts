/**
 * Deletes the column readItem found, if it is empty (`cardCount = 0`, a condition: a card added meanwhile
 * keeps it), and logs it, in one transaction. Answers the column as it was, marked DELETED.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';

const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export function request(ctx: Context) {
  const column = ctx.prev.result;
  if (!column) util.error(`Column ${ctx.args.id} does not exist.`, 'NotFound');
  if (column.cardCount > 0) util.error(`Column ${column.name} still holds ${cardsText(column.cardCount)}.`, 'ColumnNotEmpty', publicColumn(column));
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const boardId = ctx.stash.boardId;
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const activityId = util.autoUlid();
  ctx.stash.deleted = { ...publicColumn(column), lastChange: 'DELETED', updatedAt: now };
  return transactWrite({
    items: [
      { deleteItem: { table, key: ctx.stash.itemKey, condition: { cardCount: { eq: 0 } } } },
      {
        putItem: {
          table,
          key: { PK: `BOARD#${boardId}`, SK: `ACTIVITY#${activityId}` },
          item: { type: 'ACTIVITY', id: activityId, boardId, action: 'COLUMN_DELETED', actorId: sub, columnId: column.id, at: now, expiresAt: util.time.nowEpochSeconds() + ACTIVITY_RETENTION_SECONDS },
        },
      },
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reason = ctx.result.cancellationReasons?.[0];
    if (reason?.type === 'ConditionalCheckFailed') {
      if (!reason.item) util.error(`Column ${ctx.args.id} does not exist.`, 'NotFound');
      util.error(`Column ${reason.item.name} still holds ${cardsText(reason.item.cardCount)}.`, 'ColumnNotEmpty', publicColumn(reason.item));
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.deleted;
}

function cardsText(count: number): string {
  return count === 1 ? '1 card' : `${count} cards`;
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
