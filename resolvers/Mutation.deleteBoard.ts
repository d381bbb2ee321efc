/**
 * Pipeline: authorizeMember (OWNER) → invokeDeleteBoard (the cascade, functions/delete-board.ts).
 * Once the board is gone, every subscription on it ends: the invalidation payload names all members
 * (`userId: "*"`, see boardSubscription.ts).
 */
import { extensions, type Context } from '@aws-appsync/utils';

const BOARD_SUBSCRIPTIONS = ['onCardChanged', 'onColumnChanged', 'onCommentAdded', 'onBoardChanged'];

export function request(ctx: Context) {
  ctx.stash.boardId = ctx.args.id;
  ctx.stash.requiredRole = 'OWNER';
  return {};
}

export function response(ctx: Context) {
  const board = ctx.prev.result;
  if (board.status === 'DELETED') {
    BOARD_SUBSCRIPTIONS.forEach((subscriptionField) => {
      extensions.invalidateSubscriptions({ subscriptionField, payload: { boardId: board.id, userId: '*' } });
    });
  }
  return board;
}
