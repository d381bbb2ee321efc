/** Pipeline: authorizeMember (EDITOR) → readItem (the column) → deleteColumnItem. */
import type { Context } from '@aws-appsync/utils';
import { boardPk, columnSk } from './lib/keys.js';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  ctx.stash.itemKey = { PK: boardPk(ctx.args.boardId), SK: columnSk(ctx.args.id) };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
