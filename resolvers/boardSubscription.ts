/**
 * The resolver of the board subscriptions (onCardChanged, onColumnChanged, onCommentAdded,
 * onBoardChanged), a pipeline run once when a client subscribes (appsync-realtime.md §4.4):
 * authorizeMember (VIEWER) refuses non-members, then this after handler sets
 *
 * - an enhanced filter with one equality per argument given (`boardId`, or `id` for onBoardChanged;
 *   the optional `assigneeId` / `cardId`), matched against the published object (§4.5);
 * - an invalidation filter, so that removeMember (payload `{ boardId, userId }`) ends this member's
 *   subscriptions on the board, and deleteBoard (`userId: "*"`) everyone's (§4.6).
 */
import { extensions, util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  return requireRole(ctx, ctx.args.boardId ?? ctx.args.id, 'VIEWER');
}

export function response(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const equalities: Record<string, { eq: string }> = {};
  Object.keys(ctx.args).forEach((name) => {
    if (ctx.args[name] !== null && ctx.args[name] !== undefined) equalities[name] = { eq: ctx.args[name] };
  });
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(equalities));
  extensions.setSubscriptionInvalidationFilter({
    filterGroup: [
      {
        filters: [
          { fieldName: 'boardId', operator: 'eq', value: ctx.stash.boardId },
          { fieldName: 'userId', operator: 'in', value: [sub, '*'] },
        ],
      },
    ],
  });
  return null;
}
