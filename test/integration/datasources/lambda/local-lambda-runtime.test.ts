/**
 * The local Lambda runtime against real bundles of the fixture handlers, each run in real child
 * processes, and DynamoDB Local for the SDK fixture.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../../../../local/dynamodb/launcher.js';
import { LocalLambdaRuntime } from '../../../../local/lambda/local-lambda-runtime.js';
import type { FunctionLogLine } from '../../../../local/lambda/execution-environment.js';
import type { LocalLambdaSettings } from '../../../../local/lambda/environment.js';
import { bundleFixtures, type FixtureName } from '../../../fixtures/lambda/functions.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FIXTURES: FixtureName[] = [
  'echo', 'throws', 'customError', 'sleeps', 'exits', 'uncaught', 'outOfMemory', 'context', 'counter',
  'syncStyle', 'callbackStyle', 'callbackError', 'returnsNothing', 'missingHandler', 'dynamodb', 'logs', 'brokenInit',
];

describe('local Lambda runtime', () => {
  const tableName = `lambda-items-${randomUUID()}`;
  const dynamodb = localDynamoDbClient(inject('dynamodbEndpoint'));
  const logs: FunctionLogLine[] = [];
  let bundles: Awaited<ReturnType<typeof bundleFixtures>>;
  let runtime: LocalLambdaRuntime;
  let settings: LocalLambdaSettings;

  beforeAll(async () => {
    bundles = await bundleFixtures(FIXTURES);
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    settings = {
      tableName: (name) => (name === 'Items' ? tableName : `unknown-${name}`),
      graphqlUrl: () => 'http://127.0.0.1:4999/graphql',
      dynamodbEndpoint: inject('dynamodbEndpoint'),
      region: 'eu-west-1',
      accountId: '000000000000',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
    runtime = new LocalLambdaRuntime({ functions: bundles.functions, bundleDir: bundles.bundleDir, settings, log: (line) => logs.push(line) });
  });

  afterAll(async () => {
    await runtime?.close();
    await bundles?.remove();
    await dynamodb.send(new DeleteTableCommand({ TableName: tableName }));
    dynamodb.destroy();
  });

  it('passes the payload as JSON and answers with the JSON result', async () => {
    const outcome = await runtime.invokeFunction('echo', { id: 'a1', nested: { list: [1, 'two', null] }, dropped: undefined });
    expect(outcome).toEqual({ result: { received: { id: 'a1', nested: { list: [1, 'two', null] } } } });
  });

  it("reports a thrown error with the error's name and message", async () => {
    // spec: appsync-js-runtime.md §8 item 112 (the function side of it)
    expect(await runtime.invokeFunction('throws', {})).toEqual({ error: { errorType: 'Error', errorMessage: 'Parameter cannot be empty' } });
    expect(await runtime.invokeFunction('customError', {})).toEqual({ error: { errorType: 'catalog.1234', errorMessage: 'token error' } });
  });

  it('supports synchronous, callback-style and value-less handlers', async () => {
    expect(await runtime.invokeFunction('syncStyle', { n: 4 })).toEqual({ result: { doubled: 8 } });
    expect(await runtime.invokeFunction('callbackStyle', { n: 4 })).toEqual({ result: { tripled: 12 } });
    expect(await runtime.invokeFunction('callbackError', {})).toEqual({ error: { errorType: 'RangeError', errorMessage: 'out of range' } });
    expect(await runtime.invokeFunction('returnsNothing', {})).toEqual({ result: null });
  });

  it('reports a missing handler export and a module that fails to load as Lambda does', async () => {
    expect(await runtime.invokeFunction('missingHandler', {})).toEqual({
      error: { errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.notExported is undefined or not exported' },
    });
    expect(await runtime.invokeFunction('brokenInit', {})).toEqual({ error: { errorType: 'Error', errorMessage: 'configuration missing' } });
  });

  it('stops a function at its timeout with Lambda\'s message, and serves the next invocation', async () => {
    const outcome = await runtime.invokeFunction('sleeps', {});
    expect(outcome).toEqual({
      error: { errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(new RegExp(`^RequestId: ${UUID} Error: Task timed out after 1\\.00 seconds$`)) },
    });
    expect(await runtime.invokeFunction('echo', 'after timeout')).toEqual({ result: { received: 'after timeout' } });
  });

  it('survives process.exit in a handler and reports it as a runtime exit', async () => {
    expect(await runtime.invokeFunction('exits', { code: 3 })).toEqual({
      error: { errorType: 'Runtime.ExitError', errorMessage: expect.stringMatching(new RegExp(`^RequestId: ${UUID} Error: Runtime exited with error: exit status 3$`)) },
    });
    // Unconfirmed wording for a clean exit (see local/lambda/function-errors.ts).
    expect(await runtime.invokeFunction('exits', { code: 0 })).toEqual({
      error: { errorType: 'Runtime.ExitError', errorMessage: expect.stringMatching(new RegExp(`^RequestId: ${UUID} Error: Runtime exited without providing a reason$`)) },
    });
    expect(await runtime.invokeFunction('echo', 'still serving')).toEqual({ result: { received: 'still serving' } });
  });

  it('reports an uncaught exception thrown outside the handler for the invocation in progress', async () => {
    expect(await runtime.invokeFunction('uncaught', {})).toEqual({ error: { errorType: 'TypeError', errorMessage: 'thrown outside the handler' } });
    expect(await runtime.invokeFunction('uncaught', {})).toEqual({ error: { errorType: 'TypeError', errorMessage: 'thrown outside the handler' } });
  });

  it('reports running out of memory (the heap is capped at the memory size)', async () => {
    expect(await runtime.invokeFunction('outOfMemory', {})).toEqual({
      error: { errorType: 'Runtime.OutOfMemory', errorMessage: expect.stringMatching(new RegExp(`^RequestId: ${UUID} Error: Runtime exited with error: signal: killed$`)) },
    });
    expect(await runtime.invokeFunction('echo', 'after OOM')).toEqual({ result: { received: 'after OOM' } });
  });

  it("gives the function its configured environment, Lambda's variables and a context object", async () => {
    expect(await runtime.invokeFunction('context', {})).toEqual({
      result: {
        env: {
          TABLE: tableName,
          GREETING: 'hello',
          API_URL: 'http://127.0.0.1:4999/graphql',
          AWS_REGION: 'eu-west-1',
          AWS_DEFAULT_REGION: 'eu-west-1',
          AWS_LAMBDA_FUNCTION_NAME: 'context',
          AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
          AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/context',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
          _HANDLER: 'index.handler',
          TZ: ':UTC',
          // Nothing of the server's own environment leaks in.
          HOME: null,
        },
        context: {
          functionName: 'context',
          functionVersion: '$LATEST',
          invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:context',
          memoryLimitInMB: '256',
          logGroupName: '/aws/lambda/context',
          awsRequestIdIsUuid: true,
          remainingWithinTimeout: true,
          callbackWaitsForEmptyEventLoop: true,
        },
      },
    });
  });

  it('keeps a warm environment between invocations and runs concurrent invocations in separate ones', async () => {
    const first = await runtime.invokeFunction('counter', null);
    const second = await runtime.invokeFunction('counter', null);
    expect(first).toEqual({ result: { invocations: 1, pid: expect.any(Number) } });
    expect(second).toEqual({ result: { invocations: 2, pid: (first as { result: { pid: number } }).result.pid } });

    const concurrent = await Promise.all([runtime.invokeFunction('counter', null), runtime.invokeFunction('counter', null)]);
    const pids = concurrent.map((outcome) => (outcome as { result: { pid: number } }).result.pid);
    expect(new Set(pids).size).toBe(2);
  });

  it('queues invocations beyond the concurrency cap and stops environments left idle', async () => {
    const capped = new LocalLambdaRuntime({
      functions: bundles.functions,
      bundleDir: bundles.bundleDir,
      settings,
      log: (line) => logs.push(line),
      maxConcurrencyPerFunction: 1,
      idleTimeoutMs: 20,
    });
    try {
      const [first, second] = await Promise.all([capped.invokeFunction('counter', null), capped.invokeFunction('counter', null)]);
      const pid = (first as { result: { pid: number } }).result.pid;
      expect([first, second]).toEqual([{ result: { invocations: 1, pid } }, { result: { invocations: 2, pid } }]);
      // The idle timer (20 ms) was set before this one, so it has fired when this one does.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await capped.invokeFunction('counter', null)).toEqual({ result: { invocations: 1, pid: expect.any(Number) } });
    } finally {
      await capped.close();
    }
  });

  it('starts fresh environments after a reload', async () => {
    await runtime.invokeFunction('counter', null);
    runtime.reload(bundles.functions);
    expect(await runtime.invokeFunction('counter', null)).toEqual({ result: { invocations: 1, pid: expect.any(Number) } });
  });

  it('lets a handler use the AWS SDK against DynamoDB Local with no endpoint in its code', async () => {
    expect(await runtime.invokeFunction('dynamodb', { id: 'item-1', title: 'Hello' })).toEqual({
      result: { table: tableName, item: { id: { S: 'item-1' }, title: { S: 'Hello' } } },
    });
  });

  it('answers an Event invocation at once and runs the function in the background', async () => {
    expect(await runtime.invokeFunction('dynamodb', { id: 'item-event', title: 'Async' }, { invocationType: 'Event' })).toEqual({ result: null });
    let item: unknown;
    while (item === undefined) {
      ({ Item: item } = await dynamodb.send(new GetItemCommand({ TableName: tableName, Key: { id: { S: 'item-event' } }, ConsistentRead: true })));
    }
    expect(item).toEqual({ id: { S: 'item-event' }, title: { S: 'Async' } });
  });

  it('formats console output as Lambda does and hands it to the log sink', async () => {
    expect(await runtime.invokeFunction('logs', { note: 'abc' })).toEqual({ result: 'logged' });
    const lines = logs.filter((line) => line.functionName === 'logs');
    expect(lines).toEqual([
      { functionName: 'logs', stream: 'stdout', text: expect.stringMatching(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${UUID}\\tINFO\\tnote: abc$`)) },
      { functionName: 'logs', stream: 'stdout', text: expect.stringMatching(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${UUID}\\tERROR\\tproblem \\{ code: 7 \\}$`)) },
    ]);
  });

  it('answers an unknown function name with Lambda\'s ResourceNotFoundException', async () => {
    expect(await runtime.invokeFunction('nope', {})).toEqual({
      error: { errorType: 'ResourceNotFoundException', errorMessage: 'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:nope' },
    });
  });
});
