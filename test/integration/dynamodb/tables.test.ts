import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../../../local/definition/types.js';
import { localDynamoDbClient } from '../../../local/dynamodb/launcher.js';
import {
  TableDefinitionError,
  ensureTables,
  physicalTableName,
  tableNameResolver,
} from '../../../local/dynamodb/tables.js';
import { dropTables, uniqueTablePrefix } from '../../support/tables.js';

const boardTable: TableDefinition = {
  name: 'Main',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'byOwner', partitionKey: { name: 'owner', type: 'S' }, sortKey: { name: 'createdAt', type: 'N' } },
    { indexName: 'byStatus', partitionKey: { name: 'status', type: 'S' }, projection: 'KEYS_ONLY' },
    { indexName: 'byTitle', partitionKey: { name: 'title', type: 'S' }, projection: { include: ['body', 'tags'] } },
  ],
  localSecondaryIndexes: [{ indexName: 'byPosition', sortKey: { name: 'position', type: 'S' } }],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
};

const counterTable: TableDefinition = { name: 'Counters', partitionKey: { name: 'id', type: 'B' } };

/** The parts of DescribeTable that the definition decides, in a stable order. */
function schemaOf(table: TableDescription | undefined) {
  const byKey = <T>(list: T[] | undefined, key: (entry: T) => string | undefined): T[] =>
    [...(list ?? [])].sort((a, b) => (String(key(a)) < String(key(b)) ? -1 : 1));
  const byName = <T extends { IndexName?: string }>(list: T[] | undefined) => byKey(list, (index) => index.IndexName);
  return {
    name: table?.TableName,
    status: table?.TableStatus,
    billing: table?.BillingModeSummary?.BillingMode,
    keySchema: table?.KeySchema,
    attributes: byKey(table?.AttributeDefinitions, (attribute) => attribute.AttributeName),
    gsis: byName(table?.GlobalSecondaryIndexes).map((index) => ({
      name: index.IndexName,
      keySchema: index.KeySchema,
      projection: index.Projection,
      status: index.IndexStatus,
    })),
    lsis: byName(table?.LocalSecondaryIndexes).map((index) => ({ name: index.IndexName, keySchema: index.KeySchema, projection: index.Projection })),
    stream: table?.StreamSpecification,
  };
}

describe('ensureTables (tables of a definition on DynamoDB Local)', () => {
  let client: DynamoDBClient;
  let prefix: string;
  const created: string[] = [];

  beforeAll(() => {
    client = localDynamoDbClient(inject('dynamodbEndpoint'));
    prefix = uniqueTablePrefix('tables');
  });

  afterAll(async () => {
    await dropTables(client, created);
    client.destroy();
  });

  async function describeTable(logicalName: string) {
    return (await client.send(new DescribeTableCommand({ TableName: physicalTableName(logicalName, prefix) }))).Table;
  }

  it('creates keys, GSIs with their projections, LSIs, the stream and TTL as defined', async () => {
    const result = await ensureTables(client, [boardTable, counterTable], { prefix });
    created.push(...result.created);
    expect(result).toEqual({ created: [`${prefix}Main`, `${prefix}Counters`], existing: [], addedIndexes: [] });

    expect(schemaOf(await describeTable('Main'))).toEqual({
      name: `${prefix}Main`,
      status: 'ACTIVE',
      billing: 'PAY_PER_REQUEST',
      keySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      attributes: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
        { AttributeName: 'createdAt', AttributeType: 'N' },
        { AttributeName: 'owner', AttributeType: 'S' },
        { AttributeName: 'position', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'title', AttributeType: 'S' },
      ],
      gsis: [
        {
          name: 'byOwner',
          keySchema: [
            { AttributeName: 'owner', KeyType: 'HASH' },
            { AttributeName: 'createdAt', KeyType: 'RANGE' },
          ],
          projection: { ProjectionType: 'ALL' },
          status: 'ACTIVE',
        },
        { name: 'byStatus', keySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], projection: { ProjectionType: 'KEYS_ONLY' }, status: 'ACTIVE' },
        {
          name: 'byTitle',
          keySchema: [{ AttributeName: 'title', KeyType: 'HASH' }],
          projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['body', 'tags'] },
          status: 'ACTIVE',
        },
      ],
      lsis: [
        {
          name: 'byPosition',
          keySchema: [
            { AttributeName: 'PK', KeyType: 'HASH' },
            { AttributeName: 'position', KeyType: 'RANGE' },
          ],
          projection: { ProjectionType: 'ALL' },
        },
      ],
      stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: `${prefix}Main` }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });

    expect(schemaOf(await describeTable('Counters'))).toEqual({
      name: `${prefix}Counters`,
      status: 'ACTIVE',
      billing: 'PAY_PER_REQUEST',
      keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      attributes: [{ AttributeName: 'id', AttributeType: 'B' }],
      gsis: [],
      lsis: [],
      stream: undefined,
    });
  });

  it('keeps existing tables and their data when called again', async () => {
    const key = { PK: { S: 'BOARD#1' }, SK: { S: 'META' } };
    await client.send(new PutItemCommand({ TableName: `${prefix}Main`, Item: { ...key, title: { S: 'kept' } } }));

    const again = await ensureTables(client, [boardTable, counterTable], { prefix });

    expect(again).toEqual({ created: [], existing: [`${prefix}Main`, `${prefix}Counters`], addedIndexes: [] });
    const item = await client.send(new GetItemCommand({ TableName: `${prefix}Main`, Key: key }));
    expect(item.Item).toEqual({ ...key, title: { S: 'kept' } });
  });

  it('adds a GSI that the definition gained since the table was created, keeping the data', async () => {
    const grown: TableDefinition = {
      ...counterTable,
      globalSecondaryIndexes: [{ indexName: 'byKind', partitionKey: { name: 'kind', type: 'S' } }],
      timeToLiveAttribute: 'ttl',
      stream: 'KEYS_ONLY',
    };
    const id = { B: new Uint8Array([1, 2, 3]) };
    await client.send(new PutItemCommand({ TableName: `${prefix}Counters`, Item: { id, kind: { S: 'a' } } }));

    const result = await ensureTables(client, [grown], { prefix });

    expect(result).toEqual({ created: [], existing: [`${prefix}Counters`], addedIndexes: [`${prefix}Counters/byKind`] });
    const schema = schemaOf(await describeTable('Counters'));
    expect({ gsis: schema.gsis, stream: schema.stream }).toEqual({
      gsis: [{ name: 'byKind', keySchema: [{ AttributeName: 'kind', KeyType: 'HASH' }], projection: { ProjectionType: 'ALL' }, status: 'ACTIVE' }],
      stream: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: `${prefix}Counters` }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
    const item = await client.send(new GetItemCommand({ TableName: `${prefix}Counters`, Key: { id } }));
    expect(item.Item).toEqual({ id, kind: { S: 'a' } });
  });

  it('refuses an existing table whose key schema differs, saying what to delete', async () => {
    const changed: TableDefinition = { ...boardTable, sortKey: { name: 'SK2', type: 'S' }, localSecondaryIndexes: [] };
    await expect(ensureTables(client, [changed], { prefix })).rejects.toEqual(
      new TableDefinitionError(
        `Table "${prefix}Main" exists with key schema ["PK HASH","SK RANGE"] instead of ["PK HASH","SK2 RANGE"] and local secondary indexes ` +
          `["byPosition: [\\"PK HASH\\",\\"position RANGE\\"]"] instead of []. These cannot change on an existing table: ` +
          'delete the table (or the local data directory) to recreate it.',
      ),
    );
  });

  it('rejects definitions DynamoDB cannot create, before calling it', async () => {
    const conflicting: TableDefinition = {
      name: 'Bad',
      partitionKey: { name: 'id', type: 'S' },
      globalSecondaryIndexes: [{ indexName: 'g', partitionKey: { name: 'id', type: 'N' } }],
    };
    await expect(ensureTables(client, [conflicting], { prefix })).rejects.toEqual(
      new TableDefinitionError('Table "Bad": key attribute "id" is declared both as S and as N.'),
    );
    const lsiWithoutSortKey: TableDefinition = {
      name: 'Bad',
      partitionKey: { name: 'id', type: 'S' },
      localSecondaryIndexes: [{ indexName: 'l', sortKey: { name: 'at', type: 'N' } }],
    };
    await expect(ensureTables(client, [lsiWithoutSortKey], { prefix })).rejects.toEqual(
      new TableDefinitionError('Table "Bad": local secondary indexes need a table with a sort key.'),
    );
  });
});

describe('table names', () => {
  it('maps logical names to prefixed physical names and leaves other names alone', () => {
    const resolve = tableNameResolver([boardTable, counterTable], 'dev-');
    expect([resolve('Main'), resolve('Counters'), resolve('dev-Main'), resolve('Other')]).toEqual(['dev-Main', 'dev-Counters', 'dev-Main', 'Other']);
    expect(physicalTableName('Main')).toBe('Main');
  });

  it('rejects a prefix that makes an invalid table name', () => {
    expect(() => physicalTableName('Main', 'my tables/')).toThrow(
      new TableDefinitionError('"my tables/Main" is not a valid DynamoDB table name (3-255 characters among a-z, A-Z, 0-9, "_", "-", ".").'),
    );
  });
});
