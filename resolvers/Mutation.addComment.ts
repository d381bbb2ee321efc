/** Pipeline: authorizeMember (EDITOR) → putComment. */
import type { Context } from '@aws-appsync/utils';
import { refuseBadRequest } from './lib/bad-request.js';
import { commentProblem } from './lib/input-rules.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const text = input.text.trim();
  refuseBadRequest(commentProblem(text));
  ctx.stash.text = text;
  return requireRole(ctx, input.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
