/**
 * The local AMAZON_DYNAMODB data source: runs the request objects of APPSYNC_JS handlers (as the
 * `@aws-appsync/utils/dynamodb` helpers build them) against DynamoDB (Local) and answers with
 * AppSync's result shapes and `DynamoDB:<name>` errors (spec appsync-js-runtime.md §5.1,
 * appsync-graphql-engine.md §4.6).
 *
 * Errors are values: whatever the request or DynamoDB does (bad request object, failed condition,
 * DynamoDB Local down), `invoke` resolves to `{ result, error }` and never rejects for them.
 *
 * Table names: single-table operations use the data source's `tableName`. Batch and transaction
 * requests name their tables themselves, and on AWS those are real table names; `resolveTableName`
 * maps the names a request uses to physical ones, so that resolvers can use the definition's logical
 * table names and still work against prefixed local tables (see `tableNameResolver` in
 * `local/dynamodb/tables.ts`). Results name tables as the request did.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MappingTemplateException } from '../../errors.js';
import { withErrorsAsValues } from '../errors-as-values.js';
import { expectRequestObject, requireString } from '../request-fields.js';
import type { DataSource, DataSourceResult } from '../types.js';
import { batchDeleteItem, batchGetItem, batchPutItem } from './batch.js';
import { DynamoDbCaller, type ConsumedCapacityObserver } from './dynamodb-caller.js';
import { createPaginationTokens } from './next-token.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import { query, scan, sync } from './query-scan.js';
import { deleteItem, getItem, putItem, updateItem } from './single-item.js';
import { transactGetItems, transactWriteItems } from './transactions.js';

export interface DynamoDbDataSourceOptions {
  name: string;
  client: DynamoDBClient;
  /** Physical name of the data source's table. */
  tableName: string;
  /** Physical name for a table named in a batch or transaction request. Default: the name itself. */
  resolveTableName?: (name: string) => string;
  /**
   * Called after each DynamoDB call with its `ConsumedCapacity`; capacity is requested from DynamoDB
   * (`ReturnConsumedCapacity: 'TOTAL'`) only when an observer is set.
   */
  onConsumedCapacity?: ConsumedCapacityObserver;
  /** Key for `nextToken` signatures. Default: one random key per process (tokens die with it). */
  paginationSecret?: string | Uint8Array;
  /** Notes about features not emulated locally. Default: `console.warn`. */
  log?: (message: string) => void;
  /** Clock (epoch ms). Default: `Date.now`. */
  now?: () => number;
}

const OPERATIONS: Record<string, OperationHandler> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  Sync: sync,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

function handlerFor(operation: string): OperationHandler {
  const handler = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (!handler) {
    throw new MappingTemplateException(`Unsupported operation '${operation}'. Supported operations: ${Object.keys(OPERATIONS).join(', ')}.`);
  }
  return handler;
}

export function createDynamoDbDataSource(options: DynamoDbDataSourceOptions): DataSource {
  const caller = new DynamoDbCaller(options.client, options.name, options.onConsumedCapacity);
  const tokens = createPaginationTokens(options.paginationSecret);
  const base = {
    tableName: options.tableName,
    resolveTableName: options.resolveTableName ?? ((name: string) => name),
    caller,
    tokens,
    log: options.log ?? ((message: string) => console.warn(`[${options.name}] ${message}`)),
    now: options.now ?? Date.now,
  };

  return {
    name: options.name,
    invoke: (request: unknown): Promise<DataSourceResult> =>
      withErrorsAsValues(() => {
        const requestObject = expectRequestObject(request, 'DynamoDB');
        const operation = requireString(requestObject, 'operation');
        const context: OperationContext = { ...base, operation };
        return handlerFor(operation)(requestObject, context);
      }),
  };
}
