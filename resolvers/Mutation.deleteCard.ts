/** Pipeline: authorizeMember (EDITOR) → invokeCards (the card, its position, its comments: functions/cards.ts). */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
