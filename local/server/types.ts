/**
 * What the HTTP server needs from the engine: one call per operation. The composition root
 * (`local/app.ts`) plugs the engine in; hot reload swaps it between two requests.
 */
import type { ExecuteOutcome, ExecuteRequest } from '../engine/types.js';

/** The JSON envelope AppSync accepts at `/graphql` (spec appsync-graphql-engine.md §1.1). */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

export interface GraphQLExecutor {
  execute(request: ExecuteRequest): Promise<ExecuteOutcome>;
}
