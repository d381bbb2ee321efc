/**
 * Detached JSON copies of values that resolver code hands to a built-in which keeps them (the
 * `data`/`errorInfo` of `util.error`/`util.appendError`, object header values). AppSync converts
 * such arguments when the call happens, so a later mutation by the resolver must not show through.
 *
 * The copy follows `JSON.stringify`'s rules (undefined and function members dropped from objects,
 * `null` in arrays, non-finite numbers become `null`) but walks the value itself: it never calls a
 * `toJSON` or getter defined by resolver code, and it keeps a `__proto__` key as plain data.
 */
import { isJsonObject, setEntry } from '../dynamodb/attribute-values.js';
import { BuiltinInputError } from '../signals.js';

/** The JSON value of `value`, or `undefined` when JSON has none (undefined, a function). */
export function copyJsonValue(value: unknown): unknown {
  return copy(value, new Set());
}

function copy(value: unknown, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      if (value === null) return null;
      break;
    default:
      return undefined;
  }
  if (ancestors.has(value)) throw new BuiltinInputError('Converting circular structure to JSON');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, ancestors) ?? null);
    const result: { [key: string]: unknown } = {};
    if (isJsonObject(value)) {
      for (const key of Object.keys(value)) {
        const member = copy(value[key], ancestors);
        if (member !== undefined) {
          setEntry(result, key, member);
        }
      }
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}

