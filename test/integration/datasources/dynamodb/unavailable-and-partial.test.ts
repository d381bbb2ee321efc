import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbDataSource } from '../../../../local/datasources/dynamodb/data-source.js';
import { findFreePort, localDynamoDbClient } from '../../../../local/dynamodb/launcher.js';
import { itemKey } from './setup.js';

describe('DynamoDB data source: DynamoDB unreachable', () => {
  it('answers an AppSync-shaped error for every kind of operation, never a rejection', async () => {
    const port = await findFreePort(); // nothing listens there
    const client = localDynamoDbClient(`http://127.0.0.1:${port}`);
    const dataSource = createDynamoDbDataSource({ name: 'Down', client, tableName: 'Items' });
    const unreachable = {
      type: 'DynamoDB:SdkClientException',
      message: expect.stringMatching(/^Unable to execute HTTP request: .*ECONNREFUSED/),
    };
    try {
      const outcomes = await Promise.all([
        dataSource.invoke({ operation: 'GetItem', key: itemKey('a', 'b') }),
        dataSource.invoke({ operation: 'PutItem', key: itemKey('a', 'b'), condition: { expression: 'attribute_not_exists(pk)' } }),
        dataSource.invoke({ operation: 'Query', query: { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'a' } } } }),
        dataSource.invoke({ operation: 'BatchGetItem', tables: { Items: { keys: [itemKey('a', 'b')] } } }),
        dataSource.invoke({ operation: 'TransactWriteItems', transactItems: [{ table: 'Items', operation: 'DeleteItem', key: itemKey('a', 'b') }] }),
      ]);
      expect(outcomes).toEqual([
        { result: null, error: unreachable },
        { result: null, error: unreachable },
        { result: null, error: unreachable },
        { result: { data: { Items: [null] }, unprocessedKeys: { Items: [{ pk: 'a', sk: 'b' }] } }, error: unreachable },
        { result: { keys: null, cancellationReasons: null }, error: unreachable },
      ]);
    } finally {
      client.destroy();
    }
  });
});

/**
 * DynamoDB Local always processes whole batches and never throttles, so these cases need answers it
 * does not give: a small HTTP server speaking DynamoDB's JSON protocol stands in for it. For each
 * table it serves the first key or item of a batch and leaves the rest unprocessed, and it throttles
 * every GetItem.
 */
describe('DynamoDB data source: partial batches and throttling (DynamoDB answers simulated)', () => {
  let server: Server;
  let client: DynamoDBClient;

  type Body = { RequestItems: Record<string, unknown> };

  function answer(target: string, body: Body): { status: number; json: unknown } {
    if (target === 'BatchGetItem') {
      const entries = Object.entries(body.RequestItems) as Array<[string, { Keys: Array<Record<string, unknown>> }]>;
      return {
        status: 200,
        json: {
          Responses: Object.fromEntries(entries.map(([table, { Keys }]) => [table, [{ ...Keys[0], served: { BOOL: true } }]])),
          UnprocessedKeys: Object.fromEntries(entries.map(([table, { Keys }]) => [table, { Keys: Keys.slice(1) }])),
        },
      };
    }
    if (target === 'BatchWriteItem') {
      const entries = Object.entries(body.RequestItems) as Array<[string, unknown[]]>;
      return { status: 200, json: { UnprocessedItems: Object.fromEntries(entries.map(([table, requests]) => [table, requests.slice(1)])) } };
    }
    return {
      status: 400,
      json: { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'Rate of requests exceeds the allowed throughput.' },
    };
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const target = String(request.headers['x-amz-target']).replace('DynamoDB_20120810.', '');
        const { status, json } = answer(target, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body);
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'SIMULATEDREQUESTID' });
        response.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = localDynamoDbClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function dataSource() {
    return createDynamoDbDataSource({ name: 'Simulated', client, tableName: 'Items' });
  }

  it('BatchGetItem: unprocessed keys are null in data and listed in unprocessedKeys', async () => {
    const outcome = await dataSource().invoke({
      operation: 'BatchGetItem',
      tables: { Items: { keys: [itemKey('a', '1'), itemKey('a', '2'), itemKey('a', '3')] } },
    });
    expect(outcome).toEqual({
      result: {
        data: { Items: [{ pk: 'a', sk: '1', served: true }, null, null] },
        unprocessedKeys: {
          Items: [
            { pk: 'a', sk: '2' },
            { pk: 'a', sk: '3' },
          ],
        },
      },
    });
  });

  it('BatchPutItem and BatchDeleteItem: unprocessed entries are null in data and listed', async () => {
    const put = await dataSource().invoke({
      operation: 'BatchPutItem',
      tables: { Items: [{ ...itemKey('a', '1'), n: { N: 1 } }, { ...itemKey('a', '2'), n: { N: 2 } }] },
    });
    expect(put).toEqual({
      result: { data: { Items: [{ pk: 'a', sk: '1', n: 1 }, null] }, unprocessedItems: { Items: [{ pk: 'a', sk: '2', n: 2 }] } },
    });
    const removed = await dataSource().invoke({ operation: 'BatchDeleteItem', tables: { Items: [itemKey('a', '1'), itemKey('a', '2')] } });
    expect(removed).toEqual({ result: { data: { Items: [{ pk: 'a', sk: '1' }, null] }, unprocessedKeys: { Items: [{ pk: 'a', sk: '2' }] } } });
  });

  it('a modeled DynamoDB exception keeps its name, with DynamoDB’s request id in the message', async () => {
    expect(await dataSource().invoke({ operation: 'GetItem', key: itemKey('a', '1') })).toEqual({
      result: null,
      error: {
        type: 'DynamoDB:ProvisionedThroughputExceededException',
        message: 'Rate of requests exceeds the allowed throughput. (Service: DynamoDb, Status Code: 400, Request ID: SIMULATEDREQUESTID)',
      },
    });
  });
});
