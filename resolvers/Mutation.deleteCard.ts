/** Pipeline: authorizeMember (EDITOR) → invokeCards (the card, its position, its comments: functions/cards.ts). */
import type { Context } from '@aws-appsync/utils';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
