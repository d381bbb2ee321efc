/**
 * NONE data source: a user may follow only their own memberships; anyone else gets
 * `util.unauthorized()`, AppSync's field denial (as in functions/authorizeMember.ts).
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  if (ctx.args.userId !== sub) util.unauthorized();
  return { payload: null };
}

export function response() {
  return null;
}
