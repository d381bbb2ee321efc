/**
 * Takes the next column position from the board's `columnSeq` counter (an atomic increment; an
 * abandoned number only leaves a gap). The board must be ACTIVE. Stashes `columnPosition`.
 */
import { util, type Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import { boardPk, META_SK } from '../lib/keys.js';

export function request(ctx: Context) {
  return update({
    key: { PK: boardPk(ctx.stash.boardId), SK: META_SK },
    update: { columnSeq: operations.increment(1) },
    condition: { status: { eq: 'ACTIVE' } },
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') util.error(`Board ${ctx.stash.boardId} does not exist.`, 'NotFound');
    util.error(ctx.error.message, ctx.error.type);
  }
  ctx.stash.columnPosition = ctx.result.columnSeq - 1;
  return ctx.result;
}
