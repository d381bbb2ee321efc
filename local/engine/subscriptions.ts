/**
 * What the real-time layer needs from the engine (spec appsync-realtime.md §4.2, §4.4, §5): validate a
 * subscription document, check the subscription field and its selection against the start's auth mode,
 * run the field's resolver once, then shape each published mutation value by the subscriber's selection.
 */
import { execute, getArgumentValues, getNamedType, getVariableValues } from 'graphql';
import type { DocumentNode, ExecutionResult, FieldNode, OperationDefinitionNode } from 'graphql';
import type { AuthContext } from '../auth/types.js';
import { UnauthorizedFieldError } from '../errors.js';
import type { ExtensionCalls } from '../runtime/types.js';
import { collectFields } from './collect-fields.js';
import type { DocumentCache } from './document-cache.js';
import type { EngineConfig } from './engine-config.js';
import { fieldError, formatExecutionError, sortPositionedErrors, toAppSyncLocations } from './error-format.js';
import type { PositionedError } from './error-format.js';
import { FieldResolutionError } from './field-error.js';
import { selectOperation } from './operation.js';
import { operationSelectionError } from './request-errors.js';
import { findDeniedSelection } from './selection-authorization.js';
import { RequestContext } from './request-context.js';
import type { AppSyncGraphQLError, ExecuteRequest } from './types.js';
import { coerceVariables, suppliedVariables } from './variables.js';

/** A validated subscription, ready to be matched against publications. */
export interface PreparedSubscription {
  /** The Subscription field's name (what `@aws_subscribe` is declared on). */
  fieldName: string;
  /** The key the subscriber receives the payload under (alias or field name). */
  responseKey: string;
  /**
   * The arguments the subscriber supplied, for argument-based filtering (realtime §4.3): omitted
   * arguments are absent, explicit nulls present (the HTTP explicit-null quirk does not apply here).
   * Values from variables are as sent (so an AWSJSON argument stays JSON text, comparable with the
   * serialised published value); literals are coerced.
   */
  arguments: Record<string, unknown>;
  document: DocumentNode;
  operationName: string | null;
  /** Coerced variables, as the payload is shaped with them. */
  variables: Record<string, unknown>;
  auth: AuthContext;
}

export type SubscriptionStart =
  | {
      ok: true;
      subscription: PreparedSubscription;
      /** Extension calls of the subscription resolver: enhanced and invalidation filters (realtime §4.5-4.6). */
      extensions: ExtensionCalls;
    }
  | {
      ok: false;
      /**
       * `document`: syntax, validation or variables; `operation`: not a subscription; `authorization`: the
       * field is not allowed for the start's auth mode; `resolver`: the resolver raised an error.
       */
      stage: 'document' | 'operation' | 'authorization' | 'resolver';
      errors: AppSyncGraphQLError[];
    };

export interface SubscriptionPayload {
  data: Record<string, unknown> | null;
  errors?: AppSyncGraphQLError[];
}

export async function startSubscription(
  config: EngineConfig,
  documents: DocumentCache,
  request: ExecuteRequest,
): Promise<SubscriptionStart> {
  const prepared = documents.prepare(request.query);
  if (!prepared.ok) return failure('document', prepared.errors);
  const selection = selectOperation(config.schema, prepared.document, request.operationName);
  if (!selection.ok) return failure('document', [selection.error]);
  const { operation, fragments } = selection;
  if (operation.operation !== 'subscription') {
    const message = `${operation.operation} not supported through the realtime channel`;
    return failure('operation', [{ line: 0, column: 0, path: [], error: { path: null, locations: null, message } }]);
  }
  const supplied = suppliedVariables(request);
  const variables = coerceVariables(config.schema, operation, supplied);
  if (!variables.ok) return failure('document', variables.errors);

  // selectOperation checked the Subscription type exists, validation that there is one root field at most
  const subscriptionType = config.schema.getSubscriptionType()!;
  const rootField = [...collectFields([operation.selectionSet], { fragments, variables: supplied })][0];
  if (rootField === undefined) {
    // every root field skipped with @skip/@include (graphql-java's wording, unconfirmed)
    return failure('document', [operationSelectionError('Subscription operation must have exactly one root field')]);
  }
  const [responseKey, fieldNodes] = rootField;
  const fieldNode = fieldNodes[0]!;
  const fieldName = fieldNode.name.value;
  const fieldDefinition = subscriptionType.getFields()[fieldName]!;
  const subscription: PreparedSubscription = {
    fieldName,
    responseKey,
    arguments: getArgumentValues(fieldDefinition, fieldNode, supplied),
    document: prepared.document,
    operationName: request.operationName ?? null,
    variables: variables.values,
    auth: request.auth,
  };

  const context = new RequestContext(config, request.auth, request.headers, supplied);
  try {
    if (!context.isAllowed(subscriptionType.name, fieldName)) {
      const denied = FieldResolutionError.from(new UnauthorizedFieldError(subscriptionType.name, fieldName));
      return { ok: false, stage: 'authorization', errors: [startError(denied, [responseKey], fieldNode)] };
    }
    const isAllowed = (typeName: string, name: string) => context.isAllowed(typeName, name);
    const scope = { fragments, variables: variables.values };
    const deniedField = findDeniedSelection(config.schema, fieldNodes, getNamedType(fieldDefinition.type), scope, isAllowed);
    if (deniedField !== undefined) {
      const denied = FieldResolutionError.from(new UnauthorizedFieldError(deniedField.typeName, deniedField.fieldName));
      const error = startError(denied, [responseKey, ...deniedField.path], deniedField.node);
      return { ok: false, stage: 'authorization', errors: [error] };
    }
    const binding = config.resolvers.get(`${subscriptionType.name}.${fieldName}`);
    if (binding === undefined) return { ok: true, subscription, extensions: { invalidations: [], cacheEvictions: [] } };
    const coercedVariables = resolverVariables(config, operation, supplied, variables.values);
    const args = getArgumentValues(fieldDefinition, fieldNode, coercedVariables);
    const path = { prev: undefined, key: responseKey, typename: subscriptionType.name };
    const site = { fieldName, parentTypeName: subscriptionType.name, fieldNodes, fragments, path, coercedVariables };
    const run = await context.resolve(binding, null, args, site);
    if (!run.outcome.ok) {
      const error = startError(new FieldResolutionError(run.outcome.error), [responseKey], fieldNode);
      return { ok: false, stage: 'resolver', errors: [error] };
    }
    return { ok: true, subscription, extensions: run.extensions };
  } catch (error) {
    if (!(error instanceof FieldResolutionError)) throw error;
    return { ok: false, stage: 'resolver', errors: [startError(error, [responseKey], fieldNode)] };
  } finally {
    context.finish();
  }
}

/**
 * Executes the subscriber's selection over the published value (keyed by field names): fields the
 * mutation did not select are null, and a null non-null field fails as on AWS, e.g. `Cannot return null
 * for non-nullable type: 'AWSDateTime' within parent 'Todo' (/newTodo/created)` (realtime §4.2).
 */
export async function shapeSubscriptionPayload(
  config: EngineConfig,
  subscription: PreparedSubscription,
  published: unknown,
): Promise<SubscriptionPayload> {
  const result: ExecutionResult = await execute({
    schema: config.schema,
    document: subscription.document,
    operationName: subscription.operationName,
    variableValues: subscription.variables,
    rootValue: { [subscription.fieldName]: published },
  });
  const data = (result.data ?? null) as Record<string, unknown> | null;
  const errors = (result.errors ?? []).map((error) => formatExecutionError(error, config.schema));
  return errors.length === 0 ? { data } : { data, errors: sortPositionedErrors(errors) };
}

/**
 * The variables the subscription resolver's arguments are read with: coerced by their types as graphql-js
 * coerces them for queries and mutations (an AWSJSON variable reaches `ctx.args` parsed), keeping the
 * explicit nulls `coerceVariables` adds for absent nullable variables.
 */
function resolverVariables(
  config: EngineConfig,
  operation: OperationDefinitionNode,
  supplied: Record<string, unknown>,
  executionValues: Record<string, unknown>,
): Record<string, unknown> {
  const coerced = getVariableValues(config.schema, operation.variableDefinitions ?? [], supplied);
  return coerced.coerced ? { ...executionValues, ...coerced.coerced } : executionValues;
}

function startError(error: FieldResolutionError, path: string[], fieldNode: FieldNode): AppSyncGraphQLError {
  const start = fieldNode.loc?.startToken;
  return fieldError(error.entry, path, toAppSyncLocations(start ? [{ line: start.line, column: start.column }] : undefined));
}

function failure(stage: Exclude<SubscriptionStart, { ok: true }>['stage'], errors: PositionedError[]): SubscriptionStart {
  return { ok: false, stage, errors: sortPositionedErrors(errors) };
}

