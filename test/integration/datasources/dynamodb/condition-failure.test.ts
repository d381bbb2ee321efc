import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from '../../../../local/datasources/types.js';
import { createDynamoDbFixture, dynamoDbMessage, itemKey, type DynamoDbFixture } from './setup.js';

/**
 * AppSync's condition-failure handling (spec appsync-js-runtime.md §5.1; AppSync Developer Guide,
 * "Condition expressions" → "Handling a condition check failure").
 */
describe('DynamoDB data source: failed conditions', () => {
  let fixture: DynamoDbFixture;
  let items: DataSource;
  const logs: string[] = [];
  const conditionFailed = {
    type: 'DynamoDB:ConditionalCheckFailedException',
    message: dynamoDbMessage('The conditional request failed'),
  };

  beforeAll(async () => {
    fixture = await createDynamoDbFixture('conditions');
    items = fixture.dataSource({ log: (message) => logs.push(message) });
  });
  afterAll(() => fixture.tables.drop());

  beforeEach(async () => {
    logs.length = 0;
    await items.invoke({
      operation: 'PutItem',
      key: itemKey('c', '1'),
      attributeValues: { name: { S: 'Steve' }, version: { N: 8 }, tags: { SS: ['a', 'b'] } },
    });
  });

  const putSteve = (attributeValues: Record<string, unknown>, condition: Record<string, unknown>) =>
    items.invoke({ operation: 'PutItem', key: itemKey('c', '1'), attributeValues, condition });

  // spec: appsync-js-runtime.md §8 item 107
  it('PutItem whose condition fails on a different item: ctx.error and the current item as ctx.result', async () => {
    const outcome = await putSteve({ name: { S: 'Bob' }, version: { N: 1 } }, { expression: 'attribute_not_exists(pk)' });
    expect(outcome).toEqual({ result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] }, error: conditionFailed });
  });

  // spec: appsync-js-runtime.md §8 item 108 (equality short-circuit)
  it('PutItem whose condition fails but whose item equals the stored one succeeds with the stored item', async () => {
    const outcome = await putSteve(
      { name: { S: 'Steve' }, version: { N: '8.0' }, tags: { SS: ['b', 'a'] } }, // equal as DynamoDB compares: 8.0 = 8, sets unordered
      { expression: 'attribute_not_exists(pk)' },
    );
    expect(outcome).toEqual({ result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] } });
  });

  it('equalsIgnore leaves the listed attributes out of the equality check (the guide’s version example)', async () => {
    const condition = { expression: 'version = :expected', expressionValues: { ':expected': { N: 1 } } };
    const attempted = { name: { S: 'Steve' }, version: { N: 2 }, tags: { SS: ['a', 'b'] } };

    expect(await putSteve(attempted, { ...condition, equalsIgnore: ['version'] })).toEqual({
      result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] },
    });
    expect(await putSteve(attempted, condition)).toEqual({
      result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] },
      error: conditionFailed,
    });
  });

  it('UpdateItem cannot know the expected result: a failed condition is always rejected', async () => {
    const outcome = await items.invoke({
      operation: 'UpdateItem',
      key: itemKey('c', '1'),
      update: { expression: 'SET #n = :n', expressionNames: { '#n': 'name' }, expressionValues: { ':n': { S: 'Steve' } } },
      condition: { expression: 'version = :v', expressionValues: { ':v': { N: 1 } } },
    });
    expect(outcome).toEqual({ result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] }, error: conditionFailed });
  });

  it('DeleteItem whose condition fails on an item that no longer exists succeeds with a null result', async () => {
    const outcome = await items.invoke({ operation: 'DeleteItem', key: itemKey('c', 'gone'), condition: { expression: 'attribute_exists(pk)' } });
    expect(outcome).toEqual({ result: null });
  });

  it('DeleteItem whose condition fails on an existing item is rejected with the item', async () => {
    const outcome = await items.invoke({
      operation: 'DeleteItem',
      key: itemKey('c', '1'),
      condition: { expression: 'version = :v', expressionValues: { ':v': { N: 1 } }, consistentRead: false },
    });
    expect(outcome).toEqual({ result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] }, error: conditionFailed });
  });

  it('a passing condition writes normally', async () => {
    const outcome = await putSteve({ name: { S: 'Stephen' }, version: { N: 9 } }, { expression: 'version = :v', expressionValues: { ':v': { N: 8 } } });
    expect(outcome).toEqual({ result: { pk: 'c', sk: '1', name: 'Stephen', version: 9 } });
  });

  it('the Custom strategy (a Lambda deciding) is not emulated: logged and treated as Reject', async () => {
    const outcome = await putSteve(
      { name: { S: 'Bob' } },
      {
        expression: 'attribute_not_exists(pk)',
        conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:decide' },
      },
    );
    expect({ outcome, logs }).toEqual({
      outcome: { result: { pk: 'c', sk: '1', name: 'Steve', version: 8, tags: ['a', 'b'] }, error: conditionFailed },
      logs: ['PutItem: conditionalCheckFailedHandler strategy "Custom" (a Lambda deciding) is not emulated locally; treated as "Reject".'],
    });
  });

  it('an unknown strategy is a MappingTemplate error', async () => {
    const outcome = await putSteve({}, { expression: 'attribute_not_exists(pk)', conditionalCheckFailedHandler: { strategy: 'Ignore' } });
    expect(outcome).toEqual({
      result: null,
      error: {
        type: 'MappingTemplate',
        message: "Unsupported value 'Ignore' for field '$[condition][conditionalCheckFailedHandler][strategy]': expected Reject or Custom.",
      },
    });
  });
});
