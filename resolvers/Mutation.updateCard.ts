/**
 * Pipeline: authorizeMember (EDITOR) → updateCardItem (version check) → readItem. The limits match
 * functions/lib/validation.ts (createCard).
 */
import { util, type Context } from '@aws-appsync/utils';

const TITLE_LENGTH = 200;
const DESCRIPTION_LENGTH = 4000;
const LABELS = 10;
const LABEL_LENGTH = 40;

export function request(ctx: Context) {
  const { input } = ctx.args;
  if (Object.hasOwn(input, 'title')) {
    const title = (input.title ?? '').trim();
    if (title.length === 0 || title.length > TITLE_LENGTH) util.error(`A card title must have 1 to ${TITLE_LENGTH} characters.`, 'BadRequest');
    ctx.stash.title = title;
  }
  if (input.description && input.description.length > DESCRIPTION_LENGTH) {
    util.error(`A card description has at most ${DESCRIPTION_LENGTH} characters.`, 'BadRequest');
  }
  if (Object.hasOwn(input, 'labels')) {
    const trimmed: string[] = (input.labels ?? []).map((label: string) => label.trim());
    const labels = trimmed.filter((label, index) => trimmed.indexOf(label) === index);
    if (labels.length > LABELS || labels.some((label) => label.length === 0 || label.length > LABEL_LENGTH)) {
      util.error(`A card has at most ${LABELS} labels of 1 to ${LABEL_LENGTH} characters.`, 'BadRequest');
    }
    ctx.stash.labels = labels;
  }
  ctx.stash.boardId = input.boardId;
  ctx.stash.requiredRole = 'EDITOR';
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
