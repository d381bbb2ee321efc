/** Pipeline: authorizeMember (EDITOR) → invokeCards (fractional index between the neighbours, WIP limit: functions/cards.ts). */
import type { Context } from '@aws-appsync/utils';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.input.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
