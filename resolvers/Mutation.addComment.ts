/** Pipeline: authorizeMember (EDITOR) → putComment. */
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const text = input.text.trim();
  if (text.length === 0 || text.length > 2000) util.error('A comment must have 1 to 2000 characters.', 'BadRequest');
  ctx.stash.text = text;
  ctx.stash.boardId = input.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
