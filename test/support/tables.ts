/**
 * Tables of their own for test suites, on the run's shared DynamoDB Local (see `global-setup.ts`):
 * each suite gets a unique physical-name prefix, creates the tables it needs from `TableDefinition`s
 * with the same code `npm start` uses, and drops them when done.
 */
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import type { TableDefinition } from '../../local/definition/types.js';
import { localDynamoDbClient } from '../../local/dynamodb/launcher.js';
import { ensureTables, physicalTableName, tableNameResolver } from '../../local/dynamodb/tables.js';

/** `t-<label>-<random>-`: unique per call, short, and a valid table-name prefix. */
export function uniqueTablePrefix(label: string): string {
  const safeLabel = label.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 40);
  return `t-${safeLabel}-${randomBytes(4).toString('hex')}-`;
}

export async function dropTables(client: DynamoDBClient, physicalNames: readonly string[]): Promise<void> {
  for (const name of physicalNames) {
    try {
      await client.send(new DeleteTableCommand({ TableName: name }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }
}

export interface SuiteTables {
  endpoint: string;
  client: DynamoDBClient;
  prefix: string;
  /** Logical → physical name (any other name unchanged). */
  resolveTableName: (name: string) => string;
  /** Physical name of one of the suite's tables. */
  physicalName: (logicalName: string) => string;
  /** Drops the suite's tables and closes the client. */
  drop: () => Promise<void>;
}

/** Creates `tables` under a fresh prefix on the run's DynamoDB Local (or on `endpoint`). */
export async function createSuiteTables(
  label: string,
  tables: readonly TableDefinition[],
  endpoint: string = inject('dynamodbEndpoint'),
): Promise<SuiteTables> {
  const client = localDynamoDbClient(endpoint);
  const prefix = uniqueTablePrefix(label);
  await ensureTables(client, tables, { prefix });
  return {
    endpoint,
    client,
    prefix,
    resolveTableName: tableNameResolver(tables, prefix),
    physicalName: (logicalName) => physicalTableName(logicalName, prefix),
    drop: async () => {
      await dropTables(client, tables.map((table) => physicalTableName(table.name, prefix)));
      client.destroy();
    },
  };
}
