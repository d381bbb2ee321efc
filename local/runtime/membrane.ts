/**
 * The boundary between resolver code (sandbox realm) and the built-ins written as ordinary host
 * functions (`util`, the dynamodb module, `extensions`, `runtime`, `console`).
 *
 * The sandbox never receives a host function or object: a host built-in is *described* (its shape:
 * nested objects, functions by number, plain values) and rebuilt in the sandbox as sandbox functions
 * that call `BuiltinRegistry.call`. Arguments are copied into host values here, results are copied
 * into sandbox values by the sandbox (./sandbox.ts), so no reference to a host object — and hence no
 * path to the host `Function` constructor — ever reaches resolver code.
 */
import { BuiltinInputError, EarlyReturnSignal, UnauthorizedSignal, UtilErrorSignal } from './signals.js';

export type BuiltinShape =
  | { type: 'function'; name: string; index: number }
  | { type: 'object'; members: Array<{ name: string; shape: BuiltinShape }> }
  | { type: 'value'; value: unknown };

/**
 * A built-in failed (bad input, or a bug in it): carries the failure and, in `stack`, the resolver
 * frames that called it, so the evaluator can report `code.js:L:C: <message>` at the call site
 * (spec appsync-js-runtime.md §6.1, last rule).
 */
export class BuiltinFailure extends Error {
  readonly failure: unknown;

  constructor(failure: unknown) {
    // Deep enough to reach the resolver frame below the dispatcher and the sandbox wrapper.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = Math.max(stackTraceLimit, 20);
    super('built-in failed');
    Error.stackTraceLimit = stackTraceLimit;
    this.failure = failure;
  }
}

/** Signals end the evaluation on purpose; they cross the boundary untouched (./signals.ts). */
function isControlSignal(error: unknown): boolean {
  return error instanceof UtilErrorSignal || error instanceof UnauthorizedSignal || error instanceof EarlyReturnSignal;
}

/** Deeper than any JSON a resolver builds; deeper means a cycle. */
const MAX_ARGUMENT_DEPTH = 1000;

/**
 * Copies a value of the sandbox into a host value: plain objects (own enumerable string keys) and
 * arrays are rebuilt, `undefined` is kept (built-ins tell it apart from `null`), functions and
 * symbols become `undefined`. Reading a property may run a resolver getter; whatever it throws
 * passes through.
 */
export function copyToHost(value: unknown, depth = 0): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_ARGUMENT_DEPTH) throw new BuiltinInputError('Converting circular structure to JSON');
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let index = 0; index < value.length; index += 1) copy.push(copyToHost(value[index], depth + 1));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyToHost((value as Record<string, unknown>)[key], depth + 1);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

/**
 * Copies a sandbox value into a host value as `JSON.parse(JSON.stringify(value))` would, without the
 * text in between: `toJSON` is honoured, `undefined`, functions and symbols are dropped from objects
 * and become `null` in arrays, non-finite numbers become `null`; a BigInt or a cycle is a TypeError.
 * This is how values leave a handler (spec appsync-js-runtime.md §1.2: "as if JSON-serialised").
 */
export function copyJsonToHost(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJson = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJson === 'function') return copyJsonToHost(toJson.call(value, key), key, depth);
    if (depth > MAX_ARGUMENT_DEPTH) throw new TypeError('Converting circular structure to JSON');
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      for (let index = 0; index < value.length; index += 1) copy.push(copyJsonToHost(value[index], String(index), depth + 1) ?? null);
      return copy;
    }
    const copy: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      const item = copyJsonToHost((value as Record<string, unknown>)[name], name, depth + 1);
      if (item === undefined) continue;
      if (name === '__proto__') Object.defineProperty(copy, name, { value: item, writable: true, enumerable: true, configurable: true });
      else copy[name] = item;
    }
    return copy;
  }
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return value;
  }
}

type HostFunction = (...args: unknown[]) => unknown;

/** The host side of the membrane: numbered built-in functions and the dispatcher that runs them. */
export class BuiltinRegistry {
  private readonly functions: Array<{ fn: HostFunction; owner: unknown }> = [];

  /** The shape of a host built-in, registering its functions (called with their owner object as `this`). */
  describe(value: unknown, name: string, owner: unknown = undefined): BuiltinShape {
    if (typeof value === 'function') {
      this.functions.push({ fn: value as HostFunction, owner });
      return { type: 'function', name, index: this.functions.length - 1 };
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return {
        type: 'object',
        members: Object.entries(value).map(([memberName, member]) => ({ name: memberName, shape: this.describe(member, memberName, value) })),
      };
    }
    return { type: 'value', value };
  }

  /** Runs built-in `index` with a copy of the sandbox's arguments. */
  call(index: number, args: unknown): unknown {
    const entry = this.functions[index];
    if (!entry) throw new Error(`unknown built-in #${index}`);
    let hostArgs: unknown[];
    try {
      hostArgs = copyToHost(args) as unknown[];
    } catch (error) {
      if (error instanceof BuiltinInputError) throw new BuiltinFailure(error);
      throw error;
    }
    try {
      return entry.fn.apply(entry.owner, hostArgs);
    } catch (error) {
      if (isControlSignal(error)) throw error;
      throw new BuiltinFailure(error);
    }
  }
}
