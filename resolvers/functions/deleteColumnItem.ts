/**
 * Deletes the column readItem found, if it is empty (`cardCount = 0`, a condition: a card added meanwhile
 * keeps it), and logs it, in one transaction. Answers the column as it was, marked DELETED.
 */
import { util, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import { boardChange, logActivity } from '../lib/board-change.js';
import { columnView, type ColumnFields } from '../lib/views.js';

export function request(ctx: Context) {
  const column = ctx.prev.result;
  if (!column) util.error(`Column ${ctx.args.id} does not exist.`, 'NotFound');
  if (column.cardCount > 0) refuseNonEmpty(column);
  const change = boardChange(ctx);
  ctx.stash.deleted = { ...columnView(column), lastChange: 'DELETED', updatedAt: change.at };
  return transactWrite({
    items: [
      { deleteItem: { table: change.table, key: ctx.stash.itemKey, condition: { cardCount: { eq: 0 } } } },
      logActivity(change, 'COLUMN_DELETED', { columnId: column.id }),
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reason = ctx.result.cancellationReasons?.[0];
    if (reason?.type === 'ConditionalCheckFailed') {
      if (!reason.item) util.error(`Column ${ctx.args.id} does not exist.`, 'NotFound');
      refuseNonEmpty(reason.item);
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.deleted;
}

/** The ColumnNotEmpty error, with the column as it is as its data. */
function refuseNonEmpty(column: ColumnFields): never {
  const cards = column.cardCount === 1 ? '1 card' : `${column.cardCount} cards`;
  return util.error(`Column ${column.name} still holds ${cards}.`, 'ColumnNotEmpty', columnView(column));
}
