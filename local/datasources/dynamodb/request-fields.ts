/**
 * Reading the fields of a DynamoDB request object (spec appsync-js-runtime.md §5.1). Every reader
 * names the field AppSync style (`$[key]`, `$[tables][Posts][keys]`) and throws a
 * `MappingTemplateException` when a field is missing or of the wrong type; the data source turns it
 * into `ctx.error`.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MappingTemplateException } from '../../errors.js';
import { sameAttributeValue, toSdkItem, type SdkItem } from './attribute-values.js';

export type RequestObject = Record<string, unknown>;

export function isRecord(value: unknown): value is RequestObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldPath(parent: string, name: string | number): string {
  return `${parent}[${name}]`;
}

function missing(path: string): MappingTemplateException {
  return new MappingTemplateException(`Value for field '${path}' not found.`);
}

function mistyped(path: string, expected: string, value: unknown): MappingTemplateException {
  return new MappingTemplateException(`Expected ${expected} for field '${path}' but got '${JSON.stringify(value)}' instead.`);
}

/** A value (found at `path`) that must be a JSON object. */
export function expectRecord(value: unknown, path: string): RequestObject {
  if (value === undefined || value === null) throw missing(path);
  if (!isRecord(value)) throw mistyped(path, 'a JSON object', value);
  return value;
}

/** A value (found at `path`) that must be a JSON array. */
export function expectArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) throw missing(path);
  if (!Array.isArray(value)) throw mistyped(path, 'a JSON array', value);
  return value;
}

/** A field that must hold a JSON object. */
export function requireRecord(parent: RequestObject, name: string, parentPath = '$'): RequestObject {
  return expectRecord(parent[name], fieldPath(parentPath, name));
}

export function optionalRecord(parent: RequestObject, name: string, parentPath = '$'): RequestObject | undefined {
  const value = parent[name];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw mistyped(fieldPath(parentPath, name), 'a JSON object', value);
  return value;
}

export function optionalStringList(parent: RequestObject, name: string, parentPath = '$'): string[] | undefined {
  const value = parent[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw mistyped(fieldPath(parentPath, name), 'a list of strings', value);
  }
  return value;
}

export function requireArray(parent: RequestObject, name: string, parentPath = '$'): unknown[] {
  return expectArray(parent[name], fieldPath(parentPath, name));
}

export function requireString(parent: RequestObject, name: string, parentPath = '$'): string {
  const value = parent[name];
  const path = fieldPath(parentPath, name);
  if (value === undefined || value === null) throw missing(path);
  if (typeof value !== 'string') throw mistyped(path, 'a string', value);
  return value;
}

export function optionalString(parent: RequestObject, name: string, parentPath = '$'): string | undefined {
  const value = parent[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw mistyped(fieldPath(parentPath, name), 'a string', value);
  return value;
}

export function optionalBoolean(parent: RequestObject, name: string, parentPath = '$'): boolean | undefined {
  const value = parent[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw mistyped(fieldPath(parentPath, name), 'a boolean', value);
  return value;
}

/** A non-negative integer field (`limit`, `segment`, …). */
export function optionalCount(parent: RequestObject, name: string, parentPath = '$'): number | undefined {
  const value = parent[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw mistyped(fieldPath(parentPath, name), 'a non-negative integer', value);
  }
  return value;
}

/** A map of typed values such as `key` or `attributeValues`, converted to the SDK's shape. */
export function requireTypedMap(parent: RequestObject, name: string, parentPath = '$'): SdkItem {
  return toSdkItem(requireRecord(parent, name, parentPath), fieldPath(parentPath, name));
}

export function optionalTypedMap(parent: RequestObject, name: string, parentPath = '$'): SdkItem | undefined {
  const value = optionalRecord(parent, name, parentPath);
  return value && toSdkItem(value, fieldPath(parentPath, name));
}

/** An `{ expression, expressionNames?, expressionValues? }` block (condition, update, query, filter, projection). */
export interface ExpressionBlock {
  expression: string;
  names: Record<string, string>;
  values: SdkItem;
}

function readNames(block: RequestObject, path: string): Record<string, string> {
  const names = block.expressionNames;
  if (names === undefined || names === null) return {};
  if (!isRecord(names)) throw mistyped(fieldPath(path, 'expressionNames'), 'a JSON object', names);
  const result: Record<string, string> = {};
  for (const [placeholder, name] of Object.entries(names)) {
    if (typeof name !== 'string') throw mistyped(fieldPath(fieldPath(path, 'expressionNames'), placeholder), 'a string', name);
    result[placeholder] = name;
  }
  return result;
}

function toExpressionBlock(block: RequestObject, path: string): ExpressionBlock {
  const values = block.expressionValues;
  return {
    expression: requireString(block, 'expression', path),
    names: readNames(block, path),
    values: values === undefined || values === null ? {} : toSdkItem(values, fieldPath(path, 'expressionValues')),
  };
}

export function optionalExpression(parent: RequestObject, name: string, parentPath = '$'): ExpressionBlock | undefined {
  const value = optionalRecord(parent, name, parentPath);
  return value && toExpressionBlock(value, fieldPath(parentPath, name));
}

export function requireExpression(parent: RequestObject, name: string, parentPath = '$'): ExpressionBlock {
  return toExpressionBlock(requireRecord(parent, name, parentPath), fieldPath(parentPath, name));
}

export interface ExpressionAttributes {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * The `ExpressionAttributeNames`/`Values` of one DynamoDB call, merged from all its expression blocks
 * (e.g. a query's key condition, filter and projection share them). A placeholder defined twice with
 * different meanings is rejected rather than silently overwritten.
 */
export function mergeExpressionAttributes(blocks: Array<ExpressionBlock | undefined>): ExpressionAttributes {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  for (const block of blocks) {
    if (!block) continue;
    for (const [placeholder, name] of Object.entries(block.names)) {
      if (placeholder in names && names[placeholder] !== name) {
        throw new MappingTemplateException(`Expression name placeholder '${placeholder}' is defined twice with different names.`);
      }
      names[placeholder] = name;
    }
    for (const [placeholder, value] of Object.entries(block.values)) {
      const defined = values[placeholder];
      if (defined !== undefined && !sameAttributeValue(defined, value)) {
        throw new MappingTemplateException(`Expression value placeholder '${placeholder}' is defined twice with different values.`);
      }
      values[placeholder] = value;
    }
  }
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/** The `ConditionExpression` of a write, with the attribute names/values of all its expressions. */
export function conditionExpressionInput(condition: ExpressionBlock | undefined, others: Array<ExpressionBlock | undefined> = []) {
  return {
    ...(condition ? { ConditionExpression: condition.expression } : {}),
    ...mergeExpressionAttributes([condition, ...others]),
  };
}
