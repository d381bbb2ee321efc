/** Pipeline: authorizeMember (VIEWER) → queryBoardItems. */
import type { Context } from '@aws-appsync/utils';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.id, 'VIEWER');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
