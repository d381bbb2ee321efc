/**
 * The board subscriptions (each resolved by boardSubscription.ts, which sets their invalidation filter
 * on `boardId` and `userId`) and how a mutation ends them (appsync-realtime.md §4.6).
 */
import { extensions } from '@aws-appsync/utils';

const BOARD_SUBSCRIPTIONS = ['onCardChanged', 'onColumnChanged', 'onCommentAdded', 'onBoardChanged'];

/** Ends the board subscriptions of member `userId` on board `boardId`; `userId: "*"` ends every member's. */
export function invalidateBoardSubscriptions(boardId: string, userId: string): void {
  BOARD_SUBSCRIPTIONS.forEach((subscriptionField) => {
    extensions.invalidateSubscriptions({ subscriptionField, payload: { boardId, userId } });
  });
}
