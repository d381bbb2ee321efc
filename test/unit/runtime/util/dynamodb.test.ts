/**
 * `util.dynamodb` (spec appsync-js-runtime.md §3.4). Items marked (obs) match output recorded on AWS
 * with EvaluateCode (localstack/appsync-utils `__tests__/__snapshots__/index.test.js.snap`).
 */
import { describe, expect, it } from 'vitest';
import { dynamodbUtil } from '../../../../local/runtime/util/dynamodb.js';
import { BuiltinInputError } from '../../../../local/runtime/signals.js';

describe('util.dynamodb.toDynamoDB', () => {
  it('wraps a string in S', () => {
    // spec: appsync-js-runtime.md §8 item 77 (obs)
    expect(dynamodbUtil.toDynamoDB('test')).toEqual({ S: 'test' });
  });

  it('keeps a number a JSON number inside N', () => {
    // spec: §8 item 78 (obs)
    expect(dynamodbUtil.toDynamoDB(12345)).toEqual({ N: 12345 });
  });

  it('wraps a boolean in BOOL', () => {
    // spec: §8 item 79 (obs)
    expect(dynamodbUtil.toDynamoDB(true)).toEqual({ BOOL: true });
  });

  it('turns null into NULL, and answers null for no value at all', () => {
    // spec §3.4: NULL implied by the return type; toDynamoDB(undefined) unconfirmed, `null` recommended
    expect([dynamodbUtil.toDynamoDB(null), dynamodbUtil.toDynamoDB(undefined)]).toEqual([{ NULL: null }, null]);
  });

  it('turns a missing list element into NULL, as JSON does', () => {
    expect(dynamodbUtil.toDynamoDB([1, undefined])).toEqual({ L: [{ N: 1 }, { NULL: null }] });
  });

  it('converts nested lists and objects recursively and never infers sets', () => {
    // spec §3.4 (obs for one level, checklist items 84-86)
    expect(dynamodbUtil.toDynamoDB({ a: [1, 'x', { b: [true, null] }], c: { d: 1.5 } })).toEqual({
      M: {
        a: { L: [{ N: 1 }, { S: 'x' }, { M: { b: { L: [{ BOOL: true }, { NULL: null }] } } }] },
        c: { M: { d: { N: 1.5 } } },
      },
    });
  });

  it('drops object entries whose value is undefined, as JSON does (unconfirmed)', () => {
    expect(dynamodbUtil.toDynamoDB({ a: 1, b: undefined })).toEqual({ M: { a: { N: 1 } } });
  });

  it('keeps a __proto__ key as an ordinary attribute', () => {
    const value = JSON.parse('{"__proto__": "x"}') as unknown;
    const converted = dynamodbUtil.toMapValues(value);
    expect(Object.keys(converted ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => dynamodbUtil.toDynamoDB(Number.NaN)).toThrow(
      new BuiltinInputError('cannot convert NaN to a DynamoDB number: only finite numbers are allowed'),
    );
  });
});

describe('util.dynamodb typed converters', () => {
  it('toString wraps in S and answers null for null', () => {
    // spec: §8 item 89 (doc); toString("test") (obs)
    expect([dynamodbUtil.toString('test'), dynamodbUtil.toString(null), dynamodbUtil.toString(undefined)]).toEqual([
      { S: 'test' },
      null,
      null,
    ]);
  });

  it('toStringSet keeps the list as given', () => {
    // spec: §8 item 81 (obs)
    expect(dynamodbUtil.toStringSet(['foo', 'bar', 'baz'])).toEqual({ SS: ['foo', 'bar', 'baz'] });
  });

  it('toNumber keeps the number', () => {
    // spec §3.4 (obs: toNumber(12345) → { N: 12345 })
    expect(dynamodbUtil.toNumber(12345)).toEqual({ N: 12345 });
  });

  it('toNumberSet keeps numbers as numbers', () => {
    // spec: §8 item 80 (obs)
    expect(dynamodbUtil.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
  });

  it('toBinary and toBinarySet pass values through without base64 validation', () => {
    // spec: §8 item 82 (obs); toBinarySet (obs)
    expect([dynamodbUtil.toBinary('foo'), dynamodbUtil.toBinarySet(['foo', 'bar', 'baz'])]).toEqual([
      { B: 'foo' },
      { BS: ['foo', 'bar', 'baz'] },
    ]);
  });

  it('toBoolean wraps in BOOL', () => {
    // spec §3.4 (obs: toBoolean(true))
    expect(dynamodbUtil.toBoolean(true)).toEqual({ BOOL: true });
  });

  it('toNull answers NULL', () => {
    // spec: §8 item 83 (obs)
    expect(dynamodbUtil.toNull()).toEqual({ NULL: null });
  });

  it('the set and scalar converters answer null for null', () => {
    // spec §3.4: the typings' `| null` return types
    expect([
      dynamodbUtil.toStringSet(null),
      dynamodbUtil.toNumber(null),
      dynamodbUtil.toNumberSet(undefined),
      dynamodbUtil.toBinary(null),
      dynamodbUtil.toBinarySet(null),
      dynamodbUtil.toBoolean(undefined),
    ]).toEqual([null, null, null, null, null, null]);
  });

  it('toList converts every element', () => {
    // spec: §8 item 84 (obs)
    expect(dynamodbUtil.toList(['foo', 123, { bar: 'baz' }])).toEqual({
      L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }],
    });
  });

  it('toMapValues converts each entry without wrapping the map', () => {
    // spec: §8 item 85 (obs)
    expect(dynamodbUtil.toMapValues({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      foo: { S: 'bar' },
      baz: { N: 1234 },
      beep: { L: [{ S: 'boop' }] },
    });
  });

  it('toMap wraps the converted entries in M', () => {
    // spec: §8 item 86 (obs)
    expect(dynamodbUtil.toMap({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
  });

  it('toList, toMap and toMapValues answer null for input of the wrong kind (the typings’ return types)', () => {
    expect([dynamodbUtil.toList('x'), dynamodbUtil.toMap([1]), dynamodbUtil.toMapValues(null)]).toEqual([null, null, null]);
  });
});

describe('util.dynamodb S3 objects', () => {
  it('toS3Object writes compact JSON in the order key, bucket, region', () => {
    // spec: §8 item 87 (obs)
    expect(dynamodbUtil.toS3Object('foo', 'bar', 'baz')).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
  });

  it('toS3Object appends the version inside s3', () => {
    // spec: §8 item 88 (obs)
    expect(dynamodbUtil.toS3Object('foo', 'bar', 'baz', 'beep')).toEqual({
      S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
    });
  });

  it('fromS3ObjectJson reads back what toS3Object stored (unconfirmed exact output)', () => {
    const stored = dynamodbUtil.toS3Object('foo', 'bar', 'baz', 'beep');
    expect([dynamodbUtil.fromS3ObjectJson(stored?.S ?? ''), dynamodbUtil.fromS3ObjectJson(dynamodbUtil.toS3Object('k', 'b', 'r').S)]).toEqual([
      { key: 'foo', bucket: 'bar', region: 'baz', version: 'beep' },
      { key: 'k', bucket: 'b', region: 'r' },
    ]);
  });

  it('fromS3ObjectJson refuses a string that is not an S3 object', () => {
    expect(() => dynamodbUtil.fromS3ObjectJson('{"s3": 1}')).toThrow(
      new BuiltinInputError('util.dynamodb.fromS3ObjectJson: expected a string like {"s3":{"key":…,"bucket":…,"region":…}}'),
    );
  });
});
