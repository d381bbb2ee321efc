/** Pipeline: authorizeMember (OWNER) → invokeMembers (the last OWNER stays: functions/members.ts). */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.boardId;
  ctx.stash.requiredRole = 'OWNER';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
