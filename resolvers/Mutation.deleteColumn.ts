/** Pipeline: authorizeMember (EDITOR) → readItem (the column) → deleteColumnItem. */
import type { Context } from '@aws-appsync/utils';
import { boardPk, columnSk } from './lib/keys.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  ctx.stash.itemKey = { PK: boardPk(ctx.args.boardId), SK: columnSk(ctx.args.id) };
  return requireRole(ctx, ctx.args.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
