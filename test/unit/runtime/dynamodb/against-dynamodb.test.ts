/**
 * The expressions whose exact AppSync text is unconfirmed (spec appsync-js-runtime.md §4.3 and §3.5:
 * several update entries, remove, nested paths, list items, nulls; conditions, filters, key
 * conditions, projections) must at least be valid DynamoDB: this suite sends what the helpers build
 * to DynamoDB Local and checks the items that result.
 *
 * The requests are sent the way a DynamoDB data source must send them: AppSync's typed JSON keeps
 * numbers as JSON numbers (`{ N: 1 }`) and writes `{ NULL: null }` where the SDK wants `"1"` and
 * `true`, and an empty
 * `expressionValues` map is left out (DynamoDB refuses empty maps).
 */
import { randomBytes } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue as SdkAttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoDbClient } from '../../../../local/dynamodb/launcher.js';
import type { AttributeMap, AttributeValue } from '../../../../local/runtime/dynamodb/attribute-values.js';
import { dynamodbModule as ddb } from '../../../../local/runtime/dynamodb/index.js';
import { transformUtil } from '../../../../local/runtime/util/transform.js';

const { operations } = ddb;

/** AppSync typed JSON → SDK attribute value (numbers as strings, `NULL: null` as `NULL: true`, recursively). */
function toSdkValue(value: AttributeValue): SdkAttributeValue {
  if ('NULL' in value) return { NULL: true };
  if ('N' in value) return { N: String(value.N) };
  if ('NS' in value) return { NS: value.NS.map(String) };
  if ('L' in value) return { L: value.L.map(toSdkValue) };
  if ('M' in value) return { M: toSdkMap(value.M) };
  return value as SdkAttributeValue;
}

function toSdkMap(map: AttributeMap): Record<string, SdkAttributeValue> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toSdkValue(value)]));
}

interface ExpressionObject {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: AttributeMap;
}

/** Names and values of several expressions of one request, merged; empty maps left out. */
function placeholders(...expressions: Array<ExpressionObject | undefined>): {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, SdkAttributeValue>;
} {
  const names = Object.assign({}, ...expressions.map((expression) => expression?.expressionNames ?? {})) as Record<string, string>;
  const values = Object.assign({}, ...expressions.map((expression) => expression?.expressionValues ?? {})) as AttributeMap;
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: toSdkMap(values) } : {}),
  };
}

let client: DynamoDBClient;
const table = `t-dynamodb-helpers-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  client = localDynamoDbClient(inject('dynamodbEndpoint'));
  await client.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: table }));
  client.destroy();
});

/** Writes what `ddb.put` builds: the item is the key plus attributeValues (spec §4.1). */
async function putItem(key: Record<string, unknown>, item: Record<string, unknown>): Promise<void> {
  const request = ddb.put({ key, item });
  await client.send(new PutItemCommand({ TableName: table, Item: toSdkMap({ ...request.attributeValues, ...request.key }) }));
}

/** Runs what `ddb.update` builds and answers the item after the update. */
async function runUpdate(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const request = ddb.update(input);
  const answer = await client.send(
    new UpdateItemCommand({
      TableName: table,
      Key: toSdkMap(request.key),
      UpdateExpression: request.update.expression,
      ...(request.condition ? { ConditionExpression: request.condition.expression } : {}),
      ...placeholders(request.update, request.condition),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return unmarshall(answer.Attributes ?? {});
}

describe('update expressions built by ddb.update run on DynamoDB Local', () => {
  it('applies every operation, nested paths, list items and nulls in one request', async () => {
    const key = { pk: 'card', sk: 'all-ops' };
    await putItem(key, {
      title: 'old',
      views: 10,
      stock: 5,
      tags: ['b'],
      history: ['h2'],
      gone: 'x',
      address: { city: 'Lyon', zip: '69000', geo: { lat: 0 } },
      friends: ['f0', 'f1', 'f2'],
    });
    const item = await runUpdate({
      key,
      update: {
        title: 'new',
        note: null,
        views: operations.increment(5),
        stock: operations.decrement(),
        tags: operations.append(['c']),
        history: operations.prepend(['h1']),
        gone: operations.remove(),
        address: { city: 'Paris', zip: operations.remove(), geo: { lat: 48.85 } },
        friends: [operations.updateListItem('F1', 1), operations.updateListItem('F2', 2)],
        meta: operations.add({ by: 'me', at: 1 }),
        rank: operations.replace([1, 2]),
      },
      condition: { views: { eq: 10 }, gone: { attributeExists: true } },
    });
    expect(item).toEqual({
      pk: 'card',
      sk: 'all-ops',
      title: 'new',
      note: null,
      views: 15,
      stock: 4,
      tags: ['b', 'c'],
      history: ['h1', 'h2'],
      address: { city: 'Paris', geo: { lat: 48.85 } },
      friends: ['f0', 'F1', 'F2'],
      meta: { by: 'me', at: 1 },
      rank: [1, 2],
    });
  });

  it('runs a remove-only update (its empty expressionValues left out)', async () => {
    const key = { pk: 'card', sk: 'remove-only' };
    await putItem(key, { a: 1, b: 2, c: 3 });
    expect(await runUpdate({ key, update: { a: operations.remove(), c: operations.remove() } })).toEqual({ pk: 'card', sk: 'remove-only', b: 2 });
  });

  it('rejects the update when the generated condition does not hold', async () => {
    const key = { pk: 'card', sk: 'guarded' };
    await putItem(key, { version: 1 });
    await expect(runUpdate({ key, update: { version: 2 }, condition: { version: { eq: 7 } } })).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
  });
});

describe('condition and filter expressions built by util.transform run on DynamoDB Local', () => {
  const key = { pk: 'cond', sk: 'subject' };

  beforeAll(async () => {
    await putItem(key, { status: 'OPEN', count: 5, title: 'Hello World', tags: ['a', 'b'], owner: null, nested: { level: 2 } });
  });

  /** Whether DynamoDB accepts the condition as true (the update happens) or false (it is refused). */
  async function holds(conditionObject: Record<string, unknown>): Promise<boolean> {
    const built = JSON.parse(transformUtil.toDynamoDBConditionExpression(conditionObject) ?? 'null') as ExpressionObject;
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: toSdkMap(ddb.get({ key }).key),
          UpdateExpression: 'SET #touched = :touched',
          ConditionExpression: built.expression,
          ...placeholders(built, {
            expression: '',
            expressionNames: { '#touched': 'touched' },
            expressionValues: { ':touched': { BOOL: true } },
          }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  it('evaluates every operator as DynamoDB reads it', async () => {
    const cases: Array<[Record<string, unknown>, boolean]> = [
      [{ status: { eq: 'OPEN' }, count: { ne: 4 } }, true],
      [{ count: { lt: 6, le: 5, gt: 4, ge: 5 } }, true],
      [{ count: { gt: 5 } }, false],
      [{ title: { contains: 'World', notContains: 'Bye', beginsWith: 'Hell' } }, true],
      [{ tags: { contains: 'b' } }, true],
      [{ count: { between: [1, 5] } }, true],
      [{ status: { in: ['DONE', 'OPEN'] } }, true],
      [{ status: { in: ['DONE'] } }, false],
      [{ owner: { attributeExists: true }, missing: { attributeExists: false } }, true],
      [{ owner: { attributeType: '_null' }, tags: { attributeType: 'list' }, nested: { attributeType: 'map' }, count: { attributeType: 'number' } }, true],
      [{ tags: { size: { eq: 2 } }, title: { size: { between: [5, 20] } } }, true],
      [{ or: [{ status: { eq: 'DONE' } }, { and: [{ count: { eq: 5 } }, { not: { title: { eq: 'x' } } }] }] }, true],
      [{ not: { status: { eq: 'OPEN' } } }, false],
    ];
    const results: boolean[] = [];
    for (const [conditionObject] of cases) results.push(await holds(conditionObject));
    expect(results).toEqual(cases.map(([, expected]) => expected));
  });
});

describe('query, scan and projections built by the helpers run on DynamoDB Local', () => {
  beforeAll(async () => {
    await putItem({ pk: 'board', sk: 'CARD#1' }, { title: 'one', points: 1, done: false });
    await putItem({ pk: 'board', sk: 'CARD#2' }, { title: 'two', points: 2, done: true });
    await putItem({ pk: 'board', sk: 'CARD#3' }, { title: 'three', points: 3, done: false });
    await putItem({ pk: 'board', sk: 'META' }, { title: 'board' });
  });

  it('query: key condition with beginsWith, a filter and a projection', async () => {
    const request = ddb.query({
      query: { pk: { eq: 'board' }, sk: { beginsWith: 'CARD#' } },
      filter: { done: { eq: false }, points: { ge: 2 } },
      projection: ['sk', 'title'],
      scanIndexForward: false,
    });
    const answer = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: request.query.expression,
        FilterExpression: request.filter?.expression,
        ProjectionExpression: request.projection?.expression,
        ScanIndexForward: request.scanIndexForward,
        ...placeholders(request.query, request.filter, request.projection),
      }),
    );
    expect((answer.Items ?? []).map((item) => unmarshall(item))).toEqual([{ sk: 'CARD#3', title: 'three' }]);
  });

  it('query: key condition with between', async () => {
    const request = ddb.query({ query: { pk: { eq: 'board' }, sk: { between: ['CARD#1', 'CARD#2'] } }, projection: ['sk'] });
    const answer = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: request.query.expression,
        ProjectionExpression: request.projection?.expression,
        ...placeholders(request.query, request.projection),
      }),
    );
    expect((answer.Items ?? []).map((item) => unmarshall(item))).toEqual([{ sk: 'CARD#1' }, { sk: 'CARD#2' }]);
  });

  it('scan: a filter with or/not and a nested projection', async () => {
    await putItem({ pk: 'scan', sk: 'x' }, { info: { label: 'L', n: 1 }, kind: 'special' });
    const request = ddb.scan({
      filter: { or: [{ kind: { eq: 'special' } }, { not: { pk: { ne: 'nothing-matches-this' } } }] },
      projection: ['pk', 'info.label'],
    });
    const answer = await client.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: request.filter?.expression,
        ProjectionExpression: request.projection?.expression,
        ...placeholders(request.filter, request.projection),
      }),
    );
    expect((answer.Items ?? []).map((item) => unmarshall(item))).toEqual([{ pk: 'scan', info: { label: 'L' } }]);
  });
});
