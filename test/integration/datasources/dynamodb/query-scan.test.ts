import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, DataSourceResult } from '../../../../local/datasources/types.js';
import { createDynamoDbFixture, itemKey, type DynamoDbFixture } from './setup.js';

/** Seven items in partition `q`: sk q1..q7, status open/done alternating, `_lastChangedAt` 1000·n. */
const SEEDED = Array.from({ length: 7 }, (_, index) => ({
  pk: 'q',
  sk: `q${index + 1}`,
  status: index % 2 === 0 ? 'open' : 'done',
  _lastChangedAt: 1000 * (index + 1),
}));

const invalidToken = {
  result: null,
  // Observed on AppSync for a token it did not issue (aws-amplify/amplify-cli#3411).
  error: {
    type: 'DynamoDB:UserIllegalArgumentException',
    message: 'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
  },
};

const byStatusQuery = { expression: '#status = :status', expressionNames: { '#status': 'status' }, expressionValues: { ':status': { S: 'open' } } };
const partitionQuery = { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'q' } } };

function resultOf(outcome: DataSourceResult): { items: unknown[]; nextToken: string | null } {
  expect(outcome.error).toBeUndefined();
  return outcome.result as { items: unknown[]; nextToken: string | null };
}

describe('DynamoDB data source: Query, Scan, Sync and nextToken', () => {
  let fixture: DynamoDbFixture;
  let items: DataSource;

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('query-scan');
    items = fixture.dataSource({ now: () => 1_700_000_000_000 });
    for (const { pk, sk, status, _lastChangedAt } of SEEDED) {
      await items.invoke({
        operation: 'PutItem',
        key: itemKey(pk, sk),
        attributeValues: { status: { S: status }, _lastChangedAt: { N: _lastChangedAt } },
      });
    }
  });
  afterAll(() => fixture.tables.drop());

  // spec: appsync-js-runtime.md §8 item 105
  it('Query pages through a partition with nextToken; the last page has nextToken null', async () => {
    const first = await items.invoke({ operation: 'Query', query: partitionQuery, limit: 3 });
    expect(first).toEqual({ result: { items: SEEDED.slice(0, 3), nextToken: expect.any(String), scannedCount: 3 } });

    const second = await items.invoke({ operation: 'Query', query: partitionQuery, limit: 3, nextToken: resultOf(first).nextToken });
    expect(second).toEqual({ result: { items: SEEDED.slice(3, 6), nextToken: expect.any(String), scannedCount: 3 } });

    const last = await items.invoke({ operation: 'Query', query: partitionQuery, limit: 3, nextToken: resultOf(second).nextToken });
    expect(last).toEqual({ result: { items: SEEDED.slice(6), nextToken: null, scannedCount: 1 } });
  });

  it('Query with a filter, descending order, and a GSI', async () => {
    const filtered = await items.invoke({
      operation: 'Query',
      query: partitionQuery,
      filter: { expression: '#s = :done', expressionNames: { '#s': 'status' }, expressionValues: { ':done': { S: 'done' } } },
      scanIndexForward: false,
    });
    expect(filtered).toEqual({ result: { items: [SEEDED[5], SEEDED[3], SEEDED[1]], nextToken: null, scannedCount: 7 } });

    const onIndex = await items.invoke({ operation: 'Query', index: 'byStatus', query: byStatusQuery, projection: { expression: 'sk' } });
    expect(onIndex).toEqual({ result: { items: [{ sk: 'q1' }, { sk: 'q3' }, { sk: 'q5' }, { sk: 'q7' }], nextToken: null, scannedCount: 4 } });
  });

  it('a GSI query pages with tokens scoped to the index', async () => {
    const first = await items.invoke({ operation: 'Query', index: 'byStatus', query: byStatusQuery, limit: 2 });
    expect(first).toEqual({ result: { items: [SEEDED[0], SEEDED[2]], nextToken: expect.any(String), scannedCount: 2 } });
    const token = resultOf(first).nextToken;

    const second = await items.invoke({ operation: 'Query', index: 'byStatus', query: byStatusQuery, limit: 2, nextToken: token });
    expect(second).toEqual({ result: { items: [SEEDED[4], SEEDED[6]], nextToken: expect.any(String), scannedCount: 2 } });

    // The same token on the table itself is a foreign token.
    expect(await items.invoke({ operation: 'Query', query: partitionQuery, nextToken: token })).toEqual(invalidToken);
  });

  it('Scan pages through the table and reports scannedCount', async () => {
    const first = await items.invoke({ operation: 'Scan', limit: 4 });
    expect(first).toEqual({ result: { items: SEEDED.slice(0, 4), nextToken: expect.any(String), scannedCount: 4 } });
    const rest = await items.invoke({
      operation: 'Scan',
      limit: 4,
      nextToken: resultOf(first).nextToken,
      filter: { expression: '#s = :open', expressionNames: { '#s': 'status' }, expressionValues: { ':open': { S: 'open' } } },
    });
    expect(rest).toEqual({ result: { items: [SEEDED[4], SEEDED[6]], nextToken: null, scannedCount: 3 } });
  });

  it('Scan segments together cover the table', async () => {
    const segments = await Promise.all([0, 1].map((segment) => items.invoke({ operation: 'Scan', segment, totalSegments: 2 })));
    const all = segments.flatMap((outcome) => resultOf(outcome).items);
    expect(all.sort((a, b) => String((a as { sk: string }).sk).localeCompare(String((b as { sk: string }).sk)))).toEqual(SEEDED);
  });

  it('Query with select COUNT answers no items, only the count scanned', async () => {
    expect(await items.invoke({ operation: 'Query', query: partitionQuery, select: 'COUNT' })).toEqual({
      result: { items: [], nextToken: null, scannedCount: 7 },
    });
  });

  describe('refused tokens', () => {
    let token: string;
    beforeAll(async () => {
      token = resultOf(await items.invoke({ operation: 'Scan', limit: 1 })).nextToken as string;
    });

    it('accepts its own token, also from another data source of the same process', async () => {
      const sibling = fixture.dataSource({ name: 'Sibling' });
      expect(await sibling.invoke({ operation: 'Scan', limit: 1, nextToken: token })).toEqual({
        result: { items: [SEEDED[1]], nextToken: expect.any(String), scannedCount: 1 },
      });
    });

    it('refuses a tampered token', async () => {
      const [payload, signature] = token.split('.') as [string, string];
      const envelope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      envelope.lek.sk.S = 'q5';
      const forged = `${Buffer.from(JSON.stringify(envelope)).toString('base64url')}.${signature}`;
      expect(await items.invoke({ operation: 'Scan', nextToken: forged })).toEqual(invalidToken);
    });

    it('refuses a token of another table, of another secret, and garbage', async () => {
      const others = fixture.dataSource({ table: 'Others' });
      expect(await others.invoke({ operation: 'Scan', nextToken: token })).toEqual(invalidToken);
      const otherSecret = fixture.dataSource({ paginationSecret: 'another key' });
      expect(await otherSecret.invoke({ operation: 'Scan', nextToken: token })).toEqual(invalidToken);
      expect(await items.invoke({ operation: 'Scan', nextToken: 'eyJ2ZXJzaW9uIjoyfQ==' })).toEqual(invalidToken);
      expect(await items.invoke({ operation: 'Scan', nextToken: 'a.b.c' })).toEqual(invalidToken);
    });
  });

  // Sync is a Scan locally (no delta table): see query-scan.ts.
  describe('Sync', () => {
    it('answers items, nextToken and startedAt (the clock when the sync started)', async () => {
      const first = await items.invoke({ operation: 'Sync', limit: 5 });
      expect(first).toEqual({ result: { items: SEEDED.slice(0, 5), nextToken: expect.any(String), startedAt: 1_700_000_000_000 } });
      const rest = await items.invoke({ operation: 'Sync', limit: 5, nextToken: resultOf(first).nextToken });
      expect(rest).toEqual({ result: { items: SEEDED.slice(5), nextToken: null, startedAt: 1_700_000_000_000 } });
    });

    it('with lastSync, answers only items changed since then (combined with the filter)', async () => {
      const outcome = await items.invoke({
        operation: 'Sync',
        lastSync: 4000,
        filter: { expression: '#s = :open', expressionNames: { '#s': 'status' }, expressionValues: { ':open': { S: 'open' } } },
      });
      expect(outcome).toEqual({ result: { items: [SEEDED[4], SEEDED[6]], nextToken: null, startedAt: 1_700_000_000_000 } });
    });

    it('refuses a limit above 1000', async () => {
      expect(await items.invoke({ operation: 'Sync', limit: 1001 })).toEqual({
        result: null,
        error: { type: 'MappingTemplate', message: 'Sync limit 1001 is too large: the maximum is 1000 items.' },
      });
    });
  });
});
