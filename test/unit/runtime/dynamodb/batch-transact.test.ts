/**
 * Batch and transaction helpers of `@aws-appsync/utils/dynamodb` (spec appsync-js-runtime.md §4.1,
 * request shapes §5.1). Shapes follow the typings' examples; AWS's exact output is unconfirmed.
 */
import { describe, expect, it } from 'vitest';
import { dynamodbModule as ddb } from '../../../../local/runtime/dynamodb/index.js';
import { BuiltinInputError } from '../../../../local/runtime/signals.js';

describe('ddb.batchGet', () => {
  it('converts the keys of every table and keeps consistentRead and projection', () => {
    // the typings' example: keys, consistentRead, projection with a list index
    expect(
      ddb.batchGet({
        tables: {
          post: { keys: [{ id: '1' }, { id: '2' }], consistentRead: false, projection: ['id', 'name', 'nested.object[1]'] },
          comment: { keys: [{ postId: '1', n: 3 }] },
        },
      }),
    ).toEqual({
      operation: 'BatchGetItem',
      tables: {
        post: {
          keys: [{ id: { S: '1' } }, { id: { S: '2' } }],
          consistentRead: false,
          projection: {
            expression: '#expName_1, #expName_2, #expName_3.#expName_4[1]',
            expressionNames: { '#expName_1': 'id', '#expName_2': 'name', '#expName_3': 'nested', '#expName_4': 'object' },
          },
        },
        comment: { keys: [{ postId: { S: '1' }, n: { N: 3 } }] },
      },
    });
  });

  it('refuses a table without a list of keys', () => {
    expect(() => ddb.batchGet({ tables: { post: { keys: { id: '1' } } } })).toThrow(new BuiltinInputError("batchGet: 'tables.post.keys' must be a list"));
    expect(() => ddb.batchGet({ tables: [] })).toThrow(new BuiltinInputError("batchGet: 'tables' must map table names to their requests"));
  });
});

describe('ddb.batchPut and ddb.batchDelete', () => {
  it('batchPut converts every item of every table', () => {
    expect(
      ddb.batchPut({ tables: { post: [{ id: 'one', value: 'x' }, { id: 'two', value: 1 }], comment: [{ id: 'one', text: null }] } }),
    ).toEqual({
      operation: 'BatchPutItem',
      tables: {
        post: [
          { id: { S: 'one' }, value: { S: 'x' } },
          { id: { S: 'two' }, value: { N: 1 } },
        ],
        comment: [{ id: { S: 'one' }, text: { NULL: null } }],
      },
    });
  });

  it('batchDelete converts every key of every table', () => {
    expect(ddb.batchDelete({ tables: { post: [{ id: 'one' }, { id: 'two' }], comment: [{ id: 'one', comment: 'x' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: {
        post: [{ id: { S: 'one' } }, { id: { S: 'two' } }],
        comment: [{ id: { S: 'one' }, comment: { S: 'x' } }],
      },
    });
  });

  it('refuses an entry that is not an attribute map', () => {
    expect(() => ddb.batchDelete({ tables: { post: ['one'] } })).toThrow(
      new BuiltinInputError("batchDelete: 'tables.post[]' must be an object of attribute values"),
    );
  });
});

describe('ddb.transactGet', () => {
  it('lists table, converted key and projection in request order', () => {
    expect(
      ddb.transactGet({
        items: [
          { table: 'post', key: { id: '1' }, projection: ['name'] },
          { table: 'post', key: { id: '2' } },
        ],
      }),
    ).toEqual({
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'post', key: { id: { S: '1' } }, projection: { expression: '#expName_1', expressionNames: { '#expName_1': 'name' } } },
        { table: 'post', key: { id: { S: '2' } } },
      ],
    });
  });

  it('refuses an item without a table name', () => {
    expect(() => ddb.transactGet({ items: [{ key: { id: '1' } }] })).toThrow(
      new BuiltinInputError('transactGet: items[0].table must be a table name'),
    );
  });
});

describe('ddb.transactWrite', () => {
  it('turns each kind of write into its operation, converting items, updates and conditions', () => {
    expect(
      ddb.transactWrite({
        items: [
          { putItem: { table: 'post', key: { id: '1' }, item: { title: 't' }, condition: { id: { attributeExists: false } } } },
          { deleteItem: { table: 'post', key: { id: '2' } } },
          { updateItem: { table: 'post', key: { id: '3' }, update: { views: ddb.operations.increment(1) }, condition: { views: { lt: 100 } } } },
          { conditionCheck: { table: 'board', key: { id: 'b' }, condition: { owner: { eq: 'me' } } } },
        ],
      }),
    ).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'post',
          operation: 'PutItem',
          key: { id: { S: '1' } },
          attributeValues: { title: { S: 't' } },
          condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' } },
        },
        { table: 'post', operation: 'DeleteItem', key: { id: { S: '2' } } },
        {
          table: 'post',
          operation: 'UpdateItem',
          key: { id: { S: '3' } },
          update: { expression: 'SET #expName_1 = #expName_1 + :expValue_1', expressionNames: { '#expName_1': 'views' }, expressionValues: { ':expValue_1': { N: 1 } } },
          condition: { expression: '(#views < :views_lt)', expressionNames: { '#views': 'views' }, expressionValues: { ':views_lt': { N: 100 } } },
        },
        {
          table: 'board',
          operation: 'ConditionCheck',
          key: { id: { S: 'b' } },
          condition: { expression: '(#owner = :owner_eq)', expressionNames: { '#owner': 'owner' }, expressionValues: { ':owner_eq': { S: 'me' } } },
        },
      ],
    });
  });

  it('refuses an item that is none of the four kinds, and names the item in other errors', () => {
    expect(() => ddb.transactWrite({ items: [{ getItem: { table: 'post', key: { id: '1' } } }] })).toThrow(
      new BuiltinInputError('transactWrite: items[0] must hold one of putItem, updateItem, deleteItem, conditionCheck'),
    );
    expect(() => ddb.transactWrite({ items: [{ deleteItem: { table: 'post', key: { id: '1' } } }, { putItem: { table: 'post', key: { id: '2' } } }] })).toThrow(
      new BuiltinInputError("transactWrite: 'items[1].putItem.item' must be an object of attribute values"),
    );
  });
});
