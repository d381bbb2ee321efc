/** `{ authType, identity }` of the caller (NONE data source); `ctx.identity` is null for API keys. */
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return { payload: { authType: util.authType(), identity: ctx.identity ?? null } };
}

export function response(ctx: Context) {
  return ctx.result;
}
