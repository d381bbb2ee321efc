/** Pipeline: authorizeMember (VIEWER) → queryActivity. Page size 20 by default, 1..100. */
import type { Context } from '@aws-appsync/utils';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  ctx.stash.limit = Math.min(Math.max(ctx.args.limit ?? 20, 1), 100);
  return requireRole(ctx, ctx.args.boardId, 'VIEWER');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
