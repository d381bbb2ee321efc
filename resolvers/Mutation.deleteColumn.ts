/** Pipeline: authorizeMember (EDITOR) → readItem (the column) → deleteColumnItem. */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  ctx.stash.itemKey = { PK: `BOARD#${ctx.args.boardId}`, SK: `COLUMN#${ctx.args.id}` };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
