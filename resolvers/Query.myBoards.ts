/** Pipeline: listMyMemberships → getMembershipBoards. Page size 20 by default, 1..100. */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  ctx.stash.limit = Math.min(Math.max(ctx.args.limit ?? 20, 1), 100);
  return {};
}

export function response(ctx: Context) {
  return { items: ctx.prev.result, nextToken: ctx.stash.nextToken };
}
