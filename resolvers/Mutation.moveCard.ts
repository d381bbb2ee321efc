/** Pipeline: authorizeMember (EDITOR) → invokeCards (fractional index between the neighbours, WIP limit: functions/cards.ts). */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.input.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
