/**
 * `operations` and `update` of `@aws-appsync/utils/dynamodb` (spec appsync-js-runtime.md §4.2, §4.3).
 * (obs) = recorded on AWS with EvaluateCode (localstack/appsync-utils
 * `__tests__/__snapshots__/index.test.js.snap`, or a public project's EvaluateCode test where said).
 * The unconfirmed shapes are also sent to DynamoDB Local in against-dynamodb.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dynamodbModule as ddb } from '../../../../local/runtime/dynamodb/index.js';
import { BuiltinInputError } from '../../../../local/runtime/signals.js';

const { operations } = ddb;

describe('ddb.operations', () => {
  it('produce the values AWS returns', () => {
    // spec: §8 item 98 (obs), plus replace/prepend/decrement (obs, §4.2)
    expect([
      operations.add(10),
      operations.increment(10),
      operations.append([1, 2, 3]),
      operations.prepend([1, 2, 3]),
      operations.decrement(10),
      operations.replace({ a: 10 }),
    ]).toEqual([
      { type: 'OPERATION_ADD', value: 10 },
      { type: 'OPERATION_INCREMENT', by: 10 },
      { type: 'OPERATION_APPEND', items: [1, 2, 3] },
      { type: 'OPERATION_PREPEND', items: [1, 2, 3] },
      { type: 'OPERATION_DECREMENT', by: 10 },
      { type: 'OPERATION_REPLACE', value: { a: 10 } },
    ]);
  });

  it('remove, updateListItem and the default step (unconfirmed)', () => {
    // spec §4.2: remove → { type: "OPERATION_REMOVE" }; increment()/decrement() step by 1
    expect([operations.remove(), operations.updateListItem('x', 2), operations.increment(), operations.decrement()]).toEqual([
      { type: 'OPERATION_REMOVE' },
      { type: 'OPERATION_UPDATE_LIST_ITEM', value: 'x', index: 2 },
      { type: 'OPERATION_INCREMENT', by: 1 },
      { type: 'OPERATION_DECREMENT', by: 1 },
    ]);
  });
});

/** `ddb.update({ key: { id: "test" }, update })` with the expected update expression object. */
function updateOf(update: unknown): unknown {
  return ddb.update({ key: { id: 'test' }, update });
}

function expectedUpdate(expression: string, expressionNames: Record<string, string>, expressionValues: Record<string, unknown>): unknown {
  return { operation: 'UpdateItem', key: { id: { S: 'test' } }, update: { expression, expressionNames, expressionValues } };
}

describe('ddb.update with one entry (obs)', () => {
  it('increment', () => {
    // spec: §8 item 99
    expect(updateOf({ age: operations.increment(10) })).toEqual(
      expectedUpdate('SET #expName_1 = #expName_1 + :expValue_1', { '#expName_1': 'age' }, { ':expValue_1': { N: 10 } }),
    );
  });

  it('decrement', () => {
    // spec: §8 item 100
    expect(updateOf({ age: operations.decrement(10) })).toEqual(
      expectedUpdate('SET #expName_1 = #expName_1 - :expValue_1', { '#expName_1': 'age' }, { ':expValue_1': { N: 10 } }),
    );
  });

  it('append and prepend', () => {
    // spec: §8 item 101
    const list = { ':expValue_1': { L: [{ N: 1 }, { N: 2 }, { N: 3 }] } };
    expect([updateOf({ values: operations.append([1, 2, 3]) }), updateOf({ values: operations.prepend([1, 2, 3]) })]).toEqual([
      expectedUpdate('SET #expName_1 = list_append(#expName_1, :expValue_1)', { '#expName_1': 'values' }, list),
      expectedUpdate('SET #expName_1 = list_append(:expValue_1, #expName_1)', { '#expName_1': 'values' }, list),
    ]);
  });

  it('add and replace set the value', () => {
    // spec: §8 item 102
    expect([updateOf({ age: operations.add(10) }), updateOf({ values: operations.replace({ a: 10 }) })]).toEqual([
      expectedUpdate('SET #expName_1 = :expValue_1', { '#expName_1': 'age' }, { ':expValue_1': { N: 10 } }),
      expectedUpdate('SET #expName_1 = :expValue_1', { '#expName_1': 'values' }, { ':expValue_1': { M: { a: { N: 10 } } } }),
    ]);
  });
});

describe('ddb.update with several entries', () => {
  it('puts plain values, nulls included, in one SET clause numbered in key order', () => {
    // obs: an EvaluateCode test in a public project (editMyProfile: seven plain entries, nulls → NULL)
    expect(updateOf({ name: 'Toni Test', imageUrl: null, bio: 'The test bio' })).toEqual(
      expectedUpdate(
        'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2, #expName_3 = :expValue_3',
        { '#expName_1': 'name', '#expName_2': 'imageUrl', '#expName_3': 'bio' },
        { ':expValue_1': { S: 'Toni Test' }, ':expValue_2': { NULL: null }, ':expValue_3': { S: 'The test bio' } },
      ),
    );
  });

  it('puts removals in one REMOVE clause after the SET clause', () => {
    // spec: §8 item 103 (u) — the spec's example output exactly
    expect(updateOf({ a: 1, b: operations.remove() })).toEqual(
      expectedUpdate('SET #expName_1 = :expValue_1 REMOVE #expName_2', { '#expName_1': 'a', '#expName_2': 'b' }, { ':expValue_1': { N: 1 } }),
    );
  });

  it('numbers names and values by two counters in key order (unconfirmed)', () => {
    expect(updateOf({ gone: operations.remove(), count: operations.increment(), tags: operations.append(['x']), also: operations.remove() })).toEqual(
      expectedUpdate(
        'SET #expName_2 = #expName_2 + :expValue_1, #expName_3 = list_append(#expName_3, :expValue_2) REMOVE #expName_1, #expName_4',
        { '#expName_1': 'gone', '#expName_2': 'count', '#expName_3': 'tags', '#expName_4': 'also' },
        { ':expValue_1': { N: 1 }, ':expValue_2': { L: [{ S: 'x' }] } },
      ),
    );
  });

  it('updates the attributes inside a plain object by path, each parent keeping one alias (unconfirmed)', () => {
    expect(updateOf({ address: { city: 'Paris', zip: operations.remove(), geo: { lat: 1 } }, age: 3 })).toEqual(
      expectedUpdate(
        'SET #expName_1.#expName_2 = :expValue_1, #expName_1.#expName_4.#expName_5 = :expValue_2, #expName_6 = :expValue_3 REMOVE #expName_1.#expName_3',
        { '#expName_1': 'address', '#expName_2': 'city', '#expName_3': 'zip', '#expName_4': 'geo', '#expName_5': 'lat', '#expName_6': 'age' },
        { ':expValue_1': { S: 'Paris' }, ':expValue_2': { N: 1 }, ':expValue_3': { N: 3 } },
      ),
    );
  });

  it('sets list items by index from a list of updateListItem operations (unconfirmed)', () => {
    expect(updateOf({ friendsIds: [operations.updateListItem('102', 1), operations.updateListItem('112', 2)] })).toEqual(
      expectedUpdate(
        'SET #expName_1[1] = :expValue_1, #expName_1[2] = :expValue_2',
        { '#expName_1': 'friendsIds' },
        { ':expValue_1': { S: '102' }, ':expValue_2': { S: '112' } },
      ),
    );
  });

  it('sets a plain list, and a whole map with add', () => {
    expect(updateOf({ ids: [1, 2], address: operations.add({ city: 'Paris' }) })).toEqual(
      expectedUpdate(
        'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2',
        { '#expName_1': 'ids', '#expName_2': 'address' },
        { ':expValue_1': { L: [{ N: 1 }, { N: 2 }] }, ':expValue_2': { M: { city: { S: 'Paris' } } } },
      ),
    );
  });

  it('leaves out undefined entries and names no attribute for an empty nested object', () => {
    expect(updateOf({ a: undefined, b: {}, c: 'x' })).toEqual(
      expectedUpdate('SET #expName_1 = :expValue_1', { '#expName_1': 'c' }, { ':expValue_1': { S: 'x' } }),
    );
  });

  it('keeps expressionValues (empty) when only removing (LocalStack, unconfirmed)', () => {
    expect(updateOf({ a: operations.remove() })).toEqual(expectedUpdate('REMOVE #expName_1', { '#expName_1': 'a' }, {}));
  });
});

describe('ddb.update inputs', () => {
  it('adds a condition and the versioning fields', () => {
    expect(
      ddb.update({
        key: { id: 'test' },
        update: { isVerified: true },
        condition: { name: { eq: 'x' }, version: { attributeExists: true } },
        _version: 2,
      }),
    ).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'test' } },
      update: { expression: 'SET #expName_1 = :expValue_1', expressionNames: { '#expName_1': 'isVerified' }, expressionValues: { ':expValue_1': { BOOL: true } } },
      condition: {
        expression: '(#name = :name_eq) AND (attribute_exists(#version))',
        expressionNames: { '#name': 'name', '#version': 'version' },
        expressionValues: { ':name_eq': { S: 'x' } },
      },
      _version: 2,
    });
  });

  it('refuses an update that is not an object, an unknown operation and a bad list index', () => {
    expect(() => ddb.update({ key: { id: 'a' }, update: [1] })).toThrow(
      new BuiltinInputError("update: 'update' must be an object of attributes to change"),
    );
    expect(() => updateOf({ a: { type: 'OPERATION_MULTIPLY' } })).toThrow(new BuiltinInputError("update: unknown operation 'OPERATION_MULTIPLY'"));
    expect(() => updateOf({ a: [operations.updateListItem('x', -1)] })).toThrow(
      new BuiltinInputError('update: updateListItem needs a list index (an integer ≥ 0)'),
    );
  });
});
