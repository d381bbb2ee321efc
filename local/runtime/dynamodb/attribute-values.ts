/**
 * Plain JSON → AppSync's typed DynamoDB JSON, the one conversion behind `util.dynamodb.*`, the
 * `@aws-appsync/utils/dynamodb` helpers and the expression builders.
 *
 * AppSync keeps numbers as JSON numbers inside `N` and `NS` (`{ "N": 12345 }`, not the SDK's
 * `"12345"`) and never infers sets: arrays become lists (spec appsync-js-runtime.md §3.4 [obs]).
 * Inputs arrive through the runtime's membrane as JSON-like values, so shapes are tested with
 * `typeof` and `Array.isArray`, never with prototypes.
 */
import { BuiltinInputError } from '../signals.js';

export type AttributeValue =
  | { S: string }
  | { N: number }
  | { BOOL: boolean }
  | { NULL: null }
  | { L: AttributeValue[] }
  | { M: AttributeMap }
  | { SS: string[] }
  | { NS: number[] }
  | { B: string }
  | { BS: string[] };

export type AttributeMap = { [name: string]: AttributeValue };

export type JsonObject = { [key: string]: unknown };

/** A JSON object (not null, not an array): the only kind of value that has named entries. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The entries of a JSON object in key order, leaving out `undefined` values: a key whose value is
 * `undefined` does not exist once the value is JSON, which is all AppSync ever sees.
 */
export function definedEntries(object: JsonObject): Array<[string, unknown]> {
  return Object.entries(object).filter(([, value]) => value !== undefined);
}

/**
 * Sets an own, enumerable entry even when the key is `__proto__`: keys come from resolver input,
 * and a plain assignment of that key would change the object's prototype instead.
 */
export function setEntry<T>(object: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `util.dynamodb.toDynamoDB`: string → `S`, number → `N` (kept a number), boolean → `BOOL`,
 * null → `NULL`, array → `L`, object → `M`, recursively (spec §3.4, checklist items 77-79, 84-86).
 * `undefined` inside a list becomes `NULL`, as `JSON.stringify` turns it into `null`.
 */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: null };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      if (!Number.isFinite(value)) {
        throw new BuiltinInputError(`cannot convert ${value} to a DynamoDB number: only finite numbers are allowed`);
      }
      return { N: value };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      return Array.isArray(value) ? { L: value.map(toAttributeValue) } : { M: toAttributeMap(value as JsonObject) };
    default:
      throw new BuiltinInputError(`cannot convert a value of type ${typeof value} to a DynamoDB attribute value`);
  }
}

/** `util.dynamodb.toMapValues`: each defined entry converted, the map itself not wrapped in `M`. */
export function toAttributeMap(object: JsonObject): AttributeMap {
  const map: AttributeMap = {};
  for (const [name, value] of definedEntries(object)) {
    setEntry(map, name, toAttributeValue(value));
  }
  return map;
}

/*
 * The set builders pass their list through untouched: AppSync validates neither the element types
 * nor base64 (spec §3.4 [obs]: `toBinary("foo")` → `{ B: "foo" }`). `null`/`undefined` → `null`.
 */

export function toStringSet(list: string[] | null | undefined): { SS: string[] } | null {
  return list === null || list === undefined ? null : { SS: list };
}

export function toNumberSet(numbers: number[] | null | undefined): { NS: number[] } | null {
  return numbers === null || numbers === undefined ? null : { NS: numbers };
}

export function toBinarySet(values: string[] | null | undefined): { BS: string[] } | null {
  return values === null || values === undefined ? null : { BS: values };
}
