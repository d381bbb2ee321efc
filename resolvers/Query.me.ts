/** The signed-in user, from the token (NONE data source). */
import type { AppSyncIdentityCognito, Context } from '@aws-appsync/utils';

export function request() {
  return { payload: null };
}

export function response(ctx: Context) {
  const identity = ctx.identity as AppSyncIdentityCognito;
  return { id: identity.sub, username: identity.username, email: identity.claims.email ?? null };
}
