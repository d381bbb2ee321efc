/**
 * Transport-level behaviour of `/graphql` and the other paths, over real HTTP, and the server's
 * resilience to bad input. Spec: shared/spec/appsync-graphql-engine.md §1.1, §1.3, §3.7, §7 items 1-6, 44-45.
 */
import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../fixtures/server-api/definition.js';
import { get, graphql, post, startTestApi, type TestApi } from '../../support/local-api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ definition, maxRequestBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await api?.close();
});

const UNPARSEABLE = { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }] };

describe('malformed bodies (400 MalformedHttpRequestException)', () => {
  it('answers an empty body with "Request body is empty." (spec §7 item 1)', async () => {
    const answer = await post(api.url, '', { 'x-api-key': api.apiKey });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }] });
    expect(answer.headers.get('x-amzn-errortype')).toBe('MalformedHttpRequestException');
  });

  // spec §7 items 2-6 ([obs] AppSync team); the rest follow from the `{}` case (unconfirmed)
  it.each([
    ['not JSON', 'meow'],
    ['an empty object', '{}'],
    ['an array', '[]'],
    ['a batch', '[{"query":"{ echo(message: \\"x\\") }"}]'],
    ['trailing garbage', '{}}'],
    ['a query that is not a string', '{"query": 5}'],
    ['an empty query', '{"query": ""}'],
    ['variables that are not an object', '{"query": "{ echo(message: \\"x\\") }", "variables": "x"}'],
    ['an operationName that is not a string', '{"query": "{ echo(message: \\"x\\") }", "operationName": 1}'],
    ['a raw application/graphql document', '{ echo(message: "x") }'],
  ])('answers %s with "Unable to parse GraphQL query."', async (_case, body) => {
    const answer = await post(api.url, body, { 'x-api-key': api.apiKey });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: UNPARSEABLE });
  });

  it('answers a GET without a query parameter like an unparseable body', async () => {
    const answer = await get(api.url, { 'x-api-key': api.apiKey });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: UNPARSEABLE });
  });

  it('refuses a body over the configured size limit with 413 (spec §6: AppSync limit unconfirmed)', async () => {
    const answer = await post(api.url, JSON.stringify({ query: `{ echo(message: "${'x'.repeat(70 * 1024)}") }` }), { 'x-api-key': api.apiKey });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ errors: [{ errorType: 'PayloadTooLargeException', message: 'Request body is larger than 65536 bytes.' }] });
  });
});

describe('request-level authorization (401, spec §3.7)', () => {
  it('refuses a request without credentials (spec §7 item 44)', async () => {
    const answer = await post(api.url, { query: '{ echo(message: "x") }' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Missing authorization header' }] });
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
  });

  it('refuses a wrong API key (spec §7 item 45)', async () => {
    const answer = await post(api.url, { query: '{ echo(message: "x") }' }, { 'x-api-key': 'da2-wrongwrongwrongwrongwrong' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
  });

  it('checks credentials before the body: no key and an empty body is a 401 (spec §1.3 recommendation)', async () => {
    const answer = await post(api.url, '');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Missing authorization header' }] });
  });
});

describe('other paths', () => {
  it('answers GET /health with 200 once ready', async () => {
    const answer = await get(new URL('/health', api.url).href);
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('answers an unknown path with 404 (spec §1.3: errorType and message unconfirmed)', async () => {
    const answer = await post(new URL('/graphql/extra', api.url).href, { query: '{ echo(message: "x") }' }, { 'x-api-key': api.apiKey });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      errors: [{ errorType: 'NotFoundException', message: 'No resource at POST /graphql/extra. The GraphQL endpoint is POST /graphql.' }],
    });
  });

  it('answers a CORS preflight for /graphql, allowing the requested headers (spec §1.1: permissive, exact headers unconfirmed)', async () => {
    const response = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
    });
    expect(response.status).toBe(204);
    expect({
      origin: response.headers.get('access-control-allow-origin'),
      methods: response.headers.get('access-control-allow-methods'),
      headers: response.headers.get('access-control-allow-headers'),
    }).toEqual({ origin: '*', methods: 'GET, POST, OPTIONS', headers: 'content-type,x-api-key' });
  });

  it('lets browsers read responses from any origin', async () => {
    const answer = await post(api.url, { query: '{ echo(message: "x") }' }, { 'x-api-key': api.apiKey, origin: 'http://localhost:5173' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('resilience', () => {
  it('keeps serving after garbage on the socket, an aborted upload and a burst of bad requests', async () => {
    const { port } = new URL(api.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('\u0000\u0001 this is not HTTP\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    await new Promise<void>((resolve) => {
      const upload = request(api.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000', 'x-api-key': api.apiKey } });
      upload.on('error', () => resolve());
      upload.write('{"query": "{ ec', () => {
        upload.destroy();
        resolve();
      });
    });
    const bad = await Promise.all(['', 'meow', '[]', '{"query": "{"}', '{"query": "{ nope }"}'].map((body) => post(api.url, body, { 'x-api-key': api.apiKey })));
    expect(bad.map((answer) => answer.status)).toEqual([400, 400, 400, 200, 200]);

    const answer = await graphql(api, '{ echo(message: "still here") }');
    expect(answer.body).toEqual({ data: { echo: 'still here' } });
  });
});
