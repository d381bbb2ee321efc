/**
 * Batch helpers of `@aws-appsync/utils/dynamodb`: `batchGet`, `batchPut`, `batchDelete`
 * (spec appsync-js-runtime.md §4.1, request shapes §5.1; shapes from the typings, unconfirmed).
 * Each table's keys and items are converted with `toMapValues`; table names are kept as given.
 * The item-count limits (spec §5.1) apply when the request runs, not when it is built.
 */
import { isJsonObject, setEntry, type AttributeMap } from './attribute-values.js';
import { buildProjection, type ProjectionExpression } from './projection.js';
import { requireAttributeMap, requireList, requirePayload, withOptionalFields } from './request-inputs.js';
import { BuiltinInputError } from '../signals.js';

export interface BatchGetTable {
  keys: AttributeMap[];
  consistentRead?: boolean;
  projection?: ProjectionExpression;
}

export interface BatchGetItemRequest {
  operation: 'BatchGetItem';
  tables: Record<string, BatchGetTable>;
}

export interface BatchPutItemRequest {
  operation: 'BatchPutItem';
  tables: Record<string, AttributeMap[]>;
}

export interface BatchDeleteItemRequest {
  operation: 'BatchDeleteItem';
  tables: Record<string, AttributeMap[]>;
}

export function batchGet(payload: unknown): BatchGetItemRequest {
  const tables = mapTables('batchGet', payload, (table, request) => {
    if (!isJsonObject(request)) throw new BuiltinInputError(`batchGet: table '${table}' needs an object with 'keys'`);
    const keys = requireList('batchGet', `tables.${table}.keys`, request.keys);
    return withOptionalFields<BatchGetTable>(
      { keys: keys.map((key) => requireAttributeMap('batchGet', `tables.${table}.keys[]`, key)) },
      { consistentRead: request.consistentRead, projection: buildProjection('batchGet', request.projection) },
    );
  });
  return { operation: 'BatchGetItem', tables };
}

export function batchPut(payload: unknown): BatchPutItemRequest {
  const tables = mapTables('batchPut', payload, (table, items) =>
    requireList('batchPut', `tables.${table}`, items).map((item) =>
      requireAttributeMap('batchPut', `tables.${table}[]`, item),
    ),
  );
  return { operation: 'BatchPutItem', tables };
}

export function batchDelete(payload: unknown): BatchDeleteItemRequest {
  const tables = mapTables('batchDelete', payload, (table, keys) =>
    requireList('batchDelete', `tables.${table}`, keys).map((key) =>
      requireAttributeMap('batchDelete', `tables.${table}[]`, key),
    ),
  );
  return { operation: 'BatchDeleteItem', tables };
}

/** `payload.tables` with each table's entry converted by `convert`, table order kept. */
function mapTables<T>(helper: string, payload: unknown, convert: (table: string, entry: unknown) => T): Record<string, T> {
  const tables: unknown = requirePayload(helper, payload).tables;
  if (!isJsonObject(tables)) throw new BuiltinInputError(`${helper}: 'tables' must map table names to their requests`);
  const converted: Record<string, T> = {};
  for (const [table, entry] of Object.entries(tables)) {
    setEntry(converted, table, convert(table, entry));
  }
  return converted;
}
