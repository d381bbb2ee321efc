import type { AppSyncError } from '../errors.js';
import type { ResolverErrorEntry } from '../runtime/types.js';

/**
 * Carries a resolver's AppSync error entry through graphql-js: the engine's field resolver throws it,
 * graphql-js records it at the field's path and nulls the field (propagating as GraphQL requires), and the
 * error formatter turns it back into AppSync's shape (spec appsync-graphql-engine.md §1.2, §5.2).
 */
export class FieldResolutionError extends Error {
  constructor(readonly entry: ResolverErrorEntry) {
    super(entry.message);
  }

  /** For the engine's own field errors (Unauthorized, limits, timeout): no `data`, no `errorInfo`. */
  static from(error: AppSyncError): FieldResolutionError {
    return new FieldResolutionError({ message: error.message, errorType: error.errorType, data: null, errorInfo: null });
  }
}
