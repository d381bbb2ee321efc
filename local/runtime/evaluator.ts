/**
 * The APPSYNC_JS runtime: loads resolver code (checking it as AppSync does at creation) and evaluates
 * its `request`/`response` handlers in the shared sandbox realm (./sandbox.ts).
 *
 * Every evaluation runs the module body afresh (module-level state never survives an evaluation,
 * spec appsync-js-runtime.md §1.1 local requirement 2), gets a `ctx` built from copies of its input
 * (§1.2: a handler's changes to `arguments`, `source`, `identity`, `request`, `info` do not leak),
 * and returns what crosses the handler boundary as JSON would carry it (§1.2, last rule).
 *
 * The built-ins are parameters (`RuntimeBuiltins`) so tests can give a small fake `util`; ./index.ts
 * wires the real ones.
 */
import { BadRequestException, CodeValidationException } from '../errors.js';
import { formatLocation, ModuleLocations, UNKNOWN_LOCATION } from './code-locations.js';
import { createConsole } from './console-log.js';
import type { CurrentState, EvaluationState } from './evaluation-state.js';
import { createExtensions } from './extensions.js';
import { BuiltinFailure, BuiltinRegistry, copyJsonToHost } from './membrane.js';
import { prepareModule } from './module-check.js';
import { createRuntimeUtils } from './runtime-utils.js';
import { createSandbox, type ContextParts, type Sandbox, type SandboxValue } from './sandbox.js';
import { BuiltinInputError, EarlyReturnSignal, UnauthorizedSignal, UtilErrorSignal } from './signals.js';
import type {
  ContextInput,
  EvaluateOptions,
  EvaluationOutcome,
  EvaluationRecord,
  HandlerName,
  ResolverCode,
  ResolverErrorEntry,
} from './types.js';

/** Host-side built-ins, written as plain functions on JSON-like values. */
export interface RuntimeBuiltins {
  /** `util`, reading the evaluation in progress through `current`. */
  createUtil(current: CurrentState): object;
  /** The exports of `@aws-appsync/utils/dynamodb`. */
  dynamodb: object;
}

export interface RuntimeOptions {
  /** Time budget of one handler evaluation (spec §6.5: 1 s). */
  timeoutMilliseconds?: number;
}

/** AppSync's limit on `code` (spec §1.1, checklist item 1). */
export const MAX_CODE_LENGTH = 32_768;

const DEFAULT_TIMEOUT_MILLISECONDS = 1_000;
const DEFAULT_AUTH_TYPE = 'API Key Authorization';

/** spec §6.5 (our wording: AppSync's limits are not published). */
const TIMEOUT_MESSAGE = `${formatLocation(UNKNOWN_LOCATION)}: Error: execution timed out`;

type ModuleFactory = (imports: SandboxValue, tick: SandboxValue) => Record<string, unknown>;

export class ResolverRuntime {
  private readonly sandbox: Sandbox;
  private readonly locations = new ModuleLocations();
  private readonly imports: SandboxValue;
  private readonly timeoutMilliseconds: number;
  private current: EvaluationState | undefined;

  constructor(builtins: RuntimeBuiltins, options: RuntimeOptions = {}) {
    this.timeoutMilliseconds = options.timeoutMilliseconds ?? DEFAULT_TIMEOUT_MILLISECONDS;
    const registry = new BuiltinRegistry();
    this.sandbox = createSandbox(registry);
    const current: CurrentState = () => {
      if (!this.current) throw new Error('an APPSYNC_JS built-in was called outside an evaluation');
      return this.current;
    };
    const host = {
      util: builtins.createUtil(current),
      extensions: createExtensions(current),
      runtime: createRuntimeUtils(),
      console: createConsole(current, () => this.locations.callSite()),
      dynamodb: builtins.dynamodb,
    };
    const sandboxed = Object.fromEntries(
      Object.entries(host).map(([name, value]) => [name, this.sandbox.buildBuiltin(registry.describe(value, name))]),
    );
    this.sandbox.defineGlobals({ util: sandboxed.util, extensions: sandboxed.extensions, runtime: sandboxed.runtime, console: sandboxed.console });
    this.imports = this.sandbox.group({
      utils: this.sandbox.group({ util: sandboxed.util, extensions: sandboxed.extensions, runtime: sandboxed.runtime }),
      dynamodb: sandboxed.dynamodb,
    });
  }

  /**
   * Loads an APPSYNC_JS module as AppSync creates a resolver from it. Throws `BadRequestException`
   * for code over 32,768 characters and `CodeValidationException` (with `codeErrors`) for code
   * AppSync would refuse.
   */
  load(source: string, { fileName }: { fileName: string }): ResolverCode {
    if (source.length < 1 || source.length > MAX_CODE_LENGTH) {
      throw new BadRequestException(
        `${fileName}: the code is ${source.length} characters long; AppSync accepts 1 to ${MAX_CODE_LENGTH} characters.`,
      );
    }
    const prepared = prepareModule(source);
    if ('problems' in prepared) throw new CodeValidationException(fileName, prepared.problems);
    const scriptName = this.locations.register(prepared.positions);
    let factory: ModuleFactory;
    try {
      factory = this.sandbox.compileFactory(prepared.factorySource, scriptName);
    } catch (error) {
      throw new CodeValidationException(fileName, [parserErrorOf(error)]);
    }
    return {
      fileName,
      evaluate: (handler, ctx, options) => this.evaluate(factory, handler, ctx, options),
    };
  }

  private evaluate(factory: ModuleFactory, handler: HandlerName, input: ContextInput, options: EvaluateOptions = {}): EvaluationOutcome {
    const state: EvaluationState = {
      authType: options.authType ?? DEFAULT_AUTH_TYPE,
      now: options.now ?? Date.now,
      appendedErrors: [],
      responseHeaders: {},
      earlierResponseHeaders: options.earlierResponseHeaders,
      extensions: { invalidations: [], cacheEvictions: [] },
      logs: [],
    };
    const { sandbox } = this;
    this.current = state;
    let ctx: SandboxValue;
    try {
      ctx = sandbox.makeContext(contextParts(input), this.timeoutMilliseconds);
      const handlers = factory(this.imports, sandbox.tick);
      const run = handlers[handler];
      if (typeof run !== 'function') {
        return { status: 'error', kind: 'code', error: codeError(`${formatLocation(UNKNOWN_LOCATION)}: TypeError: ${handler} is not a function`), ...this.record(state, ctx, input) };
      }
      const value = copyJsonToHost(run(ctx)) ?? null;
      const { logs, stash, appendedErrors, extensions, responseHeaders } = this.record(state, ctx, input);
      return { status: 'returned', value, logs, stash, appendedErrors, extensions, responseHeaders };
    } catch (error) {
      return { ...this.outcomeOf(error), ...this.record(state, ctx, input) };
    } finally {
      this.current = undefined;
    }
  }

  /**
   * The fields every outcome carries; the stash as JSON would carry it out of the handler. A stash
   * JSON cannot carry (a cycle, a BigInt) falls back to the stash the handler was given.
   */
  private record(state: EvaluationState, ctx: SandboxValue, input: ContextInput): EvaluationRecord {
    let stash: Record<string, unknown>;
    try {
      stash = ctx === undefined ? { ...input.stash } : ((copyJsonToHost((ctx as { stash: SandboxValue }).stash) ?? {}) as Record<string, unknown>);
    } catch {
      stash = (copyJsonToHost(input.stash) ?? {}) as Record<string, unknown>;
    }
    return {
      logs: state.logs,
      stash,
      appendedErrors: state.appendedErrors,
      extensions: state.extensions,
      responseHeaders: state.responseHeaders,
    };
  }

  /** What ended an evaluation early, as its outcome (spec §6). */
  private outcomeOf(error: unknown): OutcomeWithoutRecord {
    if (error instanceof UtilErrorSignal) return { status: 'error', kind: 'util.error', error: error.error };
    if (error instanceof UnauthorizedSignal) return { status: 'error', kind: 'unauthorized', error: error.error };
    if (error instanceof EarlyReturnSignal) return { status: 'earlyReturn', value: copyJsonToHost(error.value) ?? null, skipTo: error.skipTo };
    if (this.sandbox.isTimeout(error)) return { status: 'error', kind: 'code', error: codeError(TIMEOUT_MESSAGE) };
    if (error instanceof BuiltinFailure) {
      const where = formatLocation(this.locations.locate(error.stack));
      const failure = error.failure;
      const message = failure instanceof BuiltinInputError ? failure.message : describeError(failure);
      return { status: 'error', kind: 'code', error: codeError(`${where}: ${message}`) };
    }
    const where = formatLocation(this.locations.locate(stackOf(error)));
    return { status: 'error', kind: 'code', error: codeError(`${where}: ${describeError(error)}`) };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type OutcomeWithoutRecord = DistributiveOmit<EvaluationOutcome, keyof EvaluationRecord>;

/**
 * The ctx of one evaluation, before it is copied into the sandbox. Parts the caller leaves out get
 * EvaluateCode's defaults (spec §7: "missing parts default to empty/null"; `arguments` `{}` is
 * observed, item 5; the rest is our reading, unconfirmed): `identity`, `source`, `result` null,
 * `stash` `{}`, `prev` `{ result: null }`, empty `request` and `info`, no `error`.
 */
const NO_ENV = Object.freeze({});
const NO_ERRORS = Object.freeze([]);

function contextParts(input: ContextInput): ContextParts {
  return {
    arguments: input.arguments ?? {},
    identity: input.identity ?? null,
    source: input.source ?? null,
    stash: input.stash ?? {},
    prev: input.prev ?? { result: null },
    result: input.result ?? null,
    error: input.error,
    request: input.request ?? { headers: {}, domainName: null },
    info: input.info ?? { fieldName: '', parentTypeName: '', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
    env: input.env ?? NO_ENV,
    outErrors: input.outErrors ?? NO_ERRORS,
  };
}

function codeError(message: string): ResolverErrorEntry {
  return { message, errorType: 'Code', data: null, errorInfo: null };
}

function stackOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
}

/** `TypeError: message` for an error object, its text for anything else. */
function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && typeof message === 'string') return `${name}: ${message}`;
  }
  return String(error);
}

/** A syntax error V8 found that the linter's parser accepted (rare): a `PARSER_ERROR` at its line. */
function parserErrorOf(error: unknown): CodeValidationException['codeErrors'][number] {
  const stack = String(stackOf(error) ?? '');
  const line = /^appsync-module-\d+\.js:(\d+)/.exec(stack)?.[1];
  const message = typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message) : String(error);
  return { errorType: 'PARSER_ERROR', value: `Parsing error: ${message}`, location: { line: line ? Number(line) : 0, column: 0, span: -1 } };
}
