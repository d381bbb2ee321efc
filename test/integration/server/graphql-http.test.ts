/**
 * Operations over real HTTP through real resolvers: APPSYNC_JS on DynamoDB Local and NONE, a direct
 * Lambda resolver, resolver errors and response headers (fixture: test/fixtures/server-api).
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { localDynamoDbClient } from '../../../local/dynamodb/launcher.js';
import { definition } from '../../fixtures/server-api/definition.js';
import { get, graphql, post, startTestApi, type TestApi } from '../../support/local-api.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ definition });
});

afterAll(async () => {
  await api?.close();
});

describe('POST /graphql', () => {
  it('answers a query through a NONE resolver as JSON with a request id', async () => {
    const answer = await graphql(api, '{ echo(message: "hello") }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { echo: 'hello' } });
    // spec: appsync-graphql-engine.md §1.1 (content type and x-amzn-RequestId; exact strings unconfirmed)
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(answer.headers.get('x-amzn-requestid')).toMatch(UUID);
  });

  it('writes, reads and deletes through DynamoDB resolvers, in the prefixed table', async () => {
    const put = await graphql(api, 'mutation Put($id: ID!, $text: String!) { putNote(id: $id, text: $text) { id text updatedAt } }', {
      id: 'n1',
      text: 'first note',
    });
    expect(put.status).toBe(200);
    const note = (put.body as { data: { putNote: { updatedAt: string } } }).data.putNote;
    expect(put.body).toEqual({ data: { putNote: { id: 'n1', text: 'first note', updatedAt: note.updatedAt } } });
    expect(new Date(note.updatedAt).toISOString()).toBe(note.updatedAt);

    const stored = await localDynamoDbClient(inject('dynamodbEndpoint')).send(
      new GetItemCommand({ TableName: `${api.tablePrefix}notes`, Key: { id: { S: 'n1' } } }),
    );
    expect(stored.Item).toEqual({ id: { S: 'n1' }, text: { S: 'first note' }, updatedAt: { S: note.updatedAt } });

    const read = await graphql(api, '{ getNote(id: "n1") { id text updatedAt } }');
    expect(read.body).toEqual({ data: { getNote: { id: 'n1', text: 'first note', updatedAt: note.updatedAt } } });

    const deleted = await graphql(api, 'mutation { deleteNote(id: "n1") { id text } }');
    expect(deleted.body).toEqual({ data: { deleteNote: { id: 'n1', text: 'first note' } } });
    const gone = await graphql(api, '{ getNote(id: "n1") { id } }');
    expect(gone.body).toEqual({ data: { getNote: null } });
  });

  it('runs the operation named by operationName, with variables', async () => {
    const answer = await post(
      api.url,
      { query: 'query A { echo(message: "a") } query B($m: String!) { echo(message: $m) }', operationName: 'B', variables: { m: 'b' } },
      { 'x-api-key': api.apiKey },
    );
    expect(answer.body).toEqual({ data: { echo: 'b' } });
  });

  it('accepts null variables and operationName (spec §7 item 14)', async () => {
    const answer = await post(api.url, { query: '{ echo(message: "x") }', variables: null, operationName: null }, { 'x-api-key': api.apiKey });
    expect(answer.body).toEqual({ data: { echo: 'x' } });
  });

  it('ignores unknown top-level keys of the envelope (spec §7 item 15, unconfirmed)', async () => {
    const answer = await post(api.url, { query: '{ echo(message: "x") }', extensions: {} }, { 'x-api-key': api.apiKey });
    expect(answer.body).toEqual({ data: { echo: 'x' } });
  });

  it('reads the envelope whatever the content type, as long as it is the JSON envelope (spec §1.1, unconfirmed)', async () => {
    const answer = await post(api.url, JSON.stringify({ query: '{ echo(message: "t") }' }), { 'content-type': 'text/plain', 'x-api-key': api.apiKey });
    expect(answer.body).toEqual({ data: { echo: 't' } });
  });

  it('calls a direct Lambda resolver', async () => {
    const answer = await graphql(api, '{ shout(message: "quiet") }');
    expect(answer.body).toEqual({ data: { shout: 'QUIET' } });
  });

  it('returns a resolver error in AppSync shape with HTTP 200 (spec §1.2, §5.2)', async () => {
    const answer = await graphql(api, '{ fail(message: "nope") }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { fail: null },
      errors: [
        {
          path: ['fail'],
          data: null,
          errorType: 'FixtureError',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'nope',
        },
      ],
    });
  });

  it('sends headers set with util.http.addResponseHeader (spec §7 item 93)', async () => {
    const answer = await graphql(api, '{ withHeader(name: "X-Custom", value: "42") }');
    expect(answer.body).toEqual({ data: { withHeader: '42' } });
    expect(answer.headers.get('x-custom')).toBe('42');
  });
});

describe('GET /graphql', () => {
  it('runs a query given as URL parameters (spec §1.1, §7 item 16, unconfirmed)', async () => {
    const parameters = new URLSearchParams({ query: 'query($m: String!) { echo(message: $m) }', variables: JSON.stringify({ m: 'via get' }) });
    const answer = await get(`${api.url}?${parameters}`, { 'x-api-key': api.apiKey });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { echo: 'via get' } });
  });
});
