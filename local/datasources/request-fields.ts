/**
 * Reading the fields of a data source request object, the object a resolver's `request` handler returns
 * (spec appsync-js-runtime.md §5: DynamoDB, Lambda and HTTP requests alike). Every reader names the
 * field AppSync style (`$[key]`, `$[tables][Posts][keys]`) and throws a `MappingTemplateException`
 * when a field is missing or of the wrong type; the data source turns it into `ctx.error`.
 */
import { MappingTemplateException } from '../errors.js';

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

/** The error for a field at `path` holding `value` where `expected` (e.g. 'a string') was required. */
export function mistyped(path: string, expected: string, value: unknown): MappingTemplateException {
  return new MappingTemplateException(`Expected ${expected} for field '${path}' but got '${JSON.stringify(value)}' instead.`);
}

/** The request object itself; `kind` names the data source type in the message (`DynamoDB`, `Lambda`, `HTTP`). */
export function expectRequestObject(request: unknown, kind: string): RequestObject {
  if (!isRecord(request)) {
    throw new MappingTemplateException(`Expected a JSON object as the ${kind} request but got '${JSON.stringify(request) ?? 'undefined'}' instead.`);
  }
  return request;
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
