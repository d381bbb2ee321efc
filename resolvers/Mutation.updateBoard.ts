/** Pipeline: authorizeMember (OWNER) → updateBoardMeta → readItem. */
import type { Context } from '@aws-appsync/utils';
import { refuseBadRequest } from './lib/bad-request.js';
import { boardDescriptionProblem, boardNameProblem } from './lib/input-rules.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  if (Object.hasOwn(input, 'name')) {
    const name = (input.name ?? '').trim();
    refuseBadRequest(boardNameProblem(name));
    ctx.stash.name = name;
  }
  refuseBadRequest(boardDescriptionProblem(input.description));
  return requireRole(ctx, input.id, 'OWNER');
}

export function response(ctx: Context) {
  return { ...ctx.prev.result, myRole: ctx.stash.callerRole };
}
