/**
 * `get`, `put`, `remove` of `@aws-appsync/utils/dynamodb` (spec appsync-js-runtime.md §4.1, §5.1).
 * (obs) = recorded on AWS with EvaluateCode (localstack/appsync-utils
 * `__tests__/__snapshots__/index.test.js.snap`); everything else is unconfirmed and chosen as the
 * comments say. `update` has its own file (update.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { dynamodbModule as ddb } from '../../../../local/runtime/dynamodb/index.js';
import { BuiltinInputError } from '../../../../local/runtime/signals.js';

describe('ddb.get', () => {
  it('converts the key and adds nothing else', () => {
    // spec: appsync-js-runtime.md §8 item 94 (obs)
    expect(ddb.get({ key: { id: 'id' } })).toEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
  });

  it('passes consistentRead through and aliases every projected path segment', () => {
    // spec §4.1: projection naming unconfirmed — one #expName_<n> per distinct segment, indexes kept outside
    expect(ddb.get({ key: { pk: 'a', sk: 2 }, consistentRead: true, projection: ['id', 'author.name', 'tags[1]', 'author.id'] })).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'a' }, sk: { N: 2 } },
      consistentRead: true,
      projection: {
        expression: '#expName_1, #expName_2.#expName_3, #expName_4[1], #expName_2.#expName_1',
        expressionNames: { '#expName_1': 'id', '#expName_2': 'author', '#expName_3': 'name', '#expName_4': 'tags' },
      },
    });
  });

  it('treats null optional fields and an empty projection as absent', () => {
    // unconfirmed: a null optional field is left out like an absent one
    expect(ddb.get({ key: { id: '1' }, consistentRead: null, projection: [] })).toEqual({ operation: 'GetItem', key: { id: { S: '1' } } });
  });

  it('refuses a call without a key object', () => {
    expect(() => ddb.get({ id: '1' })).toThrow(new BuiltinInputError("get: 'key' must be an object of attribute values"));
    expect(() => ddb.get(undefined)).toThrow(new BuiltinInputError('get: expected an object argument'));
  });

  it('refuses a projection that is not a list of paths', () => {
    expect(() => ddb.get({ key: { id: '1' }, projection: 'id' })).toThrow(
      new BuiltinInputError("get: 'projection' must be a list of attribute paths"),
    );
    expect(() => ddb.get({ key: { id: '1' }, projection: ['a..b'] })).toThrow(new BuiltinInputError("get: invalid projection path 'a..b'"));
  });
});

describe('ddb.put', () => {
  it('sends the item as attributeValues without copying the key into it', () => {
    // spec: §8 item 95 (obs)
    expect(ddb.put({ key: { id: 'abc' }, item: { value: 10 } })).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { value: { N: 10 } },
    });
  });

  it('turns a condition object into an expression and passes the versioning fields through', () => {
    // spec §3.5 generator; a condition binding no value has no expressionValues (LocalStack, unconfirmed)
    expect(
      ddb.put({
        key: { id: 'abc' },
        item: { title: 'x', tags: ['a'] },
        condition: { id: { attributeExists: false } },
        customPartitionKey: 'pk',
        populateIndexFields: true,
        _version: 3,
      }),
    ).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { title: { S: 'x' }, tags: { L: [{ S: 'a' }] } },
      condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' } },
      customPartitionKey: 'pk',
      populateIndexFields: true,
      _version: 3,
    });
  });

  it('refuses a condition AppSync cannot render instead of dropping it', () => {
    expect(() => ddb.put({ key: { id: 'a' }, item: {}, condition: { v: { foo: 1 } } })).toThrow(
      new BuiltinInputError("put: 'condition': cannot build a DynamoDB expression: unknown operator 'foo'"),
    );
  });

  it('refuses a put without an item', () => {
    expect(() => ddb.put({ key: { id: 'a' } })).toThrow(new BuiltinInputError("put: 'item' must be an object of attribute values"));
  });
});

describe('ddb.remove', () => {
  it('converts the key and adds nothing else', () => {
    // spec: §8 item 96 (obs)
    expect(ddb.remove({ key: { id: 'test' } })).toEqual({ operation: 'DeleteItem', key: { id: { S: 'test' } } });
  });

  it('adds a condition with its values', () => {
    // the docs' example (owner must match); output unconfirmed
    expect(ddb.remove({ key: { id: 'test' }, condition: { owner: { eq: 'me' } }, _version: 1 })).toEqual({
      operation: 'DeleteItem',
      key: { id: { S: 'test' } },
      condition: { expression: '(#owner = :owner_eq)', expressionNames: { '#owner': 'owner' }, expressionValues: { ':owner_eq': { S: 'me' } } },
      _version: 1,
    });
  });
});

describe('set helpers of the module', () => {
  it('are the util.dynamodb set converters', () => {
    // spec §4.1: the module re-exports toStringSet, toNumberSet, toBinarySet
    expect([ddb.toStringSet(['a']), ddb.toNumberSet([1, 2.5]), ddb.toBinarySet(['Zm9v'])]).toEqual([
      { SS: ['a'] },
      { NS: [1, 2.5] },
      { BS: ['Zm9v'] },
    ]);
  });
});
