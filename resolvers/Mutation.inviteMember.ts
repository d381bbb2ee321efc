/** Pipeline: authorizeMember (EDITOR) → invokeMembers (who may invite whom, idempotence: functions/members.ts). */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
