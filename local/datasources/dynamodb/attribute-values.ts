/**
 * Conversions between the three shapes a DynamoDB value takes on its way through the data source
 * (spec appsync-js-runtime.md §3.4, §5.1):
 *
 * - AppSync's typed JSON, as resolvers write it: `{ S: "x" }`, `{ N: 12 }` (a JSON number or a numeric
 *   string), `{ B: "<base64>" }`, `{ NULL: null }`, sets as arrays;
 * - the AWS SDK's `AttributeValue` (numbers as strings, binary as bytes);
 * - plain JSON, as `ctx.result` shows items: numbers as numbers, sets as arrays, binary as base64.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MappingTemplateException } from '../../errors.js';

export type SdkItem = Record<string, AttributeValue>;

const TYPE_NAMES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'] as const;

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, expected: string, value: unknown): MappingTemplateException {
  return new MappingTemplateException(`Expected ${expected} for attribute value '${path}' but got '${describe(value)}' instead.`);
}

function toNumberText(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value;
  throw invalid(path, 'a number', value);
}

function toStringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw invalid(path, 'a JSON array', value);
  return value.map((entry, index) => {
    if (typeof entry !== 'string') throw invalid(`${path}[${index}]`, 'a string', entry);
    return entry;
  });
}

function toBytes(value: unknown, path: string): Uint8Array {
  if (typeof value !== 'string') throw invalid(path, 'a base64 string', value);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/**
 * One typed JSON value → SDK `AttributeValue`. `path` names the value in messages, AppSync style
 * (`$[key][id]`). Throws `MappingTemplateException` for anything that is not a typed value.
 */
export function toSdkAttributeValue(typed: unknown, path: string): AttributeValue {
  if (!isRecord(typed)) throw invalid(path, 'JSON object', typed);
  const types = Object.keys(typed);
  const type = types[0];
  if (types.length !== 1 || !TYPE_NAMES.includes(type as (typeof TYPE_NAMES)[number])) {
    throw new MappingTemplateException(
      `Attribute value '${path}' must have exactly one type key among ${TYPE_NAMES.join(', ')}; got '${describe(typed)}'.`,
    );
  }
  const value = typed[type as string];
  switch (type) {
    case 'S':
      if (typeof value !== 'string') throw invalid(`${path}[S]`, 'a string', value);
      return { S: value };
    case 'N':
      return { N: toNumberText(value, `${path}[N]`) };
    case 'B':
      return { B: toBytes(value, `${path}[B]`) };
    case 'BOOL':
      if (typeof value !== 'boolean') throw invalid(`${path}[BOOL]`, 'a boolean', value);
      return { BOOL: value };
    case 'NULL':
      // `util.dynamodb.toNull()` writes `{ NULL: null }`; DynamoDB wants `true`.
      if (value !== null && value !== true) throw invalid(`${path}[NULL]`, 'null or true', value);
      return { NULL: true };
    case 'SS':
      return { SS: toStringList(value, `${path}[SS]`) };
    case 'NS':
      if (!Array.isArray(value)) throw invalid(`${path}[NS]`, 'a JSON array', value);
      return { NS: value.map((entry, index) => toNumberText(entry, `${path}[NS][${index}]`)) };
    case 'BS':
      return { BS: toStringList(value, `${path}[BS]`).map((entry, index) => toBytes(entry, `${path}[BS][${index}]`)) };
    case 'L':
      if (!Array.isArray(value)) throw invalid(`${path}[L]`, 'a JSON array', value);
      return { L: value.map((entry, index) => toSdkAttributeValue(entry, `${path}[L][${index}]`)) };
    default: // 'M', the one type left
      return { M: toSdkItem(value, `${path}[M]`) };
  }
}

/** A map of typed JSON values (a key, an item, `expressionValues`) → SDK item. */
export function toSdkItem(typedMap: unknown, path: string): SdkItem {
  if (!isRecord(typedMap)) throw invalid(path, 'JSON object', typedMap);
  const item: SdkItem = {};
  for (const [name, typed] of Object.entries(typedMap)) {
    item[name] = toSdkAttributeValue(typed, `${path}[${name}]`);
  }
  return item;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** SDK `AttributeValue` → plain JSON (the response type conversion AppSync applies to `ctx.result`). */
export function toPlainValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return base64(value.B);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map(base64);
  if (value.L !== undefined) return value.L.map(toPlainValue);
  if (value.M !== undefined) return toPlainItem(value.M);
  throw new Error(`Unsupported DynamoDB attribute value: ${Object.keys(value).join(', ')}`);
}

export function toPlainItem(item: SdkItem): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) plain[name] = toPlainValue(value);
  return plain;
}

/** SDK `AttributeValue` → typed JSON (lossless, e.g. to carry a `LastEvaluatedKey` inside a token). */
export function toTypedJson(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toTypedJson) };
  if (value.M !== undefined) return { M: toTypedItem(value.M) };
  if (value.NULL !== undefined) return { NULL: true };
  return value;
}

export function toTypedItem(item: SdkItem): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) typed[name] = toTypedJson(value);
  return typed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function sameSet<T>(a: T[], b: T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => same(x, y)));
}

const sameNumber = (a: string, b: string): boolean => Number(a) === Number(b);
const sameString = (a: string, b: string): boolean => a === b;

/**
 * Value equality as DynamoDB means it: numbers compared numerically (`"1.0"` = `"1"`), sets without
 * order, maps without key order. Used by the condition-failure equality check (spec §5.1).
 */
export function sameAttributeValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && sameNumber(a.N, b.N);
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.B !== undefined) return b.B !== undefined && sameBytes(a.B, b.B);
  if (a.SS !== undefined) return b.SS !== undefined && sameSet(a.SS, b.SS, sameString);
  if (a.NS !== undefined) return b.NS !== undefined && sameSet(a.NS, b.NS, sameNumber);
  if (a.BS !== undefined) return b.BS !== undefined && sameSet(a.BS, b.BS, sameBytes);
  if (a.L !== undefined) {
    const other = b.L;
    return other !== undefined && a.L.length === other.length && a.L.every((entry, i) => sameAttributeValue(entry, other[i] as AttributeValue));
  }
  if (a.M !== undefined) return b.M !== undefined && sameItem(a.M, b.M);
  return false;
}

/** Item equality, ignoring the attributes named in `ignore`. */
export function sameItem(a: SdkItem, b: SdkItem, ignore: readonly string[] = []): boolean {
  const names = (item: SdkItem): string[] => Object.keys(item).filter((name) => !ignore.includes(name));
  const namesOfA = names(a);
  if (namesOfA.length !== names(b).length) return false;
  return namesOfA.every((name) => {
    const other = b[name];
    return other !== undefined && sameAttributeValue(a[name] as AttributeValue, other);
  });
}
