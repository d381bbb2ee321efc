import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from '../../../../local/datasources/types.js';
import { createDynamoDbFixture, dynamoDbMessage, itemKey, type DynamoDbFixture } from './setup.js';

// spec: appsync-js-runtime.md §5.1 (request fields and results of GetItem, PutItem, UpdateItem, DeleteItem)
describe('DynamoDB data source: GetItem, PutItem, UpdateItem, DeleteItem', () => {
  let fixture: DynamoDbFixture;
  let items: DataSource;

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('single-item');
    items = fixture.dataSource();
  });
  afterAll(() => fixture.tables.drop());

  it('PutItem writes key + attributeValues and answers the item as plain JSON (every type)', async () => {
    const outcome = await items.invoke({
      operation: 'PutItem',
      key: itemKey('p1', 'a'),
      attributeValues: {
        title: { S: 'Hello' },
        count: { N: 12 }, // util.dynamodb keeps numbers as JSON numbers (spec §3.4)
        price: { N: '3.50' },
        done: { BOOL: false },
        nothing: { NULL: null },
        tags: { SS: ['x', 'y'] },
        scores: { NS: [1, 2.5] },
        blob: { B: 'aGVsbG8=' },
        blobs: { BS: ['AQID'] },
        list: { L: [{ S: 'a' }, { N: 1 }, { M: { deep: { BOOL: true } } }] },
        map: { M: { name: { S: 'n' }, n: { N: '-7' } } },
      },
    });
    const expectedItem = {
      pk: 'p1',
      sk: 'a',
      title: 'Hello',
      count: 12,
      price: 3.5,
      done: false,
      nothing: null,
      tags: ['x', 'y'],
      scores: [1, 2.5],
      blob: 'aGVsbG8=',
      blobs: ['AQID'],
      list: ['a', 1, { deep: true }],
      map: { name: 'n', n: -7 },
    };
    expect(outcome).toEqual({ result: expectedItem });

    const read = await items.invoke({ operation: 'GetItem', key: itemKey('p1', 'a'), consistentRead: true });
    expect(read).toEqual({ result: expectedItem });
  });

  // spec: appsync-js-runtime.md §8 item 106
  it('GetItem of a missing key answers null without an error', async () => {
    expect(await items.invoke({ operation: 'GetItem', key: itemKey('nope', 'nope') })).toEqual({ result: null });
  });

  it('GetItem with a projection answers only the projected attributes', async () => {
    const outcome = await items.invoke({
      operation: 'GetItem',
      key: itemKey('p1', 'a'),
      projection: { expression: '#t, #m.#n', expressionNames: { '#t': 'title', '#m': 'map', '#n': 'n' } },
    });
    expect(outcome).toEqual({ result: { title: 'Hello', map: { n: -7 } } });
  });

  it('UpdateItem answers the whole item after the update (ALL_NEW)', async () => {
    const outcome = await items.invoke({
      operation: 'UpdateItem',
      key: itemKey('p1', 'b'),
      update: {
        expression: 'SET #expName_1 = :expValue_1, #expName_2 = if_not_exists(#expName_2, :zero) + :one',
        expressionNames: { '#expName_1': 'title', '#expName_2': 'version' },
        expressionValues: { ':expValue_1': { S: 'Updated' }, ':zero': { N: 0 }, ':one': { N: 1 } },
      },
    });
    expect(outcome).toEqual({ result: { pk: 'p1', sk: 'b', title: 'Updated', version: 1 } });
  });

  it('DeleteItem answers the deleted item (ALL_OLD), then null once it is gone', async () => {
    expect(await items.invoke({ operation: 'DeleteItem', key: itemKey('p1', 'b') })).toEqual({
      result: { pk: 'p1', sk: 'b', title: 'Updated', version: 1 },
    });
    // spec §5.1: "null if nothing was deleted (unconfirmed)"
    expect(await items.invoke({ operation: 'DeleteItem', key: itemKey('p1', 'b') })).toEqual({ result: null });
  });

  // Unmodeled DynamoDB errors surface with the Java SDK's generic exception name (see dynamodb-caller.ts).
  it('a DynamoDB ValidationException becomes DynamoDB:DynamoDbException with DynamoDB’s message', async () => {
    const outcome = await items.invoke({ operation: 'GetItem', key: { pk: { S: 'only-half-the-key' } } });
    expect(outcome).toEqual({
      result: null,
      // DynamoDB Local's wording; DynamoDB says "The provided key element does not match the schema".
      error: { type: 'DynamoDB:DynamoDbException', message: dynamoDbMessage('The number of conditions on the keys is invalid') },
    });
  });

  it('a bad update expression is a DynamoDB error, not a crash', async () => {
    const outcome = await items.invoke({ operation: 'UpdateItem', key: itemKey('p1', 'c'), update: { expression: 'SET = broken' } });
    expect(outcome).toEqual({
      result: null,
      error: {
        type: 'DynamoDB:DynamoDbException',
        message: expect.stringMatching(/^Invalid UpdateExpression: Syntax error; .* \(Service: DynamoDb, Status Code: 400, Request ID: [A-Za-z0-9-]+\)$/),
      },
    });
  });

  it('a missing table is DynamoDB:ResourceNotFoundException', async () => {
    const orphan = fixture.dataSource({ tableName: `${fixture.tables.prefix}Missing` });
    expect(await orphan.invoke({ operation: 'GetItem', key: itemKey('a', 'b') })).toEqual({
      result: null,
      error: { type: 'DynamoDB:ResourceNotFoundException', message: dynamoDbMessage('Cannot do operations on a non-existent table') },
    });
  });
});

// Malformed request objects: AppSync's MappingTemplate error type (exact texts unconfirmed).
describe('DynamoDB data source: malformed request objects', () => {
  let fixture: DynamoDbFixture;
  let items: DataSource;

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('malformed');
    items = fixture.dataSource();
  });
  afterAll(() => fixture.tables.drop());

  const cases: Array<[string, unknown, string]> = [
    ['not an object', 'GetItem', `Expected a JSON object as the DynamoDB request but got '"GetItem"' instead.`],
    ['no operation', { key: itemKey('a', 'b') }, "Value for field '$[operation]' not found."],
    [
      'an unknown operation',
      { operation: 'Explode' },
      "Unsupported operation 'Explode'. Supported operations: GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, Sync, BatchGetItem, BatchPutItem, BatchDeleteItem, TransactGetItems, TransactWriteItems.",
    ],
    ['no key', { operation: 'GetItem' }, "Value for field '$[key]' not found."],
    ['an untyped key value', { operation: 'GetItem', key: { pk: 'a', sk: { S: 'b' } } }, `Expected JSON object for attribute value '$[key][pk]' but got '"a"' instead.`],
    [
      'an unknown type',
      { operation: 'PutItem', key: itemKey('a', 'b'), attributeValues: { x: { Q: 1 } } },
      `Attribute value '$[attributeValues][x]' must have exactly one type key among S, N, B, SS, NS, BS, M, L, NULL, BOOL; got '{"Q":1}'.`,
    ],
    [
      'a non-numeric N',
      { operation: 'PutItem', key: itemKey('a', 'b'), attributeValues: { x: { N: 'twelve' } } },
      `Expected a number for attribute value '$[attributeValues][x][N]' but got '"twelve"' instead.`,
    ],
    ['an update without expression', { operation: 'UpdateItem', key: itemKey('a', 'b'), update: {} }, "Value for field '$[update][expression]' not found."],
    ['a wrong limit', { operation: 'Scan', limit: -1 }, "Expected a non-negative integer for field '$[limit]' but got '-1' instead."],
  ];

  it.each(cases)('%s → MappingTemplate error', async (_label, request, message) => {
    expect(await items.invoke(request)).toEqual({ result: null, error: { type: 'MappingTemplate', message } });
  });
});
