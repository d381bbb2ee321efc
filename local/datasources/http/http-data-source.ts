/**
 * The local HTTP data source: sends `{ method, resourcePath, params: { query, headers, body } }`
 * request objects to the data source's endpoint with fetch (spec appsync-js-runtime.md §5.4).
 *
 * `ctx.result` is `{ statusCode, headers, body }` with the body as text; an error status is a result,
 * not an error (the response handler decides). A request that cannot be completed (connection
 * refused, unknown host) gives `ctx.error` of type `HttpRequestException`. Errors are values: `invoke`
 * resolves to `{ result, error }` and never rejects for them.
 */
import { HttpRequestException, MappingTemplateException } from '../../errors.js';
import { withErrorsAsValues } from '../errors-as-values.js';
import { expectRequestObject, fieldPath, mistyped, optionalRecord, requireString, type RequestObject } from '../request-fields.js';
import type { DataSource, DataSourceResult } from '../types.js';

export interface HttpDataSourceOptions {
  name: string;
  /** Base URL, e.g. `https://api.example.com`; each request's `resourcePath` is appended. */
  endpoint: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

interface HttpRequest {
  url: URL;
  init: RequestInit;
}

/** Query parameter values: scalars are sent as text, a list repeats the parameter. */
function appendQuery(url: URL, query: RequestObject): void {
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const entry of values) {
      if (!['string', 'number', 'boolean'].includes(typeof entry)) throw mistyped(fieldPath('$[params][query]', name), 'a string', value);
      url.searchParams.append(name, String(entry));
    }
  }
}

function readHeaders(headers: RequestObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw mistyped(fieldPath('$[params][headers]', name), 'a string', value);
    result[name] = String(value);
  }
  return result;
}

function readRequest(input: unknown, endpoint: string): HttpRequest {
  const request = expectRequestObject(input, 'HTTP');
  const method = requireString(request, 'method').toUpperCase();
  if (!METHODS.includes(method)) throw new MappingTemplateException(`Unsupported method '${method}'. Supported methods: ${METHODS.join(', ')}.`);
  const resourcePath = requireString(request, 'resourcePath');
  if (!resourcePath.startsWith('/')) throw mistyped('$[resourcePath]', "a path starting with '/'", resourcePath);
  const url = new URL(endpoint.replace(/\/+$/, '') + resourcePath);
  const params = optionalRecord(request, 'params') ?? {};
  appendQuery(url, optionalRecord(params, 'query', '$[params]') ?? {});
  const headers = readHeaders(optionalRecord(params, 'headers', '$[params]') ?? {});
  const body = params.body;
  const init: RequestInit = { method, headers };
  if (body !== undefined && body !== null) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return { url, init };
}

/** The most specific reason fetch gives (its own message is only "fetch failed"). */
function failureReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

async function send({ url, init }: HttpRequest): Promise<DataSourceResult> {
  try {
    const response = await fetch(url, init);
    const body = await response.text();
    return { result: { statusCode: response.status, headers: Object.fromEntries(response.headers), body } };
  } catch (error) {
    throw new HttpRequestException(`HTTP request to ${url.origin} failed: ${failureReason(error)}`, { cause: error });
  }
}

export function createHttpDataSource(options: HttpDataSourceOptions): DataSource {
  return {
    name: options.name,
    invoke: (request: unknown): Promise<DataSourceResult> => withErrorsAsValues(() => send(readRequest(request, options.endpoint))),
  };
}
