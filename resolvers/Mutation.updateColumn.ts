/** Pipeline: authorizeMember (EDITOR) → updateColumnItem → readItem. */
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { input } = ctx.args;
  if (Object.hasOwn(input, 'name')) {
    const name = (input.name ?? '').trim();
    if (name.length === 0 || name.length > 50) util.error('A column name must have 1 to 50 characters.', 'BadRequest');
    ctx.stash.name = name;
  }
  if (input.wipLimit !== undefined && input.wipLimit !== null && input.wipLimit < 1) util.error('A WIP limit must be at least 1.', 'BadRequest');
  ctx.stash.boardId = input.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
