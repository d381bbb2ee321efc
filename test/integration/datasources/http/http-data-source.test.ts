/** The HTTP data source against a real local node:http server (spec appsync-js-runtime.md §5.4). */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpDataSource } from '../../../../local/datasources/http/http-data-source.js';
import { findFreePort } from '../../../../local/dynamodb/launcher.js';

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

describe('HTTP data source', () => {
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    // Echoes what it received; `/status/<n>` answers with that status.
    server = createServer(async (request, response) => {
      const body = await readBody(request);
      const status = /^\/api\/status\/(\d+)/.exec(request.url ?? '')?.[1];
      const echo = JSON.stringify({ method: request.method, url: request.url, header: request.headers['x-custom'] ?? null, contentType: request.headers['content-type'] ?? null, body });
      response.writeHead(status ? Number(status) : 200, { 'content-type': 'application/json', 'x-echo': 'yes', 'content-length': Buffer.byteLength(echo) });
      response.end(echo);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const responseHeaders = (length: number): Record<string, string> => ({
    'content-type': 'application/json',
    'x-echo': 'yes',
    'content-length': String(length),
    connection: 'keep-alive',
    'keep-alive': 'timeout=5',
    date: expect.any(String) as unknown as string,
  });

  it('sends method, path, query and headers to the endpoint and answers { statusCode, headers, body }', async () => {
    const source = createHttpDataSource({ name: 'Api', endpoint });
    const answer = await source.invoke({
      method: 'GET',
      resourcePath: '/items/42',
      params: { query: { expand: 'owner', tag: ['a', 'b'], limit: 5 }, headers: { 'x-custom': 'hello' } },
    });
    const body = JSON.stringify({ method: 'GET', url: '/api/items/42?expand=owner&tag=a&tag=b&limit=5', header: 'hello', contentType: null, body: '' });
    expect(answer).toEqual({ result: { statusCode: 200, headers: responseHeaders(body.length), body } });
  });

  it('sends an object body as JSON and a string body as it is', async () => {
    const source = createHttpDataSource({ name: 'Api', endpoint });
    const objectBody = await source.invoke({ method: 'POST', resourcePath: '/items', params: { headers: { 'content-type': 'application/json' }, body: { title: 'New' } } });
    expect(JSON.parse((objectBody.result as { body: string }).body)).toEqual({ method: 'POST', url: '/api/items', header: null, contentType: 'application/json', body: '{"title":"New"}' });
    const textBody = await source.invoke({ method: 'put', resourcePath: '/items/1', params: { body: 'plain text' } });
    expect(JSON.parse((textBody.result as { body: string }).body)).toEqual({ method: 'PUT', url: '/api/items/1', header: null, contentType: 'text/plain;charset=UTF-8', body: 'plain text' });
  });

  it('answers error statuses as results, not errors', async () => {
    const source = createHttpDataSource({ name: 'Api', endpoint });
    const answer = await source.invoke({ method: 'DELETE', resourcePath: '/status/404' });
    const body = JSON.stringify({ method: 'DELETE', url: '/api/status/404', header: null, contentType: null, body: '' });
    expect(answer).toEqual({ result: { statusCode: 404, headers: responseHeaders(body.length), body } });
  });

  it('answers a request that cannot be sent with ctx.error (errorType unconfirmed)', async () => {
    const port = await findFreePort();
    const source = createHttpDataSource({ name: 'Down', endpoint: `http://127.0.0.1:${port}` });
    expect(await source.invoke({ method: 'GET', resourcePath: '/' })).toEqual({
      result: null,
      error: { type: 'HttpRequestException', message: `HTTP request to http://127.0.0.1:${port} failed: connect ECONNREFUSED 127.0.0.1:${port}` },
    });
  });

  it('answers malformed request objects with MappingTemplate errors', async () => {
    const source = createHttpDataSource({ name: 'Api', endpoint });
    // Wording unconfirmed for AppSync; the same sentence as the DynamoDB and Lambda sources'.
    expect(await source.invoke(['GET', '/'])).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: `Expected a JSON object as the HTTP request but got '["GET","/"]' instead.` },
    });
    expect(await source.invoke({ resourcePath: '/' })).toEqual({ result: null, error: { type: 'MappingTemplate', message: "Value for field '$[method]' not found." } });
    expect(await source.invoke({ method: 'TRACE', resourcePath: '/' })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Unsupported method 'TRACE'. Supported methods: GET, POST, PUT, DELETE, PATCH." },
    });
    expect(await source.invoke({ method: 'GET', resourcePath: 'items' })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: `Expected a path starting with '/' for field '$[resourcePath]' but got '"items"' instead.` },
    });
    expect(await source.invoke({ method: 'GET', resourcePath: '/', params: { query: { filter: { a: 1 } } } })).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: `Expected a string for field '$[params][query][filter]' but got '{"a":1}' instead.` },
    });
  });
});
