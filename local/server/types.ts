/**
 * What the HTTP server needs from the layers below it. The server only speaks HTTP: it turns a request
 * into a `GraphQLRequest` plus the caller's `AuthContext`, hands both to the executor, and writes the
 * outcome back. The composition root (`local/app.ts`) plugs the engine in behind `GraphQLExecutor`.
 */
import type { AuthContext } from '../auth/types.js';
import type { RequestInfo } from '../runtime/types.js';

/** The JSON envelope AppSync accepts at `/graphql` (spec appsync-graphql-engine.md §1.1). */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

export interface ExecutionInput {
  request: GraphQLRequest;
  auth: AuthContext;
  /** `ctx.request` for resolvers: the client's headers, lower-cased (spec appsync-js-runtime.md §1). */
  requestInfo: RequestInfo;
}

/** What one operation produced, as the server and the real-time endpoint need it. */
export interface ExecutionResult {
  /** The response document (`{ data, errors }`), serialised as is. */
  body: unknown;
  /** Headers set by resolvers with `util.http.addResponseHeader(s)` (spec §1.1). */
  responseHeaders: Record<string, string>;
  /** Mutation results for `@aws_subscribe` subscribers (consumed by the real-time endpoint). */
  publications: readonly unknown[];
  /** `extensions.invalidateSubscriptions` calls (consumed by the real-time endpoint). */
  invalidations: readonly unknown[];
}

export interface GraphQLExecutor {
  execute(input: ExecutionInput): Promise<ExecutionResult>;
}
