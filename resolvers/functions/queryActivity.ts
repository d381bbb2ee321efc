/** One page of a board's activity log, newest first (activity keys are ULIDs). */
import { util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { ACTIVITY_SK_PREFIX, boardPk } from '../lib/keys.js';

export function request(ctx: Context) {
  return query({
    query: { PK: { eq: boardPk(ctx.stash.boardId) }, SK: { beginsWith: ACTIVITY_SK_PREFIX } },
    scanIndexForward: false,
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
