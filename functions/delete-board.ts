/** The deleteBoard function: cascade delete in batches, resumable (see lib/cascade.ts). */
import { deleteBoard } from './lib/cascade.js';
import { boardFunction } from './lib/handler.js';

export const handler = boardFunction('deleteBoard', {
  deleteBoard: (event, dependencies, lambda) =>
    deleteBoard({ ...dependencies, actorId: event.actorId, remainingMs: () => lambda.getRemainingTimeInMillis() }, event.arguments.id as string),
});
