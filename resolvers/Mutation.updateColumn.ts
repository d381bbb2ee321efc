/** Pipeline: authorizeMember (EDITOR) → updateColumnItem → readItem. */
import type { Context } from '@aws-appsync/utils';
import { refuseBadRequest } from './lib/bad-request.js';
import { columnNameProblem, wipLimitProblem } from './lib/input-rules.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  if (Object.hasOwn(input, 'name')) {
    const name = (input.name ?? '').trim();
    refuseBadRequest(columnNameProblem(name));
    ctx.stash.name = name;
  }
  refuseBadRequest(wipLimitProblem(input.wipLimit));
  return requireRole(ctx, input.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
