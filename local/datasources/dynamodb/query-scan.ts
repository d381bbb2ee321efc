/**
 * Query, Scan and Sync (spec appsync-js-runtime.md §5.1). Query and Scan answer
 * `{ items, nextToken, scannedCount }` with `nextToken` `null` on the last page; Sync answers
 * `{ items, nextToken, startedAt }`.
 *
 * Sync, locally: there is no delta table (versioned data sources are not emulated,
 * appsync-graphql-engine.md §4.6), so a Sync is a Scan of the base table, `limit` 100 by default and at
 * most 1000 as AppSync documents. With `lastSync`, only items whose `_lastChangedAt` is at or after it
 * are returned (the attribute versioned data sources maintain; items without it are not returned);
 * `basePartitionKey` and `deltaIndexName` are accepted and ignored.
 */
import { QueryCommand, ScanCommand, type AttributeValue, type QueryCommandOutput, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { MappingTemplateException } from '../../errors.js';
import { toPlainItem, type SdkItem } from './attribute-values.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import type { PaginationScope } from './next-token.js';
import { optionalBoolean, optionalCount, optionalString, type RequestObject } from '../request-fields.js';
import { mergeExpressionAttributes, optionalExpression, requireExpression, type ExpressionBlock } from './typed-fields.js';

const SELECT_VALUES = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'] as const;
type Select = (typeof SELECT_VALUES)[number];

export const SYNC_DEFAULT_LIMIT = 100;
export const SYNC_MAX_LIMIT = 1000;

function readSelect(request: RequestObject): Select | undefined {
  const select = optionalString(request, 'select');
  if (select === undefined) return undefined;
  if (!SELECT_VALUES.includes(select as Select)) {
    throw new MappingTemplateException(`Unsupported value '${select}' for field '$[select]': expected one of ${SELECT_VALUES.join(', ')}.`);
  }
  return select as Select;
}

/** The paging part of a Query/Scan input: where to start (from `nextToken`) and how many to read. */
function pagingInput(request: RequestObject, context: OperationContext, scope: PaginationScope, defaultLimit?: number) {
  const nextToken = optionalString(request, 'nextToken');
  const limit = optionalCount(request, 'limit') ?? defaultLimit;
  return {
    ...(nextToken !== undefined ? { ExclusiveStartKey: context.tokens.decode(scope, nextToken) } : {}),
    ...(limit !== undefined ? { Limit: limit } : {}),
  };
}

/** The reading part shared by Query and Scan: filter, projection, select, consistency. */
function readingInput(request: RequestObject, filter: ExpressionBlock | undefined, others: Array<ExpressionBlock | undefined>) {
  const projection = optionalExpression(request, 'projection');
  const select = readSelect(request);
  const consistentRead = optionalBoolean(request, 'consistentRead');
  return {
    ...(filter ? { FilterExpression: filter.expression } : {}),
    ...(projection ? { ProjectionExpression: projection.expression } : {}),
    ...(select ? { Select: select } : {}),
    ...(consistentRead !== undefined ? { ConsistentRead: consistentRead } : {}),
    ...mergeExpressionAttributes([...others, filter, projection]),
  };
}

function page(output: QueryCommandOutput | ScanCommandOutput, context: OperationContext, scope: PaginationScope) {
  const lastKey: Record<string, AttributeValue> | undefined = output.LastEvaluatedKey;
  return {
    items: (output.Items ?? []).map((item: SdkItem) => toPlainItem(item)),
    nextToken: lastKey ? context.tokens.encode(scope, lastKey) : null,
  };
}

function scopeOf(request: RequestObject, context: OperationContext): PaginationScope {
  return { table: context.tableName, index: optionalString(request, 'index') ?? null };
}

export const query: OperationHandler = async (request, context) => {
  const scope = scopeOf(request, context);
  const keyCondition = requireExpression(request, 'query');
  const scanIndexForward = optionalBoolean(request, 'scanIndexForward');
  const input = {
    TableName: context.tableName,
    ...(scope.index !== null ? { IndexName: scope.index } : {}),
    KeyConditionExpression: keyCondition.expression,
    ...(scanIndexForward !== undefined ? { ScanIndexForward: scanIndexForward } : {}),
    ...pagingInput(request, context, scope),
    ...readingInput(request, optionalExpression(request, 'filter'), [keyCondition]),
  };
  const output = await context.caller.run(context.operation, 'Query', (client, capacity) => client.send(new QueryCommand({ ...input, ...capacity })));
  return { result: { ...page(output, context, scope), scannedCount: output.ScannedCount ?? 0 } };
};

export const scan: OperationHandler = async (request, context) => {
  const scope = scopeOf(request, context);
  const segment = optionalCount(request, 'segment');
  const totalSegments = optionalCount(request, 'totalSegments');
  const input = {
    TableName: context.tableName,
    ...(scope.index !== null ? { IndexName: scope.index } : {}),
    ...(segment !== undefined ? { Segment: segment } : {}),
    ...(totalSegments !== undefined ? { TotalSegments: totalSegments } : {}),
    ...pagingInput(request, context, scope),
    ...readingInput(request, optionalExpression(request, 'filter'), []),
  };
  const output = await context.caller.run(context.operation, 'Scan', (client, capacity) => client.send(new ScanCommand({ ...input, ...capacity })));
  return { result: { ...page(output, context, scope), scannedCount: output.ScannedCount ?? 0 } };
};

/** The user's filter, narrowed to items changed since `lastSync` when one is given. */
function syncFilter(request: RequestObject): ExpressionBlock | undefined {
  const filter = optionalExpression(request, 'filter');
  const lastSync = request.lastSync;
  if (lastSync === undefined || lastSync === null) return filter;
  if (typeof lastSync !== 'number' || !Number.isFinite(lastSync)) {
    throw new MappingTemplateException(`Expected epoch milliseconds for field '$[lastSync]' but got '${JSON.stringify(lastSync)}' instead.`);
  }
  const changedSince = '#localSyncLastChangedAt >= :localSyncLastSync';
  return {
    expression: filter ? `(${filter.expression}) AND ${changedSince}` : changedSince,
    names: { ...filter?.names, '#localSyncLastChangedAt': '_lastChangedAt' },
    values: { ...filter?.values, ':localSyncLastSync': { N: String(lastSync) } },
  };
}

export const sync: OperationHandler = async (request, context) => {
  const startedAt = context.now();
  const limit = optionalCount(request, 'limit');
  if (limit !== undefined && limit > SYNC_MAX_LIMIT) {
    throw new MappingTemplateException(`Sync limit ${limit} is too large: the maximum is ${SYNC_MAX_LIMIT} items.`);
  }
  const scope: PaginationScope = { table: context.tableName, index: null };
  const input = {
    TableName: context.tableName,
    ...pagingInput(request, context, scope, SYNC_DEFAULT_LIMIT),
    ...readingInput(request, syncFilter(request), []),
  };
  const output = await context.caller.run(context.operation, 'Scan', (client, capacity) => client.send(new ScanCommand({ ...input, ...capacity })));
  return { result: { ...page(output, context, scope), startedAt } };
};
