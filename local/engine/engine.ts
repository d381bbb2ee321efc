/**
 * The local AppSync GraphQL engine: one request in (query, variables, headers, the caller's auth), one
 * AppSync-shaped outcome out (body, publications for subscribers, invalidations, response headers).
 * Spec: appsync-graphql-engine.md §1.2-1.6, §4, §5, §6; appsync-js-runtime.md §1.2-1.4.
 */
import { execute } from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { DocumentCache } from './document-cache.js';
import { engineConfig } from './engine-config.js';
import type { EngineConfig } from './engine-config.js';
import { formatExecutionError, sortPositionedErrors } from './error-format.js';
import type { PositionedError } from './error-format.js';
import { selectOperation } from './operation.js';
import { mutationPublications } from './publications.js';
import { RequestContext, resolveField } from './request-context.js';
import { shapeSubscriptionPayload, startSubscription } from './subscriptions.js';
import type { PreparedSubscription, SubscriptionPayload, SubscriptionStart } from './subscriptions.js';
import type { AppSyncResponseBody, EngineOptions, ExecuteOutcome, ExecuteRequest } from './types.js';
import { coerceVariables, suppliedVariables } from './variables.js';

export interface Engine {
  /** The schema served (the real-time layer reads `@aws_subscribe` from it, realtime §4.1). */
  readonly schema: GraphQLSchema;
  execute(request: ExecuteRequest): Promise<ExecuteOutcome>;
  /** Validates a subscription document and runs its field's resolver, once, at start (realtime §4.4). */
  startSubscription(request: ExecuteRequest): Promise<SubscriptionStart>;
  /** A published mutation value as one subscriber selected it (realtime §4.2). */
  shapeSubscriptionPayload(subscription: PreparedSubscription, published: unknown): Promise<SubscriptionPayload>;
}

export function createEngine(options: EngineOptions): Engine {
  const config = engineConfig(options);
  const documents = new DocumentCache(config.schema, config.introspectionDisabled);
  return {
    schema: config.schema,
    execute: (request) => executeRequest(config, documents, request),
    startSubscription: (request) => startSubscription(config, documents, request),
    shapeSubscriptionPayload: (subscription, published) => shapeSubscriptionPayload(config, subscription, published),
  };
}

async function executeRequest(config: EngineConfig, documents: DocumentCache, request: ExecuteRequest): Promise<ExecuteOutcome> {
  const prepared = documents.prepare(request.query);
  if (!prepared.ok) return requestFailure(prepared.errors);
  const selection = selectOperation(config.schema, prepared.document, request.operationName);
  if (!selection.ok) return requestFailure([selection.error]);
  const supplied = suppliedVariables(request);
  const variables = coerceVariables(config.schema, selection.operation, supplied);
  if (!variables.ok) return requestFailure(variables.errors);

  const context = new RequestContext(config, request.auth, request.headers, supplied);
  let result: ExecutionResult;
  try {
    result = await execute({
      schema: config.schema,
      document: prepared.document,
      rootValue: null,
      contextValue: context,
      variableValues: variables.values,
      operationName: request.operationName,
      fieldResolver: resolveField,
    });
  } finally {
    context.finish();
  }
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const errors = [...(result.errors ?? []).map((error) => formatExecutionError(error, config.schema)), ...context.appendedErrors];
  const publications =
    selection.operation.operation === 'mutation'
      ? mutationPublications(selection.operation, data, { fragments: selection.fragments, variables: variables.values })
      : [];
  return {
    body: responseBody(data, errors),
    publications,
    invalidations: context.invalidations,
    responseHeaders: context.responseHeaders,
  };
}

/** `data` first; `errors` only when there are some (spec §1.2). */
function responseBody(data: Record<string, unknown> | null, errors: PositionedError[]): AppSyncResponseBody {
  return errors.length === 0 ? { data } : { data, errors: sortPositionedErrors(errors) };
}

/** Errors before execution: `data: null`, nothing published (spec §1.2, §1.4, §1.5). */
function requestFailure(errors: PositionedError[]): ExecuteOutcome {
  return { body: responseBody(null, errors), publications: [], invalidations: [], responseHeaders: {} };
}
