/**
 * Limits on what users type, as the functions raise them (an `InvalidInputError`, errorType
 * BadRequest). The limits themselves are resolvers/lib/input-rules.ts, which the APPSYNC_JS resolvers
 * that write the same fields check too.
 */
import { cardDescriptionProblem, cardLabelsProblem, cardTitleProblem, cardLabels as storedLabels } from '../../resolvers/lib/input-rules.js';
import { InvalidInputError } from './errors.js';

function refuse(problem: string | null): void {
  if (problem !== null) throw new InvalidInputError(problem);
}

/** A card title: trimmed, 1..200 characters. */
export function cardTitle(value: string): string {
  const title = value.trim();
  refuse(cardTitleProblem(title));
  return title;
}

export function cardDescription(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  refuse(cardDescriptionProblem(value));
  return value;
}

/** At most 10 labels of 1..40 characters each, trimmed, duplicates dropped. */
export function cardLabels(value: readonly string[] | null | undefined): string[] {
  const labels = storedLabels(value);
  refuse(cardLabelsProblem(labels));
  return labels;
}
