/**
 * Shared fixture of the DynamoDB data source suites: two tables of their own on the run's DynamoDB
 * Local, a data source factory wired like the server wires it (logical table names resolved to the
 * suite's physical ones), and matchers for AppSync's DynamoDB error messages.
 */
import { expect } from 'vitest';
import type { TableDefinition } from '../../../../local/definition/types.js';
import { createDynamoDbDataSource, type DynamoDbDataSourceOptions } from '../../../../local/datasources/dynamodb/data-source.js';
import type { DataSource } from '../../../../local/datasources/types.js';
import { createSuiteTables, type SuiteTables } from '../../../support/tables.js';

/** `Items` (pk/sk, a GSI by status) is the data sources' own table; `Others` is used by batches and transactions. */
export const TEST_TABLES: TableDefinition[] = [
  {
    name: 'Items',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalSecondaryIndexes: [{ indexName: 'byStatus', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'sk', type: 'S' } }],
  },
  { name: 'Others', partitionKey: { name: 'id', type: 'S' } },
];

export interface DynamoDbFixture {
  tables: SuiteTables;
  /** A data source on the `Items` table (or `table`), with the suite's table-name resolver. */
  dataSource(options?: Partial<DynamoDbDataSourceOptions> & { table?: string }): DataSource;
}

export async function createDynamoDbFixture(label: string): Promise<DynamoDbFixture> {
  const tables = await createSuiteTables(label, TEST_TABLES);
  return {
    tables,
    dataSource: ({ table = 'Items', ...options } = {}) =>
      createDynamoDbDataSource({
        name: 'ItemsSource',
        client: tables.client,
        tableName: tables.physicalName(table),
        resolveTableName: tables.resolveTableName,
        ...options,
      }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * AppSync's message for a DynamoDB error: DynamoDB's text and the Java SDK v2 suffix with a request id
 * (spec appsync-graphql-engine.md §4.6; the id differs per call, hence a matcher).
 */
export function dynamoDbMessage(text: string): unknown {
  return expect.stringMatching(new RegExp(`^${escapeRegExp(text)} \\(Service: DynamoDb, Status Code: 400, Request ID: [A-Za-z0-9-]+\\)$`));
}

/** Typed key of the `Items` table. */
export function itemKey(pk: string, sk: string): Record<string, unknown> {
  return { pk: { S: pk }, sk: { S: sk } };
}
