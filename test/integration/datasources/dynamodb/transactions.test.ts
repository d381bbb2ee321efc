import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from '../../../../local/datasources/types.js';
import { createDynamoDbFixture, dynamoDbMessage, itemKey, type DynamoDbFixture } from './setup.js';

/**
 * TransactGetItems / TransactWriteItems against DynamoDB Local (spec appsync-js-runtime.md §5.1;
 * AppSync Developer Guide, TransactGetItems, TransactWriteItems).
 */
describe('DynamoDB data source: transactions', () => {
  let fixture: DynamoDbFixture;
  let items: DataSource;

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('transactions');
    items = fixture.dataSource();
  });
  afterAll(() => fixture.tables.drop());

  const cancelled = (reasons: string) => ({
    type: 'DynamoDB:TransactionCanceledException',
    message: dynamoDbMessage(`Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons}]`),
  });

  it('TransactWriteItems writes all items (every operation) and answers their keys in request order', async () => {
    await items.invoke({ operation: 'PutItem', key: itemKey('t', 'update-me'), attributeValues: { n: { N: 1 } } });
    await items.invoke({ operation: 'PutItem', key: itemKey('t', 'delete-me'), attributeValues: {} });
    const outcome = await items.invoke({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'Items', operation: 'PutItem', key: itemKey('t', 'new'), attributeValues: { title: { S: 'New' } }, condition: { expression: 'attribute_not_exists(pk)' } },
        { table: 'Items', operation: 'UpdateItem', key: itemKey('t', 'update-me'), update: { expression: 'SET n = n + :one', expressionValues: { ':one': { N: 1 } } } },
        { table: 'Items', operation: 'DeleteItem', key: itemKey('t', 'delete-me') },
        { table: 'Others', operation: 'PutItem', key: { id: { S: 'counter' } }, attributeValues: { n: { N: 0 } } },
      ],
    });
    expect(outcome).toEqual({
      result: {
        keys: [{ pk: 't', sk: 'new' }, { pk: 't', sk: 'update-me' }, { pk: 't', sk: 'delete-me' }, { id: 'counter' }],
        cancellationReasons: null,
      },
    });

    // TransactGetItems: items in request order, null for the deleted one.
    const read = await items.invoke({
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'Items', key: itemKey('t', 'update-me') },
        { table: 'Items', key: itemKey('t', 'delete-me') },
        { table: 'Others', key: { id: { S: 'counter' } }, projection: { expression: '#n', expressionNames: { '#n': 'n' } } },
        { table: 'Items', key: itemKey('t', 'new') },
      ],
    });
    expect(read).toEqual({
      result: { items: [{ pk: 't', sk: 'update-me', n: 2 }, null, { n: 0 }, { pk: 't', sk: 'new', title: 'New' }], cancellationReasons: null },
    });
  });

  // spec: appsync-js-runtime.md §8 item 111
  it('a failed condition on item 2 cancels everything: cancellationReasons aligned with the items, current item included', async () => {
    const outcome = await items.invoke({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'Items', operation: 'PutItem', key: itemKey('t', 'not-written'), attributeValues: {} },
        { table: 'Items', operation: 'ConditionCheck', key: itemKey('t', 'update-me'), condition: { expression: 'n = :one', expressionValues: { ':one': { N: 1 } } } },
        {
          table: 'Items',
          operation: 'DeleteItem',
          key: itemKey('t', 'new'),
          condition: { expression: 'attribute_not_exists(pk)', returnValuesOnConditionCheckFailure: false },
        },
      ],
    });
    expect(outcome).toEqual({
      result: {
        keys: null,
        cancellationReasons: [
          { type: 'None', message: 'None' },
          // DynamoDB's own reason messages are passed through (DynamoDB Local ends this one with a period).
          { item: { pk: 't', sk: 'update-me', n: 2 }, type: 'ConditionalCheckFailed', message: 'The conditional request failed.' },
          { type: 'ConditionalCheckFailed', message: 'The conditional request failed' },
        ],
      },
      error: cancelled('None, ConditionalCheckFailed, ConditionalCheckFailed'),
    });
    expect(await items.invoke({ operation: 'GetItem', key: itemKey('t', 'not-written') })).toEqual({ result: null });
  });

  it('two items on the same key: DynamoDB refuses the transaction, both result keys present and null', async () => {
    const outcome = await items.invoke({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'Items', operation: 'PutItem', key: itemKey('t', 'same'), attributeValues: {} },
        { table: 'Items', operation: 'DeleteItem', key: itemKey('t', 'same') },
      ],
    });
    expect(outcome).toEqual({
      result: { keys: null, cancellationReasons: null },
      error: { type: 'DynamoDB:DynamoDbException', message: dynamoDbMessage('Transaction request cannot include multiple operations on one item') },
    });
  });

  it('TransactGetItems on a missing table fails with both result keys present', async () => {
    const outcome = await items.invoke({ operation: 'TransactGetItems', transactItems: [{ table: 'Missing', key: { id: { S: 'x' } } }] });
    expect(outcome).toEqual({
      result: { items: null, cancellationReasons: null },
      error: { type: 'DynamoDB:ResourceNotFoundException', message: expect.stringMatching(/\(Service: DynamoDb, Status Code: 400, Request ID: [A-Za-z0-9-]+\)$/) },
    });
  });

  describe('limits (AppSync: 100 items per transaction)', () => {
    const puts = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ table: 'Items', operation: 'PutItem', key: itemKey('limit', String(index)), attributeValues: {} }));

    it('accepts 100 items', async () => {
      const outcome = await items.invoke({ operation: 'TransactWriteItems', transactItems: puts(100) });
      expect(outcome).toEqual({ result: { keys: puts(100).map((_, index) => ({ pk: 'limit', sk: String(index) })), cancellationReasons: null } });
    });

    it('refuses 101 items and an empty list', async () => {
      expect(await items.invoke({ operation: 'TransactWriteItems', transactItems: puts(101) })).toEqual({
        result: null,
        error: {
          type: 'DynamoDB:DynamoDbException',
          message: dynamoDbMessage("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"),
        },
      });
      expect(await items.invoke({ operation: 'TransactGetItems', transactItems: [] })).toEqual({
        result: null,
        error: {
          type: 'DynamoDB:DynamoDbException',
          message: dynamoDbMessage("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        },
      });
    });
  });

  it('malformed transaction items are MappingTemplate errors', async () => {
    expect(await items.invoke({ operation: 'TransactWriteItems', transactItems: [{ table: 'Items', operation: 'Upsert', key: itemKey('a', 'b') }] })).toEqual({
      result: null,
      error: {
        type: 'MappingTemplate',
        message: "Unsupported operation 'Upsert' for field '$[transactItems][0][operation]': expected PutItem, UpdateItem, DeleteItem or ConditionCheck.",
      },
    });
    expect(await items.invoke({ operation: 'TransactWriteItems', transactItems: [{ table: 'Items', operation: 'ConditionCheck', key: itemKey('a', 'b') }] })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Value for field '$[transactItems][0][condition]' not found." },
    });
    expect(await items.invoke({ operation: 'TransactGetItems', transactItems: [{ key: itemKey('a', 'b') }] })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Value for field '$[transactItems][0][table]' not found." },
    });
  });
});
