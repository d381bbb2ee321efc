/** Pipeline: authorizeMember (EDITOR) → reserveColumnPosition → putColumn. */
import type { Context } from '@aws-appsync/utils';
import { refuseBadRequest } from './lib/bad-request.js';
import { columnNameProblem, wipLimitProblem } from './lib/input-rules.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const name = input.name.trim();
  refuseBadRequest(columnNameProblem(name));
  refuseBadRequest(wipLimitProblem(input.wipLimit));
  ctx.stash.name = name;
  return requireRole(ctx, input.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
