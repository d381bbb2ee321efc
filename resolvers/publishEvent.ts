/**
 * The resolver of every `publish*` mutation (`@aws_iam`, called by the Lambda functions, see
 * functions/lib/events.ts): NONE data source, the one argument echoed as the result, so that the
 * subscriptions listening on the mutation receive it.
 */
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return { payload: Object.values(ctx.args)[0] };
}

export function response(ctx: Context) {
  return ctx.result;
}
