/**
 * Which comes first, the 400 of a malformed body or the credentials check (spec: appsync-graphql-engine.md
 * §1.3, "Which check AppSync runs first ... is unconfirmed"; we follow its recommendation): for the Lambda
 * mode the authorizer's event carries the operation, so the body is parsed first and a malformed one is
 * answered 400 without invoking the authorizer; the other modes keep 401 before 400.
 * The authorizer records each call in a file, read here: what it shows is what the Lambda runtime ran.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../../../local/definition/types.js';
import { makeTestDir, post, startTestApi, type HttpAnswer, type TestApi } from '../../support/local-api.js';

const FIXTURE = 'test/fixtures/auth/api';

let api: TestApi;
let callsFile: string;

beforeAll(async () => {
  const dataDir = await makeTestDir();
  callsFile = join(dataDir, 'authorizer-calls.txt');
  await writeFile(callsFile, '');
  const definition: ApiDefinition = {
    name: 'lambda-body-order',
    schemaFiles: [`${FIXTURE}/schema.graphql`],
    authentication: { default: { type: 'API_KEY' }, additional: [{ type: 'AWS_LAMBDA', function: 'recorder' }] },
    tables: [],
    dataSources: [{ name: 'none', type: 'NONE' }],
    lambdaFunctions: [
      { name: 'recorder', entry: 'test/integration/auth/fixtures/recording-authorizer.ts', environment: { CALLS_FILE: callsFile } },
    ],
    functions: [],
    resolvers: [{ kind: 'UNIT', typeName: 'Query', fieldName: 'whoami', dataSource: 'none', code: `${FIXTURE}/resolvers/Query.whoami.ts` }],
  };
  api = await startTestApi({ definition, dataDir });
});

afterAll(async () => {
  await api?.close();
});

const recordedCalls = async () => (await readFile(callsFile, 'utf8')).split('\n').filter((line) => line !== '');
const statusAndBody = (answer: HttpAnswer) => ({ status: answer.status, body: answer.body });
const error = (status: number, errorType: string, message: string) => ({ status, body: { errors: [{ errorType, message }] } });

describe('a malformed body with Lambda authorizer credentials', () => {
  it('is answered 400 MalformedHttpRequestException, and the authorizer is not invoked', async () => {
    const answers = [
      await post(api.url, '', { authorization: 'token-empty' }),
      await post(api.url, 'meow', { authorization: 'token-meow' }),
      await post(api.url, '{}', { authorization: 'token-object' }),
      await post(api.url, { query: 42 }, { authorization: 'token-number' }),
    ];
    expect({ answers: answers.map(statusAndBody), calls: await recordedCalls() }).toEqual({
      answers: [
        error(400, 'MalformedHttpRequestException', 'Request body is empty.'),
        error(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.'),
        error(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.'),
        error(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.'),
      ],
      calls: [],
    });
  });

  it('a well-formed body is authorized by the authorizer, which sees the query (the record works)', async () => {
    const answer = await post(api.url, { query: '{ whoami }' }, { authorization: 'token-valid' });
    expect({ answer: statusAndBody(answer), calls: await recordedCalls() }).toEqual({
      answer: {
        status: 200,
        body: { data: { whoami: JSON.stringify({ authType: 'Lambda Authorization', identity: { resolverContext: { query: '{ whoami }' } } }) } },
      },
      calls: ['token-valid'],
    });
  });
});

describe('a malformed body with credentials of another mode', () => {
  it('keeps 401 before 400: a bad API key, and no credentials at all', async () => {
    expect([
      statusAndBody(await post(api.url, 'meow', { 'x-api-key': 'da2-wrong' })),
      statusAndBody(await post(api.url, 'meow')),
      statusAndBody(await post(api.url, 'meow', { 'x-api-key': api.apiKey })),
    ]).toEqual([
      error(401, 'UnauthorizedException', 'You are not authorized to make this call.'),
      error(401, 'UnauthorizedException', 'Missing authorization header'),
      error(400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.'),
    ]);
  });
});
