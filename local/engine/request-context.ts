/**
 * One request's execution state, threaded through graphql-js as its context value, and the field resolver
 * that graphql-js calls for every field (spec appsync-graphql-engine.md §3.3 field auth, §4.1 which fields
 * run resolvers, §1.6 limits, §6 the 30 s limit). Errors are thrown as `FieldResolutionError` values so
 * graphql-js nulls the field and propagates as GraphQL requires; nothing else is thrown on purpose.
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { AuthContext } from '../auth/types.js';
import type { DataSource, DataSourceResult } from '../datasources/types.js';
import {
  ExecutionTimeoutError,
  InvalidationLimitExceededError,
  QueryDepthLimitExceededError,
  ResolverCountLimitExceededError,
  UnauthorizedFieldError,
} from '../errors.js';
import type { RequestInfo } from '../runtime/types.js';
import { authTypeLabel } from './auth-type-label.js';
import { BatchInvoker } from './batch-invoker.js';
import { invokeDataSource } from './data-source-call.js';
import type { SelectionScope } from './collect-fields.js';
import { Deadline, TIMED_OUT } from './deadline.js';
import type { EngineConfig } from './engine-config.js';
import { withSelectedErrorData } from './error-data.js';
import { fieldError, toAppSyncLocations } from './error-format.js';
import type { PositionedError } from './error-format.js';
import { FieldResolutionError } from './field-error.js';
import { runResolver } from './resolver-runner.js';
import type { DataSourceGateway, FieldInvocation, ResolverRun } from './resolver-runner.js';
import { selectionInfo } from './selection-info.js';
import type { Invalidation, ResolverBinding, UnitResolverBinding } from './types.js';

type ResponsePath = GraphQLResolveInfo['path'];

/** Distinct `extensions.invalidateSubscriptions` calls allowed per request (realtime spec §4.6). */
const MAX_INVALIDATIONS = 5;

/** Where a resolver runs: the parts of graphql-js's resolve info the engine uses. */
export type FieldSite = Pick<GraphQLResolveInfo, 'fieldName' | 'fieldNodes' | 'fragments' | 'path'> & {
  parentTypeName: string;
  /** The operation's variables coerced, defaults included: what `@skip`/`@include` in the selection read. */
  coercedVariables: Record<string, unknown>;
};

export class RequestContext {
  readonly appendedErrors: PositionedError[] = [];
  readonly invalidations: Invalidation[] = [];
  readonly responseHeaders: Record<string, string> = {};
  readonly request: RequestInfo;
  readonly #deadline: Deadline;
  readonly #batcher = new BatchInvoker();
  readonly #authType: string;
  #resolverCount = 0;
  readonly #invalidationKeys = new Set<string>();

  constructor(
    readonly config: EngineConfig,
    readonly auth: AuthContext,
    headers: Record<string, string>,
    /** Variables as the client sent them (`ctx.info.variables`). */
    readonly variables: Record<string, unknown>,
  ) {
    this.request = { headers: lowerCaseKeys(headers), domainName: null };
    this.#deadline = new Deadline(config.executionTimeoutMs);
    this.#authType = authTypeLabel(auth.type);
  }

  /** The directive rules, as the auth layer decides them (spec §3.3). */
  isAllowed(typeName: string, fieldName: string): boolean {
    return this.config.fieldAuthorizer?.isAllowed(typeName, fieldName, this.auth) ?? true;
  }

  /**
   * Listed in the Lambda authorizer's `deniedFields`: such fields are "forcibly changed to null, even if
   * a value was returned from a resolver" (spec §3.4, AppSync developer guide): the resolver runs, its
   * value is dropped, and no error is added (unconfirmed).
   */
  isDeniedByAuthorizer(typeName: string, fieldName: string): boolean {
    return this.auth.deniedFields.length > 0 && this.auth.deniedFields.includes(`${typeName}.${fieldName}`);
  }

  /** Counts one resolver invocation; false once past `resolverCountLimit` (spec §1.6). */
  countResolverInvocation(): boolean {
    this.#resolverCount += 1;
    return this.#resolverCount <= this.config.resolverCountLimit;
  }

  /**
   * Runs the resolver of one field under the request's deadline and records what it leaves for the
   * response: appended errors stay with the field (which keeps its value), response headers as each
   * handler ends (`FieldInvocation.responseHeaders`),
   * invalidations only when the resolver succeeded (identical calls count once). Error `data` is filtered
   * through the field's selection set (./error-data.ts). A timeout is a field error (spec §6).
   */
  async resolve(binding: ResolverBinding, source: unknown, args: Record<string, unknown>, site: FieldSite): Promise<ResolverRun> {
    if (this.#deadline.passed) throw FieldResolutionError.from(new ExecutionTimeoutError());
    const gateway = new FieldGateway(this.#batcher, site.path);
    const settled = await this.#deadline.race(runResolver(binding, this.#invocation(source, args, site), gateway));
    if (settled === TIMED_OUT) throw FieldResolutionError.from(new ExecutionTimeoutError());
    this.#record(settled, site);
    if (settled.outcome.ok) return settled;
    return { ...settled, outcome: { ok: false, error: withSelectedErrorData(settled.outcome.error, site.fieldNodes, this.#selectionScope(site)) } };
  }

  #selectionScope(site: FieldSite): SelectionScope {
    return { fragments: site.fragments, variables: site.coercedVariables };
  }

  #invocation(source: unknown, args: Record<string, unknown>, site: FieldSite): FieldInvocation {
    const { selectionSetList, selectionSetGraphQL } = selectionInfo(site.fieldNodes, site.fragments);
    return {
      arguments: args,
      source,
      identity: this.auth.identity,
      request: this.request,
      info: { fieldName: site.fieldName, parentTypeName: site.parentTypeName, variables: this.variables, selectionSetList, selectionSetGraphQL },
      env: this.config.env,
      authType: this.#authType,
      responseHeaders: this.responseHeaders,
    };
  }

  #record(run: ResolverRun, site: FieldSite): void {
    const appended = [...run.appendedErrors];
    const refused = run.outcome.ok ? this.#acceptInvalidations(run.extensions.invalidations) : 0;
    if (refused > 0) appended.push(FieldResolutionError.from(new InvalidationLimitExceededError(MAX_INVALIDATIONS)).entry);
    if (appended.length > 0) {
      const path = responsePathArray(site.path);
      const starts = site.fieldNodes.flatMap(({ loc }) => (loc ? [{ line: loc.startToken.line, column: loc.startToken.column }] : []));
      const position = { line: starts[0]?.line ?? 0, column: starts[0]?.column ?? 0, path };
      const scope = this.#selectionScope(site);
      for (const entry of appended) {
        const error = fieldError(withSelectedErrorData(entry, site.fieldNodes, scope), path, toAppSyncLocations(starts));
        this.appendedErrors.push({ ...position, error });
      }
    }
  }

  /** Keeps calls up to 5 distinct ones per request (realtime §4.6); answers how many it refused. */
  #acceptInvalidations(calls: readonly Invalidation[]): number {
    let refused = 0;
    for (const call of calls) {
      const key = JSON.stringify(call);
      if (this.#invalidationKeys.has(key)) continue;
      if (this.#invalidationKeys.size >= MAX_INVALIDATIONS) {
        refused += 1;
        continue;
      }
      this.#invalidationKeys.add(key);
      this.invalidations.push(call);
    }
    return refused;
  }

  finish(): void {
    this.#deadline.clear();
  }
}

/**
 * graphql-js calls this for every field without its own resolver, i.e. every schema field (introspection
 * fields have their own). Order of checks: depth limit, authorization, then the resolver or default
 * resolution (`source[fieldName]`, spec §4.1).
 */
export const resolveField: GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>> = (
  source,
  args,
  context,
  info,
) => {
  const typeName = info.parentType.name;
  const { fieldName } = info;
  const { queryDepthLimit, resolverCountLimit } = context.config;
  if (queryDepthLimit > 0 && fieldDepth(info.path) > queryDepthLimit) {
    throw FieldResolutionError.from(new QueryDepthLimitExceededError(queryDepthLimit));
  }
  if (!context.isAllowed(typeName, fieldName)) {
    throw FieldResolutionError.from(new UnauthorizedFieldError(typeName, fieldName));
  }
  const denied = context.isDeniedByAuthorizer(typeName, fieldName);
  const binding = context.config.resolvers.get(`${typeName}.${fieldName}`);
  if (binding === undefined) return denied ? null : defaultFieldValue(source, fieldName);
  if (!context.countResolverInvocation()) {
    throw FieldResolutionError.from(new ResolverCountLimitExceededError(resolverCountLimit));
  }
  const site: FieldSite = {
    fieldName,
    fieldNodes: info.fieldNodes,
    fragments: info.fragments,
    path: info.path,
    parentTypeName: typeName,
    coercedVariables: info.variableValues,
  };
  const value = resolvedValue(context.resolve(binding, source, args, site));
  return denied ? value.then(() => null) : value;
};

/**
 * The data source calls of one field. A `BatchInvoke` request joins its siblings' call: those of the
 * same resolver under the same parent list (spec §4.4).
 */
class FieldGateway implements DataSourceGateway {
  constructor(
    private readonly batcher: BatchInvoker,
    private readonly path: ResponsePath,
  ) {}

  invoke(dataSource: DataSource, request: unknown, batching?: UnitResolverBinding): Promise<DataSourceResult> {
    if (batching === undefined) return invokeDataSource(dataSource, request);
    return this.batcher.enqueue(batching, parentListKey(this.path), dataSource, batching.maxBatchSize ?? 0, payloadOf(request));
  }
}

async function resolvedValue(run: Promise<ResolverRun>): Promise<unknown> {
  const { outcome } = await run;
  if (!outcome.ok) throw new FieldResolutionError(outcome.error);
  return outcome.value;
}

/** Default resolution: the parent value's own property of the field's name; anything else is null. */
function defaultFieldValue(source: unknown, fieldName: string): unknown {
  if (typeof source !== 'object' || source === null || !Object.hasOwn(source, fieldName)) return null;
  return (source as Record<string, unknown>)[fieldName];
}

/** Nesting level of a field: list indices do not count (`{ a { b } }` → b is at depth 2). */
function fieldDepth(path: ResponsePath | undefined): number {
  let depth = 0;
  for (let segment = path; segment !== undefined; segment = segment.prev) {
    if (typeof segment.key === 'string') depth += 1;
  }
  return depth;
}

function responsePathArray(path: ResponsePath | undefined): Array<string | number> {
  const segments: Array<string | number> = [];
  for (let segment = path; segment !== undefined; segment = segment.prev) segments.push(segment.key);
  return segments.reverse();
}

/**
 * Invocations of one resolver share a BatchInvoke call when they hang under the same list: the key is
 * the path of that list (the field path without the field and the element index).
 */
function parentListKey(path: ResponsePath): string {
  const parent = path.prev;
  const list = parent !== undefined && typeof parent.key === 'number' ? parent.prev : parent;
  return responsePathArray(list).join('/');
}

function payloadOf(request: unknown): unknown {
  return typeof request === 'object' && request !== null ? (request as { payload?: unknown }).payload : undefined;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
  return lowered;
}
