/**
 * The board's rule violations, as values the functions hand back to their resolver.
 *
 * AppSync does not forward a Lambda function's own `errorType` (a thrown error always arrives as
 * `Lambda:Unhandled`, appsync-graphql-engine.md §4.3), so a function answers a rule violation with an
 * outcome `{ error: { errorType, message, data, errorInfo } }` and the resolver's response handler raises it
 * with `util.error(message, errorType, data, errorInfo)`. Anything else a function throws is a bug or an outage and stays
 * `Lambda:Unhandled`.
 */

/**
 * Base class: `errorType` is what the GraphQL error says. `data` must have the shape of the field's type:
 * AppSync filters it through the field's selection set (appsync-graphql-engine.md §5.2), so anything else
 * would arrive empty; other details go in `errorInfo`, which reaches the client verbatim.
 */
export abstract class BoardError extends Error {
  abstract readonly errorType: string;

  constructor(
    message: string,
    readonly data: unknown = null,
    readonly errorInfo: object | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A board, column, card or member that the request names does not exist. */
export class NotFoundError extends BoardError {
  readonly errorType = 'NotFound';
}

/** The caller's role does not allow this (e.g. an EDITOR inviting an OWNER). Same errorType as AppSync's own. */
export class ForbiddenError extends BoardError {
  readonly errorType = 'Unauthorized';
}

/** Input that no state of the board could accept (empty title, a card placed relative to itself, …). */
export class InvalidInputError extends BoardError {
  readonly errorType = 'BadRequest';
}

/** `expectedVersion` is not the card's version; `data` is the current card. */
export class VersionConflictError extends BoardError {
  readonly errorType = 'VersionConflict';
}

/** The target column holds as many cards as its WIP limit allows; `errorInfo` is the column (the field is a card). */
export class WipLimitExceededError extends BoardError {
  readonly errorType = 'WipLimitExceeded';
}

/** Removing or demoting this member would leave the board without an OWNER. */
export class LastOwnerError extends BoardError {
  readonly errorType = 'LastOwner';
}

/** The user is already a member with another role (inviting again with the same role is fine); `data` is the membership. */
export class AlreadyMemberError extends BoardError {
  readonly errorType = 'AlreadyMember';
}

/** What a board function answers: its value, or a rule violation. */
export type FunctionOutcome<T> = { value: T } | { error: { errorType: string; message: string; data: unknown; errorInfo: object | null } };

/** Runs `work`, turning a `BoardError` into an error outcome; other errors propagate (Lambda:Unhandled). */
export async function outcomeOf<T>(work: () => Promise<T>): Promise<FunctionOutcome<T>> {
  try {
    return { value: await work() };
  } catch (error) {
    if (!(error instanceof BoardError)) throw error;
    return { error: { errorType: error.errorType, message: error.message, data: error.data, errorInfo: error.errorInfo } };
  }
}
