/**
 * Hands a board mutation to its Lambda function (cards, members, deleteBoard): the field, its
 * arguments, and the caller with the role authorizeMember found. The function answers
 * `{ value }` or `{ error: { errorType, message, data, errorInfo } }` (functions/lib/errors.ts), because
 * AppSync does not forward a function's own error type; the error is raised here as the function worded it.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  return {
    operation: 'Invoke',
    payload: { field: ctx.info.fieldName, arguments: ctx.args, actorId: sub, actorRole: ctx.stash.callerRole },
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const outcome = ctx.result;
  if (outcome.error) util.error(outcome.error.message, outcome.error.errorType, outcome.error.data, outcome.error.errorInfo);
  return outcome.value;
}
