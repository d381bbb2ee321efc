/**
 * Limits on what users type. The APPSYNC_JS resolvers that write the same fields (updateCard,
 * addColumn, …) check the same limits; keep the numbers in step with them.
 */
import { InvalidInputError } from './errors.js';

const LIMITS = {
  titleLength: 200,
  descriptionLength: 4000,
  labels: 10,
  labelLength: 40,
} as const;

/** A card title: trimmed, 1..200 characters. */
export function cardTitle(value: string): string {
  const title = value.trim();
  if (title.length === 0 || title.length > LIMITS.titleLength) {
    throw new InvalidInputError(`A card title must have 1 to ${LIMITS.titleLength} characters.`);
  }
  return title;
}

export function cardDescription(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value.length > LIMITS.descriptionLength) throw new InvalidInputError(`A card description has at most ${LIMITS.descriptionLength} characters.`);
  return value;
}

/** At most 10 labels of 1..40 characters each, trimmed, duplicates dropped. */
export function cardLabels(value: readonly string[] | null | undefined): string[] {
  const labels = [...new Set((value ?? []).map((label) => label.trim()))];
  if (labels.length > LIMITS.labels || labels.some((label) => label.length === 0 || label.length > LIMITS.labelLength)) {
    throw new InvalidInputError(`A card has at most ${LIMITS.labels} labels of 1 to ${LIMITS.labelLength} characters.`);
  }
  return labels;
}
