/**
 * `query`, `scan`, `sync` of `@aws-appsync/utils/dynamodb` (spec appsync-js-runtime.md §4.1, §5.1).
 * (obs) = recorded on AWS (localstack/appsync-utils `__tests__/__snapshots__/index.test.js.snap`);
 * the key condition and filters use the `util.transform` generator (unconfirmed for these helpers).
 */
import { describe, expect, it } from 'vitest';
import { dynamodbModule as ddb } from '../../../../local/runtime/dynamodb/index.js';
import { BuiltinInputError } from '../../../../local/runtime/signals.js';

describe('ddb.scan', () => {
  it('passes limit and nextToken through and adds nothing else', () => {
    // spec: appsync-js-runtime.md §8 item 97 (obs)
    expect(ddb.scan({ limit: 10, nextToken: 'abc' })).toEqual({ operation: 'Scan', limit: 10, nextToken: 'abc' });
  });

  it('passes every plain field through and converts filter and projection', () => {
    expect(
      ddb.scan({
        index: 'byStatus',
        limit: 5,
        consistentRead: false,
        totalSegments: 4,
        segment: 1,
        select: 'ALL_ATTRIBUTES',
        filter: { status: { ne: 'DONE' } },
        projection: ['id', 'status'],
      }),
    ).toEqual({
      operation: 'Scan',
      index: 'byStatus',
      limit: 5,
      consistentRead: false,
      totalSegments: 4,
      segment: 1,
      select: 'ALL_ATTRIBUTES',
      filter: { expression: '(#status <> :status_ne)', expressionNames: { '#status': 'status' }, expressionValues: { ':status_ne': { S: 'DONE' } } },
      projection: { expression: '#expName_1, #expName_2', expressionNames: { '#expName_1': 'id', '#expName_2': 'status' } },
    });
  });

  it('works without an argument', () => {
    expect(ddb.scan()).toEqual({ operation: 'Scan' });
  });
});

describe('ddb.query', () => {
  it('renders the key condition with the transform generator', () => {
    // spec §4.1: expected `(#id = :id_eq)` for { id: { eq: "1" } } (unconfirmed)
    expect(ddb.query({ query: { id: { eq: '1' } } })).toEqual({
      operation: 'Query',
      query: { expression: '(#id = :id_eq)', expressionNames: { '#id': 'id' }, expressionValues: { ':id_eq': { S: '1' } } },
    });
  });

  it('combines a partition key, a sort key condition, a filter and the plain fields', () => {
    expect(
      ddb.query({
        query: { pk: { eq: 'BOARD#1' }, sk: { beginsWith: 'CARD#' } },
        filter: { or: [{ archived: { eq: false } }, { archived: { attributeExists: false } }] },
        index: 'gsi1',
        limit: 20,
        nextToken: 'tok',
        scanIndexForward: false,
        consistentRead: true,
        select: 'ALL_PROJECTED_ATTRIBUTES',
        projection: ['title'],
      }),
    ).toEqual({
      operation: 'Query',
      query: {
        expression: '(#pk = :pk_eq) AND (begins_with(#sk,:sk_beginsWith))',
        expressionNames: { '#pk': 'pk', '#sk': 'sk' },
        expressionValues: { ':pk_eq': { S: 'BOARD#1' }, ':sk_beginsWith': { S: 'CARD#' } },
      },
      filter: {
        expression: '((#archived = :or_0_archived_eq) OR (attribute_not_exists(#archived)))',
        expressionNames: { '#archived': 'archived' },
        expressionValues: { ':or_0_archived_eq': { BOOL: false } },
      },
      index: 'gsi1',
      limit: 20,
      nextToken: 'tok',
      scanIndexForward: false,
      consistentRead: true,
      select: 'ALL_PROJECTED_ATTRIBUTES',
      projection: { expression: '#expName_1', expressionNames: { '#expName_1': 'title' } },
    });
  });

  it('refuses a query without a key condition', () => {
    expect(() => ddb.query({ limit: 1 })).toThrow(new BuiltinInputError("query: 'query' (the key condition) is required"));
  });
});

describe('ddb.sync', () => {
  it('passes the sync fields through and converts the filter', () => {
    // spec §4.1 / §5.1 (typings); AWS once refused this helper at compile time (TS2339), availability unconfirmed
    expect(
      ddb.sync({ basePartitionKey: 'Post', deltaIndexName: 'delta', limit: 100, nextToken: 'n', lastSync: 1700000000000, filter: { a: { gt: 1 } } }),
    ).toEqual({
      operation: 'Sync',
      basePartitionKey: 'Post',
      deltaIndexName: 'delta',
      limit: 100,
      nextToken: 'n',
      lastSync: 1700000000000,
      filter: { expression: '(#a > :a_gt)', expressionNames: { '#a': 'a' }, expressionValues: { ':a_gt': { N: 1 } } },
    });
  });

  it('works with only a limit', () => {
    expect(ddb.sync({ limit: 10 })).toEqual({ operation: 'Sync', limit: 10 });
  });
});
