import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from '../../../../local/datasources/types.js';
import { createDynamoDbFixture, dynamoDbMessage, itemKey, type DynamoDbFixture } from './setup.js';

/**
 * BatchGetItem / BatchPutItem / BatchDeleteItem against DynamoDB Local (spec appsync-js-runtime.md
 * §5.1; AppSync Developer Guide, BatchGetItem, BatchPutItem, BatchDeleteItem). Requests name tables
 * by the definition's logical names, resolved to the suite's physical tables; results use the
 * request's names.
 */
describe('DynamoDB data source: batch operations', () => {
  let fixture: DynamoDbFixture;
  let items: DataSource;

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('batch');
    items = fixture.dataSource();
  });
  afterAll(() => fixture.tables.drop());

  it('BatchPutItem writes to several tables and answers the items in request order', async () => {
    const outcome = await items.invoke({
      operation: 'BatchPutItem',
      tables: {
        Items: [
          { ...itemKey('b', '1'), title: { S: 'one' } },
          { ...itemKey('b', '2'), title: { S: 'two' } },
        ],
        Others: [{ id: { S: 'o1' }, n: { N: 1 } }],
      },
    });
    expect(outcome).toEqual({
      result: {
        data: {
          Items: [
            { pk: 'b', sk: '1', title: 'one' },
            { pk: 'b', sk: '2', title: 'two' },
          ],
          Others: [{ id: 'o1', n: 1 }],
        },
        unprocessedItems: { Items: [], Others: [] },
      },
    });
  });

  // spec: appsync-js-runtime.md §8 item 110
  it('BatchGetItem answers items in request order, null for a missing key, and no unprocessed keys', async () => {
    const outcome = await items.invoke({
      operation: 'BatchGetItem',
      tables: {
        Items: { keys: [itemKey('b', '2'), itemKey('b', 'missing'), itemKey('b', '1')], consistentRead: true },
        Others: { keys: [{ id: { S: 'o1' } }] },
      },
    });
    expect(outcome).toEqual({
      result: {
        data: {
          Items: [{ pk: 'b', sk: '2', title: 'two' }, null, { pk: 'b', sk: '1', title: 'one' }],
          Others: [{ id: 'o1', n: 1 }],
        },
        unprocessedKeys: { Items: [], Others: [] },
      },
    });
  });

  it('BatchGetItem with a projection that leaves out the key still matches items to keys', async () => {
    const outcome = await items.invoke({
      operation: 'BatchGetItem',
      tables: { Items: { keys: [itemKey('b', '2'), itemKey('b', '1')], projection: { expression: '#t', expressionNames: { '#t': 'title' } } } },
    });
    expect(outcome).toEqual({ result: { data: { Items: [{ title: 'two' }, { title: 'one' }] }, unprocessedKeys: { Items: [] } } });
  });

  it('tables can also be named by their physical names', async () => {
    const physical = fixture.tables.physicalName('Others');
    const outcome = await items.invoke({ operation: 'BatchGetItem', tables: { [physical]: { keys: [{ id: { S: 'o1' } }] } } });
    expect(outcome).toEqual({ result: { data: { [physical]: [{ id: 'o1', n: 1 }] }, unprocessedKeys: { [physical]: [] } } });
  });

  it('BatchDeleteItem answers the keys (not the items) in request order', async () => {
    const outcome = await items.invoke({ operation: 'BatchDeleteItem', tables: { Items: [itemKey('b', '1'), itemKey('b', 'never-there')] } });
    expect(outcome).toEqual({
      result: {
        data: {
          Items: [
            { pk: 'b', sk: '1' },
            { pk: 'b', sk: 'never-there' },
          ],
        },
        unprocessedKeys: { Items: [] },
      },
    });
    const after = await items.invoke({ operation: 'GetItem', key: itemKey('b', '1') });
    expect(after).toEqual({ result: null });
  });

  it('a batch that fails as a whole reports every entry unprocessed, with the error', async () => {
    const outcome = await items.invoke({ operation: 'BatchDeleteItem', tables: { Missing: [{ id: { S: 'x' } }] } });
    expect(outcome).toEqual({
      result: { data: { Missing: [null] }, unprocessedKeys: { Missing: [{ id: 'x' }] } },
      // DynamoDB Local's wording; DynamoDB says "Requested resource not found".
      error: { type: 'DynamoDB:ResourceNotFoundException', message: dynamoDbMessage('Cannot do operations on a non-existent table') },
    });
  });

  describe('limits (AppSync: BatchGetItem 100 keys, BatchPutItem and BatchDeleteItem 25 items)', () => {
    const keys = (count: number, table = 'l') => Array.from({ length: count }, (_, index) => itemKey(table, String(index)));

    it('accepts 25 puts and 100 keys', async () => {
      const put = await items.invoke({ operation: 'BatchPutItem', tables: { Items: keys(25) } });
      expect(put).toEqual({ result: { data: { Items: keys(25).map((_, index) => ({ pk: 'l', sk: String(index) })) }, unprocessedItems: { Items: [] } } });

      const otherKeys = Array.from({ length: 40 }, (_, index) => ({ id: { S: `absent-${index}` } }));
      const get = await items.invoke({ operation: 'BatchGetItem', tables: { Items: { keys: keys(60) }, Others: { keys: otherKeys } } });
      expect(get).toEqual({
        result: {
          data: {
            Items: keys(60).map((_, index) => (index < 25 ? { pk: 'l', sk: String(index) } : null)),
            Others: otherKeys.map(() => null),
          },
          unprocessedKeys: { Items: [], Others: [] },
        },
      });
    });

    it('refuses 26 items to write, in all tables together', async () => {
      const outcome = await items.invoke({ operation: 'BatchDeleteItem', tables: { Items: keys(20), Others: keys(6).map((_, i) => ({ id: { S: `${i}` } })) } });
      expect(outcome).toEqual({
        result: null,
        error: { type: 'DynamoDB:DynamoDbException', message: dynamoDbMessage('Too many items requested for the BatchWriteItem call') },
      });
    });

    it('refuses 101 keys to read', async () => {
      const outcome = await items.invoke({ operation: 'BatchGetItem', tables: { Items: { keys: keys(101) } } });
      expect(outcome).toEqual({
        result: null,
        error: { type: 'DynamoDB:DynamoDbException', message: dynamoDbMessage('Too many items requested for the BatchGetItem call') },
      });
    });
  });

  it('a request without tables is a MappingTemplate error', async () => {
    expect(await items.invoke({ operation: 'BatchPutItem', tables: {} })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "At least one table must be provided in field '$[tables]'." },
    });
    expect(await items.invoke({ operation: 'BatchGetItem', tables: { Items: [itemKey('a', 'b')] } })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: `Expected a JSON object for field '$[tables][Items]' but got '[{"pk":{"S":"a"},"sk":{"S":"b"}}]' instead.` },
    });
  });
});
