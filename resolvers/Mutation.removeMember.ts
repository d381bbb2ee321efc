/**
 * Pipeline: authorizeMember (VIEWER: members may leave; removing others needs OWNER, checked by the
 * function) → invokeMembers. Ends the removed member's subscriptions on the board
 * (appsync-realtime.md §4.6; the filters are set in boardSubscription.ts).
 */
import type { Context } from '@aws-appsync/utils';
import { invalidateBoardSubscriptions } from './lib/board-subscriptions.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.boardId, 'VIEWER');
}

export function response(ctx: Context) {
  const member = ctx.prev.result;
  invalidateBoardSubscriptions(member.boardId, member.userId);
  return member;
}
