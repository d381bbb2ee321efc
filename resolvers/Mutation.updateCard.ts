/**
 * Pipeline: authorizeMember (EDITOR) → updateCardItem (version check) → readItem. The limits are
 * createCard's (lib/input-rules.ts).
 */
import type { Context } from '@aws-appsync/utils';
import { refuseBadRequest } from './lib/bad-request.js';
import { cardDescriptionProblem, cardLabels, cardLabelsProblem, cardTitleProblem } from './lib/input-rules.js';
import { requireRole } from './lib/require-role.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  if (Object.hasOwn(input, 'title')) {
    const title = (input.title ?? '').trim();
    refuseBadRequest(cardTitleProblem(title));
    ctx.stash.title = title;
  }
  refuseBadRequest(cardDescriptionProblem(input.description));
  if (Object.hasOwn(input, 'labels')) {
    const labels = cardLabels(input.labels);
    refuseBadRequest(cardLabelsProblem(labels));
    ctx.stash.labels = labels;
  }
  return requireRole(ctx, input.boardId, 'EDITOR');
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
