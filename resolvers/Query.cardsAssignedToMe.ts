/** One page of the cards assigned to the caller, soonest due first, from the sparse `byAssignee` index. */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { assigneeGsiPk } from './lib/keys.js';

export function request(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  return query({
    index: 'byAssignee',
    query: { GSI2PK: { eq: assigneeGsiPk(sub) } },
    limit: Math.min(Math.max(ctx.args.limit ?? 20, 1), 100),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
