import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumedCapacityReport } from '../../../../local/datasources/dynamodb/dynamodb-caller.js';
import { createDynamoDbFixture, itemKey, type DynamoDbFixture } from './setup.js';

/** The observer hook used by benchmarks: ConsumedCapacity per DynamoDB call, asked for only when observed. */
describe('DynamoDB data source: consumed capacity observer', () => {
  let fixture: DynamoDbFixture;
  /** `ReturnConsumedCapacity` of every command the suite's client sends, recorded by an SDK middleware. */
  const requested: unknown[] = [];

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('capacity');
    fixture.tables.client.middlewareStack.add(
      (next) => async (args) => {
        requested.push((args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity);
        return next(args);
      },
      { step: 'initialize', name: 'recordReturnConsumedCapacity' },
    );
  });
  afterAll(() => fixture.tables.drop());

  it('reports each call with its capacity when an observer is set', async () => {
    const reports: ConsumedCapacityReport[] = [];
    const observed = fixture.dataSource({ onConsumedCapacity: (report) => reports.push(report) });
    requested.length = 0;

    await observed.invoke({ operation: 'PutItem', key: itemKey('c', '1'), attributeValues: { n: { N: 1 } } });
    await observed.invoke({ operation: 'PutItem', key: itemKey('c', '1'), attributeValues: { n: { N: 2 } }, condition: { expression: 'attribute_not_exists(pk)' } });
    await observed.invoke({ operation: 'BatchGetItem', tables: { Items: { keys: [itemKey('c', '1')] }, Others: { keys: [{ id: { S: 'x' } }] } } });

    const table = fixture.tables.physicalName('Items');
    const others = fixture.tables.physicalName('Others');
    const capacity = (tableName: string) => ({ TableName: tableName, CapacityUnits: expect.any(Number) });
    expect({ requested, reports }).toEqual({
      requested: ['TOTAL', 'TOTAL', 'TOTAL', 'TOTAL'],
      reports: [
        { dataSource: 'ItemsSource', operation: 'PutItem', call: 'PutItem', consumedCapacity: [capacity(table)] },
        // The failed conditional put reports nothing; AppSync's read of the current item does.
        { dataSource: 'ItemsSource', operation: 'PutItem', call: 'GetItem', consumedCapacity: [capacity(table)] },
        {
          dataSource: 'ItemsSource',
          operation: 'BatchGetItem',
          call: 'BatchGetItem',
          consumedCapacity: expect.arrayContaining([capacity(table), capacity(others)]),
        },
      ],
    });
  });

  it('does not ask DynamoDB for capacity without an observer', async () => {
    const plain = fixture.dataSource();
    requested.length = 0;
    await plain.invoke({ operation: 'GetItem', key: itemKey('c', '1') });
    await plain.invoke({ operation: 'Query', query: { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'c' } } } });
    expect(requested).toEqual([undefined, undefined]);
  });
});
