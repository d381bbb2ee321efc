/** NONE data source: a user may follow only their own memberships (the error as in authorizeMember.ts). */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  if (ctx.args.userId !== sub) util.error(`Not Authorized to access ${ctx.info.fieldName} on type ${ctx.info.parentTypeName}`, 'Unauthorized');
  return { payload: null };
}

export function response() {
  return null;
}
