/**
 * Pipeline: authorizeMember (OWNER) → invokeDeleteBoard (the cascade, functions/delete-board.ts).
 * Once the board is gone, every subscription on it ends: the invalidation payload names all members
 * (`userId: "*"`, see boardSubscription.ts).
 */
import type { Context } from '@aws-appsync/utils';
import { invalidateBoardSubscriptions } from './lib/board-subscriptions.js';

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.id;
  ctx.stash.requiredRole = 'OWNER';
  return {};
}

export function response(ctx: Context) {
  const board = ctx.prev.result;
  if (board.status === 'DELETED') invalidateBoardSubscriptions(board.id, '*');
  return board;
}
