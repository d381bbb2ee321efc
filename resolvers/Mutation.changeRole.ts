/** Pipeline: authorizeMember (OWNER) → invokeMembers (the last OWNER stays: functions/members.ts). */
import type { Context } from '@aws-appsync/utils';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.boardId, 'OWNER');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
