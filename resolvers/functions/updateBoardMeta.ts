/**
 * Renames or re-describes the board `ctx.stash.boardId` and logs it, in one transaction; the board must
 * be ACTIVE. Stashes the board's key for readItem, which answers the board as it now is.
 */
import { util, type Context } from '@aws-appsync/utils';
import { operations, transactWrite } from '@aws-appsync/utils/dynamodb';
import { boardChange, logActivity } from '../lib/board-change.js';
import { boardPk, META_SK } from '../lib/keys.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const change = boardChange(ctx);
  const changes: Record<string, unknown> = { updatedAt: change.at };
  if (Object.hasOwn(input, 'name')) changes.name = ctx.stash.name;
  if (Object.hasOwn(input, 'description')) changes.description = input.description ? input.description : operations.remove();
  ctx.stash.itemKey = { PK: boardPk(change.boardId), SK: META_SK };
  return transactWrite({
    items: [
      { updateItem: { table: change.table, key: ctx.stash.itemKey, update: changes, condition: { status: { eq: 'ACTIVE' } } } },
      logActivity(change, 'BOARD_UPDATED', {}),
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
