/**
 * Reads the item `ctx.stash.itemKey` strongly consistently: after a transaction (which answers only
 * keys) this is the item as the transaction left it, or newer. `null` when it does not exist.
 */
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';

export function request(ctx: Context) {
  return get({ key: ctx.stash.itemKey, consistentRead: true });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
