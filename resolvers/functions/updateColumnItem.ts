/**
 * Renames a column or changes its WIP limit, and logs it, in one transaction. A new limit must be at
 * least the column's card count (a condition, so a card added meanwhile is counted). Stashes the
 * column's key for readItem.
 */
import { util, type Context } from '@aws-appsync/utils';
import { operations, transactWrite } from '@aws-appsync/utils/dynamodb';
import { boardChange, logActivity } from '../lib/board-change.js';
import { boardPk, columnSk } from '../lib/keys.js';
import { columnView } from '../lib/views.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const change = boardChange(ctx);
  const changes: Record<string, unknown> = { updatedAt: change.at, lastChange: 'UPDATED' };
  if (Object.hasOwn(input, 'name')) changes.name = ctx.stash.name;
  const limited = Object.hasOwn(input, 'wipLimit') && input.wipLimit !== null;
  if (Object.hasOwn(input, 'wipLimit')) changes.wipLimit = limited ? input.wipLimit : operations.remove();
  ctx.stash.itemKey = { PK: boardPk(change.boardId), SK: columnSk(input.id) };
  return transactWrite({
    items: [
      {
        updateItem: {
          table: change.table,
          key: ctx.stash.itemKey,
          update: changes,
          condition: limited ? { PK: { attributeExists: true }, cardCount: { le: input.wipLimit } } : { PK: { attributeExists: true } },
        },
      },
      logActivity(change, 'COLUMN_UPDATED', { columnId: input.id }),
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reason = ctx.result.cancellationReasons?.[0];
    if (reason?.type === 'ConditionalCheckFailed') {
      if (!reason.item) util.error(`Column ${ctx.args.input.id} does not exist.`, 'NotFound');
      util.error(`Column ${reason.item.name} holds ${reason.item.cardCount} cards, more than a WIP limit of ${ctx.args.input.wipLimit}.`, 'WipLimitExceeded', columnView(reason.item));
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
