/** Pipeline: authorizeMember (VIEWER) → queryBoardItems. */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.id;
  ctx.stash.requiredRole = 'VIEWER';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
