/**
 * BatchGetItem, BatchPutItem and BatchDeleteItem (spec appsync-js-runtime.md §5.1; AppSync Developer
 * Guide, "BatchGetItem", "BatchPutItem", "BatchDeleteItem"):
 *
 * - `data.<table>` follows the order of the request: BatchGetItem gives each key's item or `null` when
 *   it does not exist; BatchPutItem gives the items, BatchDeleteItem the keys (not the deleted items);
 * - what DynamoDB left unprocessed is `null` in `data` and listed in `unprocessedKeys.<table>`
 *   (`unprocessedItems.<table>` for BatchPutItem); AppSync does not retry it;
 * - when the whole call fails, `ctx.error` says why and every entry is unprocessed (the guide: the
 *   `data`/`unprocessed…` keys and each requested table are always present).
 *
 * Tables are named as the request names them; `context.resolveTableName` gives the physical name, and
 * the result uses the request's names again.
 */
import { BatchGetItemCommand, BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { AppSyncError, MappingTemplateException } from '../../errors.js';
import type { DataSourceResult } from '../types.js';
import { sameAttributeValue, sameItem, toPlainItem, toSdkItem, type SdkItem } from './attribute-values.js';
import { checkBatchGetSize, checkBatchWriteSize } from './limits.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import { expectArray, expectRecord, fieldPath, optionalBoolean, requireRecord, type RequestObject } from '../request-fields.js';
import { mergeExpressionAttributes, optionalExpression, type ExpressionBlock } from './typed-fields.js';

interface TableEntries<Options = object> {
  /** As named in the request (and in the result). */
  name: string;
  physicalName: string;
  entries: SdkItem[];
  options: Options;
}

/** The `tables` map of a batch request, each table's entries read by `readEntries`. */
function readTables<Options>(
  request: RequestObject,
  context: OperationContext,
  readEntries: (value: unknown, path: string) => { entries: SdkItem[]; options: Options },
): Array<TableEntries<Options>> {
  const tables = Object.entries(requireRecord(request, 'tables'));
  if (tables.length === 0) throw new MappingTemplateException("At least one table must be provided in field '$[tables]'.");
  return tables.map(([name, value]) => ({ name, physicalName: context.resolveTableName(name), ...readEntries(value, fieldPath('$[tables]', name)) }));
}

function readTypedMaps(value: unknown, path: string): SdkItem[] {
  return expectArray(value, path).map((entry, index) => toSdkItem(entry, fieldPath(path, index)));
}

const plainList = (entries: SdkItem[]): Array<Record<string, unknown>> => entries.map((entry) => toPlainItem(entry));

function countEntries(tables: TableEntries<unknown>[]): number {
  return tables.reduce((sum, table) => sum + table.entries.length, 0);
}

/** An error result in which every requested entry is unprocessed. */
function failedBatch(error: unknown, tables: TableEntries<unknown>[], unprocessedField: string): DataSourceResult {
  if (!(error instanceof AppSyncError)) throw error;
  const data: Record<string, null[]> = {};
  const unprocessed: Record<string, unknown[]> = {};
  for (const table of tables) {
    data[table.name] = table.entries.map(() => null);
    unprocessed[table.name] = plainList(table.entries);
  }
  return { result: { data, [unprocessedField]: unprocessed }, error: { type: error.errorType, message: error.message } };
}

interface GetOptions {
  consistentRead: boolean | undefined;
  projection: ExpressionBlock | undefined;
}

function readGetTable(value: unknown, path: string): { entries: SdkItem[]; options: GetOptions } {
  const table = expectRecord(value, path);
  return {
    entries: readTypedMaps(table.keys, fieldPath(path, 'keys')),
    options: { consistentRead: optionalBoolean(table, 'consistentRead', path), projection: optionalExpression(table, 'projection', path) },
  };
}

/** The first attribute of each path in a projection expression, placeholders resolved. */
function projectedAttributes(projection: ExpressionBlock): Set<string> {
  return new Set(
    projection.expression.split(',').map((path) => {
      const first = (path.trim().split(/[.[]/)[0] ?? '').trim();
      return projection.names[first] ?? first;
    }),
  );
}

/**
 * DynamoDB answers a BatchGetItem in no particular order, so items are matched to the requested keys
 * by their key attributes; a projection that leaves those out is widened for the call and the added
 * attributes are removed again from the result.
 */
function projectionWithKeys(projection: ExpressionBlock, keyAttributes: string[]): { projection: ExpressionBlock; added: string[] } {
  const projected = projectedAttributes(projection);
  const added = keyAttributes.filter((name) => !projected.has(name));
  const placeholders = added.map((_, index) => `#localBatchGetKey${index}`);
  return {
    projection: {
      expression: [projection.expression, ...placeholders].join(', '),
      names: { ...projection.names, ...Object.fromEntries(placeholders.map((placeholder, index) => [placeholder, added[index] as string])) },
      values: projection.values,
    },
    added,
  };
}

function withoutAttributes(item: SdkItem, names: string[]): SdkItem {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !names.includes(name)));
}

function matchesKey(item: SdkItem, key: SdkItem): boolean {
  return Object.entries(key).every(([name, value]) => {
    const actual = item[name];
    return actual !== undefined && sameAttributeValue(actual, value);
  });
}

export const batchGetItem: OperationHandler = async (request, context) => {
  const tables = readTables(request, context, readGetTable);
  checkBatchGetSize(countEntries(tables));
  const plans = tables.map((table) => {
    const keyAttributes = [...new Set(table.entries.flatMap((key) => Object.keys(key)))];
    const widened = table.options.projection ? projectionWithKeys(table.options.projection, keyAttributes) : undefined;
    return { table, projection: widened?.projection, added: widened?.added ?? [] };
  });
  const requestItems = Object.fromEntries(
    plans.map(({ table, projection }) => [
      table.physicalName,
      {
        Keys: table.entries,
        ...(table.options.consistentRead !== undefined ? { ConsistentRead: table.options.consistentRead } : {}),
        ...(projection ? { ProjectionExpression: projection.expression } : {}),
        ...mergeExpressionAttributes([projection]),
      },
    ]),
  );
  let output;
  try {
    output = await context.caller.run(context.operation, 'BatchGetItem', (client, capacity) =>
      client.send(new BatchGetItemCommand({ RequestItems: requestItems, ...capacity })),
    );
  } catch (error) {
    return failedBatch(error, tables, 'unprocessedKeys');
  }
  const data: Record<string, unknown[]> = {};
  const unprocessedKeys: Record<string, unknown[]> = {};
  for (const { table, added } of plans) {
    const items = output.Responses?.[table.physicalName] ?? [];
    data[table.name] = table.entries.map((key) => {
      const item = items.find((candidate) => matchesKey(candidate, key));
      return item ? toPlainItem(withoutAttributes(item, added)) : null;
    });
    unprocessedKeys[table.name] = plainList(output.UnprocessedKeys?.[table.physicalName]?.Keys ?? []);
  }
  return { result: { data, unprocessedKeys } };
};

/** What a BatchWriteItem request carries for one entry, and how to read it back from `UnprocessedItems`. */
interface WriteKind {
  toRequest(entry: SdkItem): WriteRequest;
  fromRequest(request: WriteRequest): SdkItem | undefined;
  unprocessedField: 'unprocessedItems' | 'unprocessedKeys';
}

const PUT: WriteKind = {
  toRequest: (item) => ({ PutRequest: { Item: item } }),
  fromRequest: (request) => request.PutRequest?.Item,
  unprocessedField: 'unprocessedItems',
};

const DELETE: WriteKind = {
  toRequest: (key) => ({ DeleteRequest: { Key: key } }),
  fromRequest: (request) => request.DeleteRequest?.Key,
  unprocessedField: 'unprocessedKeys',
};

async function batchWrite(kind: WriteKind, request: RequestObject, context: OperationContext): Promise<DataSourceResult> {
  const tables = readTables(request, context, (value, path) => ({ entries: readTypedMaps(value, path), options: {} }));
  checkBatchWriteSize(countEntries(tables));
  const requestItems = Object.fromEntries(tables.map((table) => [table.physicalName, table.entries.map(kind.toRequest)]));
  let output;
  try {
    output = await context.caller.run(context.operation, 'BatchWriteItem', (client, capacity) =>
      client.send(new BatchWriteItemCommand({ RequestItems: requestItems, ...capacity })),
    );
  } catch (error) {
    return failedBatch(error, tables, kind.unprocessedField);
  }
  const data: Record<string, unknown[]> = {};
  const unprocessed: Record<string, unknown[]> = {};
  for (const table of tables) {
    const left = (output.UnprocessedItems?.[table.physicalName] ?? [])
      .map(kind.fromRequest)
      .filter((entry): entry is SdkItem => entry !== undefined);
    data[table.name] = table.entries.map((entry) => (left.some((other) => sameItem(entry, other)) ? null : toPlainItem(entry)));
    unprocessed[table.name] = plainList(left);
  }
  return { result: { data, [kind.unprocessedField]: unprocessed } };
}

export const batchPutItem: OperationHandler = (request, context) => batchWrite(PUT, request, context);
export const batchDeleteItem: OperationHandler = (request, context) => batchWrite(DELETE, request, context);
