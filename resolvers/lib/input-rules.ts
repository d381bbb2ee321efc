/**
 * Limits on what users type, checked where each field is written: by the APPSYNC_JS resolvers
 * (createBoard, updateBoard, addColumn, updateColumn, addComment, updateCard) and by the Lambda
 * functions (createCard, through functions/lib/validation.ts). Each check answers what is wrong (the
 * BadRequest message) or null; the caller raises it in its own way. Text is checked as given: trim it first.
 */

const BOARD_NAME_LENGTH = 100;
const BOARD_DESCRIPTION_LENGTH = 1000;
const COLUMN_NAME_LENGTH = 50;
const COMMENT_LENGTH = 2000;
const CARD_TITLE_LENGTH = 200;
const CARD_DESCRIPTION_LENGTH = 4000;
const CARD_LABELS = 10;
const CARD_LABEL_LENGTH = 40;

function emptyOrLonger(text: string, maxLength: number): boolean {
  return text.length === 0 || text.length > maxLength;
}

export function boardNameProblem(name: string): string | null {
  return emptyOrLonger(name, BOARD_NAME_LENGTH) ? `A board name must have 1 to ${BOARD_NAME_LENGTH} characters.` : null;
}

/** No description (null, absent or empty) is fine. */
export function boardDescriptionProblem(description: string | null | undefined): string | null {
  return description && description.length > BOARD_DESCRIPTION_LENGTH ? `A board description has at most ${BOARD_DESCRIPTION_LENGTH} characters.` : null;
}

export function columnNameProblem(name: string): string | null {
  return emptyOrLonger(name, COLUMN_NAME_LENGTH) ? `A column name must have 1 to ${COLUMN_NAME_LENGTH} characters.` : null;
}

/** No limit (null or absent) is fine. */
export function wipLimitProblem(wipLimit: number | null | undefined): string | null {
  return wipLimit !== undefined && wipLimit !== null && wipLimit < 1 ? 'A WIP limit must be at least 1.' : null;
}

export function commentProblem(text: string): string | null {
  return emptyOrLonger(text, COMMENT_LENGTH) ? `A comment must have 1 to ${COMMENT_LENGTH} characters.` : null;
}

export function cardTitleProblem(title: string): string | null {
  return emptyOrLonger(title, CARD_TITLE_LENGTH) ? `A card title must have 1 to ${CARD_TITLE_LENGTH} characters.` : null;
}

/** No description (null, absent or empty) is fine. */
export function cardDescriptionProblem(description: string | null | undefined): string | null {
  return description && description.length > CARD_DESCRIPTION_LENGTH ? `A card description has at most ${CARD_DESCRIPTION_LENGTH} characters.` : null;
}

/** A card's labels as stored: trimmed, each once (where it first appears). */
export function cardLabels(labels: readonly string[] | null | undefined): string[] {
  const trimmed = (labels ?? []).map((label) => label.trim());
  return trimmed.filter((label, index) => trimmed.indexOf(label) === index);
}

/** Checks labels as `cardLabels` answers them. */
export function cardLabelsProblem(labels: readonly string[]): string | null {
  const fits = labels.length <= CARD_LABELS && labels.every((label) => !emptyOrLonger(label, CARD_LABEL_LENGTH));
  return fits ? null : `A card has at most ${CARD_LABELS} labels of 1 to ${CARD_LABEL_LENGTH} characters.`;
}
