/**
 * Input handling shared by the request builders of `@aws-appsync/utils/dynamodb`: payload and key
 * checks, optional fields, and `condition`/`filter`/`query` objects turned into expression objects.
 */
import { BuiltinInputError } from '../signals.js';
import { isJsonObject, toAttributeMap, type AttributeMap, type JsonObject } from './attribute-values.js';
import { buildFilterExpression, type DynamoDBExpression } from './filter-expression.js';

/** An expression as the helpers put it in a request: `expressionValues` only when a value is bound. */
export interface RequestExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues?: AttributeMap;
}

export function requirePayload(helper: string, payload: unknown): JsonObject {
  if (!isJsonObject(payload)) throw new BuiltinInputError(`${helper}: expected an object argument`);
  return payload;
}

/** A key (or any attribute map the helper requires): plain values → typed values (`toMapValues`). */
export function requireAttributeMap(helper: string, field: string, value: unknown): AttributeMap {
  if (!isJsonObject(value)) throw new BuiltinInputError(`${helper}: '${field}' must be an object of attribute values`);
  return toAttributeMap(value);
}

export function requireList(helper: string, field: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new BuiltinInputError(`${helper}: '${field}' must be a list`);
  return value;
}

/**
 * A condition, filter or key condition in the generator's form (spec §3.5). Unlike the update
 * expression, an expression that binds no value carries no `expressionValues` (LocalStack's
 * reimplementation, written against AWS; unconfirmed). A filter AppSync cannot render is refused
 * with the reason rather than silently dropped: dropping a condition would make a write unconditional.
 */
export function toRequestExpression(helper: string, field: string, filter: unknown): RequestExpression | undefined {
  if (filter === undefined || filter === null) return undefined;
  let built: DynamoDBExpression;
  try {
    built = buildFilterExpression(filter);
  } catch (error) {
    if (error instanceof BuiltinInputError) throw new BuiltinInputError(`${helper}: '${field}': ${error.message}`);
    throw error;
  }
  const { expression, expressionNames, expressionValues } = built;
  return Object.keys(expressionValues).length > 0
    ? { expression, expressionNames, expressionValues }
    : { expression, expressionNames };
}

/** Copies the optional fields that were given: a `null` counts as absent, as in AppSync's helpers. */
export function withOptionalFields<T extends object>(request: T, optional: Record<string, unknown>): T {
  for (const [field, value] of Object.entries(optional)) {
    if (value !== undefined && value !== null) Object.assign(request, { [field]: value });
  }
  return request;
}
