/**
 * Pipeline: authorizeMember (OWNER) → invokeDeleteBoard (the cascade, functions/delete-board.ts).
 * Once the board is gone, every subscription on it ends: the invalidation payload names all members
 * (`userId: "*"`, see boardSubscription.ts).
 */
import type { Context } from '@aws-appsync/utils';
import { invalidateBoardSubscriptions } from './lib/board-subscriptions.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.id, 'OWNER');
}

export function response(ctx: Context) {
  const board = ctx.prev.result;
  if (board.status === 'DELETED') invalidateBoardSubscriptions(board.id, '*');
  return board;
}
