/**
 * Runs one field's resolver: unit (request → data source → response), pipeline (before → functions →
 * after), or direct Lambda, independently of graphql-js so that the HTTP engine and the subscription hook
 * share it. Spec: appsync-graphql-engine.md §4.2-4.5, §5.2; appsync-js-runtime.md §1.2-1.4, §3.10, §6.
 */
import type { DataSource, DataSourceResult } from '../datasources/types.js';
import { UnauthorizedFieldError } from '../errors.js';
import type {
  ContextInput,
  EvaluationOutcome,
  ExtensionCalls,
  FieldInfo,
  HandlerName,
  RequestInfo,
  ResolverCode,
  ResolverErrorEntry,
} from '../runtime/types.js';
import { setResponseHeader } from '../runtime/util/http.js';
import { FieldResolutionError } from './field-error.js';
import type { PipelineResolverBinding, ResolverBinding, UnitResolverBinding } from './types.js';

/** Everything about one field resolution that the handlers see. */
export interface FieldInvocation {
  arguments: Record<string, unknown>;
  source: unknown;
  identity: unknown;
  request: RequestInfo;
  info: FieldInfo;
  env: Record<string, string>;
  /** `util.authType()`'s answer. */
  authType: string;
  /**
   * The request's custom response headers so far, shared by all its fields: each handler's headers are
   * merged in as the handler ends, and each handler is told of them, since AppSync's 4 KB limit is per
   * request (spec js-runtime §3.6). Names are case-insensitive; the last write wins.
   */
  responseHeaders: Record<string, string>;
}

/** How the runner reaches data sources. */
export interface DataSourceGateway {
  /**
   * Calls a data source. `batchingResolver` is set for a `BatchInvoke` request of a resolver with
   * `maxBatchSize` > 0: the call then joins its siblings' (spec engine §4.4) and answers this item's part.
   */
  invoke(dataSource: DataSource, request: unknown, batchingResolver?: UnitResolverBinding): Promise<DataSourceResult>;
}

export type FieldOutcome = { ok: true; value: unknown } | { ok: false; error: ResolverErrorEntry };

/** The outcome plus what the handlers recorded along the way (response headers go to the request's map at once). */
export interface ResolverRun {
  outcome: FieldOutcome;
  appendedErrors: ResolverErrorEntry[];
  extensions: ExtensionCalls;
}

export function runResolver(
  binding: ResolverBinding,
  invocation: FieldInvocation,
  gateway: DataSourceGateway,
): Promise<ResolverRun> {
  const recorder = new RunRecorder(invocation);
  if (binding.kind === 'PIPELINE') return runPipeline(binding, recorder, gateway);
  if (binding.code === undefined) return runDirectLambda(binding, invocation, recorder, gateway);
  return runUnit(binding, binding.code, recorder, gateway);
}

async function runUnit(
  binding: UnitResolverBinding,
  code: ResolverCode,
  recorder: RunRecorder,
  gateway: DataSourceGateway,
): Promise<ResolverRun> {
  const request = recorder.evaluate(code, 'request', {});
  if (request.status === 'error') return recorder.finish({ ok: false, error: request.error });
  // earlyReturn in a unit request handler: no data source, no response handler (spec js-runtime §3.10).
  if (request.status === 'earlyReturn') return recorder.finish({ ok: true, value: request.value });
  const answer = await gateway.invoke(binding.dataSource, request.value, batchingResolver(binding, request.value));
  const response = recorder.evaluate(code, 'response', dataSourceAnswer(answer));
  return recorder.finish(handlerValue(response));
}

/**
 * Pipeline (spec js-runtime §1.1, §1.4, §3.10): one stash for the whole run; `ctx.prev.result` is the
 * before handler's value for function 1, then each function's response value; `earlyReturn` in the
 * before handler or with `skipTo: "END"` skips the remaining functions, in a function's request handler
 * it skips that function; an error anywhere stops the run (the after handler does not run).
 */
async function runPipeline(
  binding: PipelineResolverBinding,
  recorder: RunRecorder,
  gateway: DataSourceGateway,
): Promise<ResolverRun> {
  const before = recorder.evaluate(binding.code, 'request', {});
  if (before.status === 'error') return recorder.finish({ ok: false, error: before.error });
  let previous = before.value;
  if (before.status === 'returned') {
    for (const step of binding.functions) {
      const request = recorder.evaluate(step.code, 'request', { prev: { result: previous } });
      if (request.status === 'error') return recorder.finish({ ok: false, error: request.error });
      if (request.status === 'earlyReturn') {
        previous = request.value;
        if (request.skipTo === 'END') break;
        continue;
      }
      const answer = await gateway.invoke(step.dataSource, request.value);
      const response = recorder.evaluate(step.code, 'response', {
        prev: { result: previous },
        ...dataSourceAnswer(answer),
      });
      if (response.status === 'error') return recorder.finish({ ok: false, error: response.error });
      previous = response.value;
    }
  }
  // The after handler reads `ctx.prev.result`; `ctx.result` carries the same value (unconfirmed, spec
  // js-runtime §1.2 says AppSync code uses `ctx.prev.result` there).
  const after = recorder.evaluate(binding.code, 'response', { prev: { result: previous }, result: previous });
  return recorder.finish(handlerValue(after));
}

/**
 * Direct Lambda resolver (spec engine §4.3): the function receives AppSync's whole context as its event;
 * its return value is the field value; a function error becomes a field error with the data source's
 * type (`Lambda:Unhandled`) and message, `data` and `errorInfo` null.
 */
async function runDirectLambda(
  binding: UnitResolverBinding,
  invocation: FieldInvocation,
  recorder: RunRecorder,
  gateway: DataSourceGateway,
): Promise<ResolverRun> {
  const event = directLambdaEvent(invocation);
  const batched = (binding.maxBatchSize ?? 0) > 0;
  const request = { operation: batched ? 'BatchInvoke' : 'Invoke', payload: event };
  const answer = await gateway.invoke(binding.dataSource, request, batched ? binding : undefined);
  if (answer.error !== undefined) return recorder.finish({ ok: false, error: dataSourceError(answer.error) });
  return recorder.finish(batched ? batchItemOutcome(answer.result) : { ok: true, value: answer.result ?? null });
}

function batchingResolver(binding: UnitResolverBinding, request: unknown): UnitResolverBinding | undefined {
  const batches = (binding.maxBatchSize ?? 0) > 0;
  const operation = typeof request === 'object' && request !== null ? (request as { operation?: unknown }).operation : undefined;
  return batches && operation === 'BatchInvoke' ? binding : undefined;
}

/** AppSync's direct Lambda event, keys in AppSync's order (spec engine §4.3, §7 item 79). */
function directLambdaEvent(invocation: FieldInvocation): Record<string, unknown> {
  return {
    arguments: invocation.arguments,
    identity: invocation.identity,
    source: invocation.source,
    request: invocation.request,
    prev: null,
    info: invocation.info,
    stash: {},
  };
}

/**
 * One element of a direct BatchInvoke answer. An element shaped `{ data?, errorMessage, errorType? }`
 * fails that item alone (spec engine §4.4; the exact contract is unconfirmed, so only objects with a string
 * `errorMessage` and no other keys are read as such); anything else is the item's value.
 */
function batchItemOutcome(element: unknown): FieldOutcome {
  if (isErrorEnvelope(element)) {
    return {
      ok: false,
      error: {
        message: element.errorMessage,
        errorType: typeof element.errorType === 'string' ? element.errorType : null,
        data: element.data ?? null,
        errorInfo: null,
      },
    };
  }
  return { ok: true, value: element ?? null };
}

function isErrorEnvelope(value: unknown): value is { data?: unknown; errorMessage: string; errorType?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    typeof (value as { errorMessage?: unknown }).errorMessage === 'string' &&
    keys.every((key) => key === 'data' || key === 'errorMessage' || key === 'errorType')
  );
}

function dataSourceError(error: { type: string; message: string }): ResolverErrorEntry {
  return { message: error.message, errorType: error.type, data: null, errorInfo: null };
}

/** `ctx.result`, and `ctx.error` only when the data source failed (spec js-runtime §1.2). */
function dataSourceAnswer(answer: DataSourceResult): Pick<ContextInput, 'result' | 'error'> {
  return answer.error === undefined ? { result: answer.result } : { result: answer.result, error: answer.error };
}

/** A response handler's return value is the field value; `undefined` → `null` (spec js-runtime §1.4). */
function handlerValue(outcome: EvaluationOutcome): FieldOutcome {
  if (outcome.status === 'error') return { ok: false, error: outcome.error };
  return { ok: true, value: outcome.value ?? null };
}

/** Threads the stash through the handlers and gathers what each evaluation recorded. */
class RunRecorder {
  #stash: Record<string, unknown> = {};
  readonly #appendedErrors: ResolverErrorEntry[] = [];
  readonly #extensions: ExtensionCalls = { invalidations: [], cacheEvictions: [] };

  constructor(private readonly invocation: FieldInvocation) {}

  evaluate(code: ResolverCode, handler: HandlerName, extra: Pick<ContextInput, 'prev' | 'result' | 'error'>): EvaluationOutcome {
    const { invocation } = this;
    // The runtime copies every part into the handler's realm, so the live list of appended errors can go as is.
    const input: ContextInput = {
      arguments: invocation.arguments,
      source: invocation.source,
      identity: invocation.identity,
      request: invocation.request,
      info: invocation.info,
      env: invocation.env,
      stash: this.#stash,
      outErrors: this.#appendedErrors,
    };
    // Parts a handler does not get stay absent (no `ctx.error` key unless the data source failed).
    if (extra.prev !== undefined) input.prev = extra.prev;
    if (extra.result !== undefined) input.result = extra.result;
    if (extra.error !== undefined) input.error = extra.error;
    const outcome = code.evaluate(handler, input, { authType: invocation.authType, earlierResponseHeaders: invocation.responseHeaders });
    this.#stash = outcome.stash;
    for (const entry of outcome.appendedErrors) this.#appendedErrors.push(entry);
    mergeExtensionCalls(this.#extensions, outcome.extensions);
    mergeResponseHeaders(invocation.responseHeaders, outcome.responseHeaders);
    if (outcome.status === 'error' && outcome.kind === 'unauthorized') return { ...outcome, error: fieldUnauthorized(invocation.info) };
    return outcome;
  }

  finish(outcome: FieldOutcome): ResolverRun {
    return {
      outcome,
      appendedErrors: this.#appendedErrors,
      extensions: this.#extensions,
    };
  }
}

/**
 * `util.unauthorized()` evaluates to the message "Unauthorized" (what EvaluateCode reports), but in a
 * GraphQL response the field's error reads as the directive rules' denial does:
 * `Not Authorized to access <field> on type <ParentType>`, errorType `Unauthorized`
 * (spec appsync-js-runtime.md §3.1 `util.unauthorized`; appsync-realtime.md §3.4 for subscriptions).
 */
function fieldUnauthorized(info: FieldInfo): ResolverErrorEntry {
  return FieldResolutionError.from(new UnauthorizedFieldError(info.parentTypeName, info.fieldName)).entry;
}

/** A header set again by a later handler replaces the earlier one, whatever the case of its name. */
function mergeResponseHeaders(into: Record<string, string>, from: Record<string, string>): void {
  for (const name of Object.keys(from)) setResponseHeader(into, name, from[name]!);
}

function mergeExtensionCalls(into: ExtensionCalls, from: ExtensionCalls): void {
  if (from.subscriptionFilter !== undefined) into.subscriptionFilter = from.subscriptionFilter;
  if (from.subscriptionInvalidationFilter !== undefined) {
    into.subscriptionInvalidationFilter = from.subscriptionInvalidationFilter;
  }
  for (const call of from.invalidations) into.invalidations.push(call);
  for (const eviction of from.cacheEvictions) into.cacheEvictions.push(eviction);
}
