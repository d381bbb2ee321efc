/**
 * The realm resolver code runs in: one long-lived `node:vm` context, hardened once so that it can be
 * shared by every evaluation of every resolver without one evaluation affecting the next.
 *
 * - Only what APPSYNC_JS offers is global (spec appsync-js-runtime.md §2.4): `Object`, `Array`,
 *   `String`, `Number`, `Boolean`, `Math`, `JSON`, the number and URI functions, `console`, `util`,
 *   `extensions`, `runtime`. No `require`, `process`, timers, `Date`, `Map`, `Promise`, `Function`…
 *   (spec §2.2: not provided, a ReferenceError at run time). Methods the AppSync lint rules name as
 *   not implemented (spec §2.3) are removed too, so code whose receiver the linter could not type
 *   fails at run time instead of silently working.
 * - Code generation from strings is off (`Function('...')` is an EvalError), every intrinsic is
 *   frozen (no poisoning `Array.prototype` for later evaluations) and the globals are read-only.
 *   Assigning an inherited name such as `item.toString = x` still works (the accessors SES calls
 *   "override repair").
 * - Host functions never enter the realm: each built-in is a sandbox function that hands its
 *   arguments to the host dispatcher kept in a closure, and values cross by copy (see ./membrane.ts).
 * - A runaway handler is stopped by a step counter called at the start of every loop and function
 *   body (./module-transform.ts inserts the calls). `vm`'s own `timeout` option would cost about
 *   150 µs per call (it starts a watchdog thread each time); the counter costs nothing measurable.
 */
import vm from 'node:vm';
import type { BuiltinShape } from './membrane.js';

/** An opaque value living in the sandbox realm. The host only passes these back to sandbox functions. */
export type SandboxValue = unknown;

/** Every part of `ctx` (spec appsync-js-runtime.md §1.2), defaults applied; `error` undefined unless the data source failed. */
export interface ContextParts {
  arguments: unknown;
  identity: unknown;
  source: unknown;
  stash: unknown;
  prev: unknown;
  result: unknown;
  error: unknown;
  request: unknown;
  info: unknown;
  env: unknown;
  outErrors: readonly unknown[];
}

/** What the bootstrap script returns: sandbox functions the host calls. */
interface SandboxApi {
  fromHost(value: unknown): SandboxValue;
  toJson(value: SandboxValue): string | undefined;
  makeContext(parts: ContextParts, milliseconds: number): SandboxValue;
  buildBuiltin(shape: BuiltinShape): SandboxValue;
  group(members: Record<string, SandboxValue>): SandboxValue;
  defineGlobals(globals: Record<string, SandboxValue>): void;
  readonly tick: SandboxValue;
  readonly timedOut: SandboxValue;
}

/** The globals of the language (spec §2.4); `console`, `util`, `extensions`, `runtime` are added by the host. */
const LANGUAGE_GLOBALS = [
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Math', 'JSON', 'NaN', 'Infinity', 'undefined',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent',
];

/**
 * `no-disallowed-methods` deny-list (spec §2.3), minus the conversions the engine itself calls
 * (`toString`, `valueOf`, `toLocaleString` stay so that `${array}` and `String(x)` keep working) and
 * the `ObjectConstructor` names that are really `Function.prototype` members.
 */
const NOT_IMPLEMENTED = {
  Array: ['from', 'of'],
  'Array.prototype': ['copyWithin', 'entries', 'group', 'groupToMap', 'keys', 'values'],
  Object: [
    'create', 'defineProperties', 'defineProperty', 'freeze', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors',
    'getOwnPropertyNames', 'getOwnPropertySymbols', 'getPrototypeOf', 'is', 'isExtensible', 'isFrozen', 'isSealed',
    'preventExtensions', 'seal', 'setPrototypeOf',
  ],
  String: ['fromCharCode', 'fromCodePoint', 'raw'],
  'String.prototype': [
    'charCodeAt', 'localeCompare', 'matchAll', 'padEnd', 'padStart', 'repeat', 'search', 'toLocaleLowerCase', 'toLocaleUpperCase',
  ],
};

/** Runs once inside the context. Kept as plain JavaScript text: it is compiled in the sandbox realm. */
const BOOTSTRAP = String.raw`(function bootstrap(host, languageGlobals, notImplemented) {
"use strict";
const global = globalThis;
const { freeze, defineProperty, getOwnPropertyNames, getOwnPropertySymbols, getOwnPropertyDescriptor, getPrototypeOf, keys } = Object;
const isArray = Array.isArray;
const stringify = JSON.stringify;
const now = Date.now;
const iterator = Symbol.iterator;
const SafeSet = Set;
const SafeWeakMap = WeakMap;
const SafeTypeError = TypeError;

const roots = [
  getPrototypeOf([][iterator]()), getPrototypeOf(""[iterator]()), getPrototypeOf("a".matchAll(/a/g)),
  getPrototypeOf(new Map().entries()), getPrototypeOf(new Set().values()),
  getPrototypeOf(function* () {}), getPrototypeOf(async function () {}), getPrototypeOf(async function* () {}),
];
for (const name of getOwnPropertyNames(global)) roots.push(global[name]);

function remove(object, names) {
  for (const name of names) delete object[name];
}
remove(Object.prototype, ["__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "__proto__"]);
remove(Array, notImplemented.Array);
remove(Array.prototype, notImplemented["Array.prototype"]);
remove(Object, notImplemented.Object);
remove(String, notImplemented.String);
remove(String.prototype, notImplemented["String.prototype"]);

// Override repair: data properties of Object.prototype become accessors whose setter defines an own
// property on the receiver, so that freezing the prototype does not break assignments to objects.
for (const name of getOwnPropertyNames(Object.prototype)) {
  const descriptor = getOwnPropertyDescriptor(Object.prototype, name);
  if (!("value" in descriptor)) continue;
  const value = descriptor.value;
  const prototype = Object.prototype;
  defineProperty(prototype, name, {
    get: function () { return value; },
    set: function (replacement) {
      if (this === prototype) throw new SafeTypeError("Cannot assign to read only property '" + name + "' of object");
      defineProperty(this, name, { value: replacement, writable: true, enumerable: true, configurable: true });
    },
    enumerable: descriptor.enumerable,
    configurable: false,
  });
}

const seen = new SafeSet();
function freezeDeep(value) {
  if ((typeof value !== "object" && typeof value !== "function") || value === null || value === global || seen.has(value)) return;
  seen.add(value);
  freeze(value);
  freezeDeep(getPrototypeOf(value));
  for (const key of getOwnPropertyNames(value).concat(getOwnPropertySymbols(value))) {
    const descriptor = getOwnPropertyDescriptor(value, key);
    if ("value" in descriptor) freezeDeep(descriptor.value);
    else { freezeDeep(descriptor.get); freezeDeep(descriptor.set); }
  }
}
for (const root of roots) freezeDeep(root);

// A global the embedder made non-configurable ("gc" under "node --expose-gc") cannot be deleted: it
// is locked to undefined instead, so resolver code cannot call it.
for (const name of getOwnPropertyNames(global)) {
  if (languageGlobals.includes(name)) continue;
  if (getOwnPropertyDescriptor(global, name).configurable) delete global[name];
  else defineProperty(global, name, { value: undefined, writable: false });
}
function lockGlobal(name, value) {
  defineProperty(global, name, { value: value, writable: false, enumerable: false, configurable: false });
}
for (const name of languageGlobals) lockGlobal(name, global[name]);

function fromHost(value) {
  if (typeof value === "object") {
    if (value === null) return null;
    if (isArray(value)) {
      const copy = [];
      for (let index = 0; index < value.length; index += 1) copy[index] = fromHost(value[index]);
      return copy;
    }
    const copy = {};
    for (const key of keys(value)) copy[key] = fromHost(value[key]);
    return copy;
  }
  return typeof value === "function" || typeof value === "symbol" ? undefined : value;
}

function freezeTree(node) {
  if (typeof node === "object" && node !== null) { freeze(node); for (const key of keys(node)) freezeTree(node[key]); }
  return node;
}

// Frozen copies can be shared, so a host object given again (the API's env) is copied once. Only for
// long-lived host objects: an entry per short-lived object would only burden the collector.
const snapshots = new SafeWeakMap();
function snapshot(value) {
  if (typeof value === "object" && value !== null) {
    const known = snapshots.get(value);
    if (known !== undefined) return known;
  }
  const copy = freezeTree(fromHost(value));
  if (typeof value === "object" && value !== null) snapshots.set(value, copy);
  return copy;
}

const noErrors = freeze([]);

// One fixed shape, keys in AppSync's order; ctx.error only when the data source failed.
function makeContext(parts, milliseconds) {
  startClock(milliseconds);
  const args = fromHost(parts.arguments);
  const identity = fromHost(parts.identity);
  const source = fromHost(parts.source);
  const stash = fromHost(parts.stash);
  const prev = fromHost(parts.prev);
  const result = fromHost(parts.result);
  const request = fromHost(parts.request);
  const info = fromHost(parts.info);
  const env = snapshot(parts.env);
  const outErrors = parts.outErrors.length === 0 ? noErrors : freezeTree(fromHost(parts.outErrors));
  if (parts.error === undefined) {
    return { arguments: args, args: args, identity: identity, source: source, stash: stash, prev: prev, result: result, request: request, info: info, env: env, outErrors: outErrors };
  }
  const error = fromHost(parts.error);
  return { arguments: args, args: args, identity: identity, source: source, stash: stash, prev: prev, result: result, error: error, request: request, info: info, env: env, outErrors: outErrors };
}

function buildBuiltin(shape) {
  if (shape.type === "function") {
    const index = shape.index;
    const holder = { [shape.name](...args) { return fromHost(host.call(index, args)); } };
    return freeze(holder[shape.name]);
  }
  if (shape.type === "object") {
    const object = {};
    for (const member of shape.members) defineProperty(object, member.name, { value: buildBuiltin(member.shape), enumerable: true });
    return freeze(object);
  }
  return snapshot(shape.value);
}

// The clock is read every 1024 steps only; the budget starts at the first reading, which keeps
// Date.now off the path of the many evaluations that never take that many steps.
const timedOut = freeze({ timedOut: true });
let steps = 0;
let budget = 0;
let deadline = 0;
function startClock(milliseconds) { steps = 0; budget = milliseconds; deadline = 0; }
function tick() {
  steps += 1;
  if ((steps & 1023) !== 0) return;
  if (deadline === 0) deadline = now() + budget;
  else if (now() > deadline) throw timedOut;
}

return freeze({
  fromHost: fromHost,
  toJson: function (value) { return stringify(value); },
  makeContext: makeContext,
  buildBuiltin: buildBuiltin,
  group: function (members) {
    const object = {};
    for (const name of keys(members)) defineProperty(object, name, { value: members[name], enumerable: true });
    return freeze(object);
  },
  defineGlobals: function (globals) { for (const name of keys(globals)) lockGlobal(name, globals[name]); },
  tick: freeze(tick),
  timedOut: timedOut,
});
})`;

export interface HostDispatcher {
  /** Runs built-in number `index` with the sandbox's argument list. */
  call(index: number, args: SandboxValue): unknown;
}

export interface Sandbox {
  /** Copies a JSON-like host value into the realm (functions dropped). */
  fromHost(value: unknown): SandboxValue;
  /** `JSON.stringify` inside the realm (so `toJSON` and getters of resolver objects run there). */
  toJson(value: SandboxValue): string | undefined;
  /**
   * Starts an evaluation: its step budget of `milliseconds` (one call into the realm instead of two) and
   * its `ctx`, a copy of `parts` with `args` aliasing `arguments`, `env` and `outErrors` frozen.
   */
  makeContext(parts: ContextParts, milliseconds: number): SandboxValue;
  /** A sandbox object mirroring a host built-in (see ./membrane.ts). */
  buildBuiltin(shape: BuiltinShape): SandboxValue;
  /** A frozen sandbox object whose members are the given sandbox values (not copied). */
  group(members: Record<string, SandboxValue>): SandboxValue;
  defineGlobals(globals: Record<string, SandboxValue>): void;
  /** The step counter module factories call. */
  readonly tick: SandboxValue;
  /** Whether `error` is what the step counter throws when the budget is spent. */
  isTimeout(error: unknown): boolean;
  /** Compiles a module factory (./module-transform.ts) under `fileName`, which stack traces show. */
  compileFactory(source: string, fileName: string): (imports: SandboxValue, tick: SandboxValue) => Record<string, unknown>;
}

/** Creates a hardened realm whose built-in functions call `dispatcher`. */
export function createSandbox(dispatcher: HostDispatcher): Sandbox {
  const context = vm.createContext({}, { name: 'APPSYNC_JS', codeGeneration: { strings: false, wasm: false } });
  const bootstrap = new vm.Script(BOOTSTRAP, { filename: 'appsync-js-bootstrap.js' }).runInContext(context) as (
    host: HostDispatcher,
    languageGlobals: string[],
    notImplemented: typeof NOT_IMPLEMENTED,
  ) => SandboxApi;
  const api = bootstrap({ call: (index, args) => dispatcher.call(index, args) }, LANGUAGE_GLOBALS, NOT_IMPLEMENTED);
  return {
    fromHost: api.fromHost,
    toJson: api.toJson,
    makeContext: api.makeContext,
    buildBuiltin: api.buildBuiltin,
    group: api.group,
    defineGlobals: api.defineGlobals,
    tick: api.tick,
    isTimeout: (error) => error === api.timedOut,
    compileFactory(source, fileName) {
      const script = new vm.Script(source, { filename: fileName, lineOffset: -1 });
      return script.runInContext(context) as ReturnType<Sandbox['compileFactory']>;
    },
  };
}
