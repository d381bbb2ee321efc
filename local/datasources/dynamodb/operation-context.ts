/**
 * What every DynamoDB operation handler gets besides its request object.
 */
import type { DataSourceResult } from '../types.js';
import type { DynamoDbCaller } from './dynamodb-caller.js';
import type { PaginationTokens } from './next-token.js';
import type { RequestObject } from '../request-fields.js';

export interface OperationContext {
  /** The AppSync operation being served (`GetItem`, `TransactWriteItems`, …). */
  operation: string;
  /** Physical name of the data source's own table, used by single-table operations. */
  tableName: string;
  /** Physical name for a table named in a batch or transaction request. */
  resolveTableName(name: string): string;
  caller: DynamoDbCaller;
  tokens: PaginationTokens;
  /** Where notes about locally unsupported features go (e.g. a `Custom` condition handler). */
  log(message: string): void;
  /** Clock (epoch ms), for `Sync`'s `startedAt`. */
  now(): number;
}

export type OperationHandler = (request: RequestObject, context: OperationContext) => Promise<DataSourceResult>;
