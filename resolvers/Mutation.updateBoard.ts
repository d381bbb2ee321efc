/** Pipeline: authorizeMember (OWNER) → updateBoardMeta → readItem. */
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { input } = ctx.args;
  if (Object.hasOwn(input, 'name')) {
    const name = (input.name ?? '').trim();
    if (name.length === 0 || name.length > 100) util.error('A board name must have 1 to 100 characters.', 'BadRequest');
    ctx.stash.name = name;
  }
  if (input.description && input.description.length > 1000) util.error('A board description has at most 1000 characters.', 'BadRequest');
  ctx.stash.boardId = input.id;
  ctx.stash.requiredRole = 'OWNER';
  return {};
}

export function response(ctx: Context) {
  return { ...ctx.prev.result, myRole: ctx.stash.callerRole };
}
