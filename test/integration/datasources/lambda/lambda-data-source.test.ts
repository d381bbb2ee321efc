/** The AWS_LAMBDA data source over the real local Lambda runtime and real fixture bundles. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLambdaDataSource } from '../../../../local/datasources/lambda/lambda-data-source.js';
import type { DataSource } from '../../../../local/datasources/types.js';
import type { FunctionLogLine } from '../../../../local/lambda/execution-environment.js';
import { LocalLambdaRuntime } from '../../../../local/lambda/local-lambda-runtime.js';
import { bundleFixtures } from '../../../fixtures/lambda/functions.js';

describe('Lambda data source', () => {
  const logs: FunctionLogLine[] = [];
  let bundles: Awaited<ReturnType<typeof bundleFixtures>>;
  let runtime: LocalLambdaRuntime;
  const dataSource = (functionName: string): DataSource =>
    createLambdaDataSource({ name: `${functionName}Source`, functionName, invoke: runtime.invokeFunction });

  beforeAll(async () => {
    bundles = await bundleFixtures(['echo', 'throws', 'customError', 'batch', 'sleeps', 'logs']);
    runtime = new LocalLambdaRuntime({
      functions: bundles.functions,
      bundleDir: bundles.bundleDir,
      settings: {
        tableName: (name) => name,
        graphqlUrl: () => 'http://127.0.0.1:4999/graphql',
        dynamodbEndpoint: inject('dynamodbEndpoint'),
        region: 'us-east-1',
        accountId: '000000000000',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      },
      log: (line) => logs.push(line),
    });
  });

  afterAll(async () => {
    await runtime?.close();
    await bundles?.remove();
  });

  it('Invoke: the function receives exactly the payload and its answer is ctx.result', async () => {
    // spec: appsync-js-runtime.md §5.2
    expect(await dataSource('echo').invoke({ operation: 'Invoke', payload: { id: 'p1', tags: ['a'] } })).toEqual({
      result: { received: { id: 'p1', tags: ['a'] } },
    });
    expect(await dataSource('echo').invoke({ operation: 'Invoke' })).toEqual({ result: { received: null } });
  });

  it('a thrown error becomes Lambda:Unhandled with the error message', async () => {
    // spec: appsync-js-runtime.md §8 item 112; unhandledErrorType as observed in aws/aws-appsync-community#386
    expect(await dataSource('throws').invoke({ operation: 'Invoke', payload: {} })).toEqual({
      result: null,
      error: { type: 'Lambda:Unhandled', message: 'Parameter cannot be empty', unhandledErrorType: 'Error' },
    });
  });

  it("does not forward the function's own errorType as the type", async () => {
    // spec: appsync-graphql-engine.md §4.3 (aws-appsync-community#209)
    expect(await dataSource('customError').invoke({ operation: 'Invoke', payload: {} })).toEqual({
      result: null,
      error: { type: 'Lambda:Unhandled', message: 'token error', unhandledErrorType: 'catalog.1234' },
    });
  });

  it('a timeout becomes Lambda:Unhandled with Lambda\'s timeout message', async () => {
    expect(await dataSource('sleeps').invoke({ operation: 'Invoke', payload: {} })).toEqual({
      result: null,
      error: {
        type: 'Lambda:Unhandled',
        message: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/),
        unhandledErrorType: 'Sandbox.Timedout',
      },
    });
  });

  it('BatchInvoke: one call with the list of payloads, answered with the list of results', async () => {
    // spec: appsync-graphql-engine.md §4.4
    expect(await dataSource('batch').invoke({ operation: 'BatchInvoke', payload: [{ id: '1' }, { id: '2' }, { id: '3' }] })).toEqual({
      result: [
        { id: '1', label: 'item 1' },
        { id: '2', label: 'item 2' },
        { id: '3', label: 'item 3' },
      ],
    });
  });

  it('Event: ctx.result is null at once and the function runs in the background', async () => {
    // spec: appsync-js-runtime.md §5.2 (ctx.result null: unconfirmed)
    expect(await dataSource('logs').invoke({ operation: 'Invoke', invocationType: 'Event', payload: { note: 'in the background' } })).toEqual({ result: null });
    while (!logs.some((line) => line.text.endsWith('\tINFO\tnote: in the background'))) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(logs.filter((line) => line.text.endsWith('\tINFO\tnote: in the background'))).toHaveLength(1);
  });

  it('answers malformed request objects with MappingTemplate errors', async () => {
    const source = dataSource('echo');
    expect(await source.invoke('Invoke')).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: `Expected a JSON object as the Lambda request but got '"Invoke"' instead.` },
    });
    expect(await source.invoke({ payload: {} })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Value for field '$[operation]' not found." },
    });
    expect(await source.invoke({ operation: 'Call', payload: {} })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Unsupported operation 'Call'. Supported operations: Invoke, BatchInvoke." },
    });
    expect(await source.invoke({ operation: 'Invoke', invocationType: 'DryRun', payload: {} })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Unsupported invocationType 'DryRun'. Supported invocation types: RequestResponse, Event." },
    });
  });
});
