/**
 * Turns graphql-js execution errors into AppSync's error objects (spec appsync-graphql-engine.md §1.2,
 * §5.1): resolver errors keep their errorType/data/errorInfo; non-null violations and output
 * serialisation failures use graphql-java's wording with `locations: null`.
 */
import { getNullableType, isObjectType } from 'graphql';
import type { GraphQLError, GraphQLSchema, SourceLocation } from 'graphql';
import { FieldResolutionError } from './field-error.js';
import { ScalarSerializeError } from './scalars/index.js';
import type { AppSyncFieldError, AppSyncGraphQLError, AppSyncLocation } from './types.js';
import type { ResolverErrorEntry } from '../runtime/types.js';

type ResponsePath = ReadonlyArray<string | number>;

/** An error plus where it sits in the document, for ordering (spec §5.2: document/path order). */
export interface PositionedError {
  error: AppSyncGraphQLError;
  line: number;
  column: number;
  path: ResponsePath;
}

export function toAppSyncLocations(locations: readonly SourceLocation[] | undefined): AppSyncLocation[] | null {
  if (locations === undefined) return null;
  return locations.map(({ line, column }) => ({ line, column, sourceName: null }));
}

/** graphql-java's path rendering inside messages: `/listPosts[0]/title` (spec §2.2, §5.1). */
function renderResponsePath(path: ResponsePath): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `/${segment}`)).join('');
}

export function fieldError(
  entry: ResolverErrorEntry,
  path: ResponsePath,
  locations: AppSyncLocation[] | null,
): AppSyncFieldError {
  return {
    path: [...path],
    data: entry.data ?? null,
    errorType: entry.errorType ?? null,
    errorInfo: entry.errorInfo ?? null,
    locations,
    message: entry.message,
  };
}

const NON_NULL_MESSAGE = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/;
/** graphql-js's own scalar and enum serialisation messages (built-in scalars, enums). */
const BUILT_IN_SERIALIZE_MESSAGE = / cannot represent /;

export function formatExecutionError(error: GraphQLError, schema: GraphQLSchema): PositionedError {
  const path = error.path ?? [];
  const [first] = error.locations ?? [];
  const position = { line: first?.line ?? 0, column: first?.column ?? 0, path };
  const original = error.originalError;
  if (original instanceof FieldResolutionError) {
    return { ...position, error: fieldError(original.entry, path, toAppSyncLocations(error.locations)) };
  }
  const nonNull = NON_NULL_MESSAGE.exec(error.message);
  if (nonNull !== null) {
    const message = nonNullMessage(schema, nonNull[1]!, nonNull[2]!, path);
    return { ...position, error: { path: [...path], locations: null, message } };
  }
  if (original instanceof ScalarSerializeError || BUILT_IN_SERIALIZE_MESSAGE.test(error.message)) {
    const message = `Can't serialize value (${renderResponsePath(path)}) : ${error.message}`;
    return { ...position, error: { path: [...path], locations: null, message } };
  }
  return { ...position, error: { path: [...path], locations: toAppSyncLocations(error.locations), message: error.message } };
}

/**
 * `Cannot return null for non-nullable type: 'AWSTimestamp' within parent 'Todo' (/syncTodos/items[0]/x)`
 * (observed, spec §5.1 and realtime §4.2).
 */
function nonNullMessage(schema: GraphQLSchema, parentName: string, fieldName: string, path: ResponsePath): string {
  const parent = schema.getType(parentName);
  const field = isObjectType(parent) ? parent.getFields()[fieldName] : undefined;
  const typeName = field === undefined ? 'Object' : String(getNullableType(field.type));
  return `Cannot return null for non-nullable type: '${typeName}' within parent '${parentName}' (${renderResponsePath(path)})`;
}

/** Document order (line, column), then response path order (list indices numerically). */
export function sortPositionedErrors(errors: PositionedError[]): AppSyncGraphQLError[] {
  return [...errors].sort(comparePositions).map((positioned) => positioned.error);
}

function comparePositions(a: PositionedError, b: PositionedError): number {
  return a.line - b.line || a.column - b.column || comparePaths(a.path, b.path);
}

function comparePaths(a: ResponsePath, b: ResponsePath): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const left = a[index]!;
    const right = b[index]!;
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return left - right;
    return String(left) < String(right) ? -1 : 1;
  }
  return a.length - b.length;
}

