import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { TableDefinition } from '../../../local/definition/types.js';
import { createDynamoDbDataSource } from '../../../local/datasources/dynamodb/data-source.js';
import { localDynamoDbClient, startDynamoDbLocal } from '../../../local/dynamodb/launcher.js';
import { ensureTables } from '../../../local/dynamodb/tables.js';

const notes: TableDefinition = { name: 'Notes', partitionKey: { name: 'id', type: 'S' } };

/** Starts DynamoDB Local on `dataDir`, makes sure the tables exist, runs `use`, stops it again. */
async function withDynamoDbLocal<T>(dataDir: string, use: (invoke: (request: unknown) => Promise<unknown>, created: string[]) => Promise<T>): Promise<T> {
  const dynamodb = await startDynamoDbLocal({ dataDir });
  const client = localDynamoDbClient(dynamodb.endpoint);
  try {
    const { created } = await ensureTables(client, [notes]);
    const dataSource = createDynamoDbDataSource({ name: 'Notes', client, tableName: 'Notes' });
    return await use((request) => dataSource.invoke(request), created);
  } finally {
    client.destroy();
    await dynamodb.stop();
  }
}

// Issue 4, item 5: data is kept across restarts in the data directory.
describe('DynamoDB Local with a data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liveboard-dynamodb-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps tables and items across a restart', async () => {
    const first = await withDynamoDbLocal(dataDir, async (invoke, created) => ({
      created,
      put: await invoke({ operation: 'PutItem', key: { id: { S: 'n1' } }, attributeValues: { text: { S: 'remember me' } } }),
    }));
    const second = await withDynamoDbLocal(dataDir, async (invoke, created) => ({
      created,
      get: await invoke({ operation: 'GetItem', key: { id: { S: 'n1' } } }),
    }));
    expect({ first, second }).toEqual({
      first: { created: ['Notes'], put: { result: { id: 'n1', text: 'remember me' } } },
      second: { created: [], get: { result: { id: 'n1', text: 'remember me' } } },
    });
  });

  it('refuses a port that is already taken (its owner would answer the readiness check)', async () => {
    const port = Number(new URL(inject('dynamodbEndpoint')).port);
    await expect(startDynamoDbLocal({ port })).rejects.toThrow(
      new Error(`Port ${port} is already in use: DynamoDB Local cannot listen there. Choose another port, or set DYNAMODB_ENDPOINT to use the DynamoDB that runs there.`),
    );
  });
});
