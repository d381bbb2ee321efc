/** One page of the caller's memberships, from the `byUser` index (oldest board first: board ids are ULIDs). */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { userGsiPk } from '../lib/keys.js';

export function request(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  return query({ index: 'byUser', query: { GSI1PK: { eq: userGsiPk(sub) } }, limit: ctx.stash.limit, nextToken: ctx.args.nextToken });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  ctx.stash.nextToken = ctx.result.nextToken;
  return ctx.result.items;
}
