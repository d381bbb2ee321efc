/**
 * Argument checks shared by the `util.*` built-ins. Resolver code reaches them through the runtime's
 * membrane with JSON-like values, so each check looks at `typeof` / `Array.isArray`, never at
 * prototypes. A refused argument throws `BuiltinInputError`, which the evaluator reports like a
 * runtime exception at the call site (`code.js:L:C: <message>`, spec appsync-js-runtime.md §6.1).
 *
 * AppSync's own wording for a wrong argument type is unknown (its built-ins are Java methods behind
 * a TypeScript pass that rejects most mistakes before they run), so the messages name the built-in,
 * the parameter and what was received.
 */
import { isJsonObject, type JsonObject } from '../dynamodb/attribute-values.js';
import { BuiltinInputError } from '../signals.js';

/** The JSON-ish name of a value's type, for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function expectString(value: unknown, builtin: string, parameter: string): string {
  if (typeof value !== 'string') {
    throw new BuiltinInputError(`${builtin}: '${parameter}' must be a string, got ${describeType(value)}`);
  }
  return value;
}

export function expectFiniteNumber(value: unknown, builtin: string, parameter: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BuiltinInputError(`${builtin}: '${parameter}' must be a finite number, got ${describeType(value)}`);
  }
  return value;
}

export function expectInteger(value: unknown, builtin: string, parameter: string): number {
  if (!Number.isSafeInteger(value)) {
    const got = typeof value === 'number' ? String(value) : describeType(value);
    throw new BuiltinInputError(`${builtin}: '${parameter}' must be an integer, got ${got}`);
  }
  return value as number;
}

export function expectObject(value: unknown, builtin: string, parameter: string): JsonObject {
  if (!isJsonObject(value)) {
    throw new BuiltinInputError(`${builtin}: '${parameter}' must be an object, got ${describeType(value)}`);
  }
  return value;
}
