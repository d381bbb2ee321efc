/**
 * `/graphql`: read the request, authenticate it, execute it, answer as AppSync does.
 * Spec: shared/spec/appsync-graphql-engine.md §1.1-1.3, §3.7.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator, CredentialsRequest } from '../auth/types.js';
import { MalformedHttpRequestException, PayloadTooLargeException } from '../errors.js';
import { parsePostBody, parseQueryParameters } from './graphql-request.js';
import { sendJson, sendTransportError } from './reply.js';
import { readRequestBody } from './request-body.js';
import type { ExecuteOutcome, ExecuteRequest } from '../engine/types.js';
import type { GraphQLExecutor, GraphQLRequest } from './types.js';

export interface GraphQLRouteOptions {
  authenticator: Authenticator;
  /** Read on every request, so that hot reload can swap the engine between two requests. */
  executor: () => GraphQLExecutor;
  maxBodyBytes: number;
  /** Told about every executed operation (the real-time endpoint publishes from here), before the answer is written. */
  onExecuted: (outcome: ExecuteOutcome, request: ExecuteRequest) => Promise<void>;
}

export type GraphQLRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

/**
 * Order of checks: body size, then credentials, then the envelope, as spec §1.3 recommends (AppSync's
 * order is unconfirmed): a request with no valid credentials gets 401 even when its body is also
 * malformed. Except for the Lambda mode: its authorizer's event carries the operation (`queryString`,
 * `operationName`, `variables`), so the body must parse first, and a malformed one is answered 400
 * without calling the authorizer.
 */
export function createGraphQLRoute(options: GraphQLRouteOptions): GraphQLRoute {
  return async (request, response, url) => {
    let bodyText = '';
    if (request.method === 'POST') {
      const body = await readRequestBody(request, options.maxBodyBytes);
      if (body.kind === 'tooLarge') {
        return sendTransportError(response, 413, new PayloadTooLargeException(`Request body is larger than ${options.maxBodyBytes} bytes.`));
      }
      bodyText = body.text;
    }
    const parsed = request.method === 'POST' ? parsePostBody(bodyText) : parseQueryParameters(url.searchParams);
    const headers = headerRecord(request);
    if (parsed instanceof MalformedHttpRequestException && options.authenticator.modeFor(headers) === 'AWS_LAMBDA') {
      return sendTransportError(response, 400, parsed);
    }

    const outcome = await options.authenticator.authenticate(credentialsRequest(request, headers, bodyText, parsed));
    if (!outcome.ok) return sendTransportError(response, outcome.statusCode ?? 401, outcome);
    if (parsed instanceof MalformedHttpRequestException) return sendTransportError(response, 400, parsed);

    const executeRequest: ExecuteRequest = { ...parsed, headers, auth: outcome.auth };
    const executed = await options.executor().execute(executeRequest);
    await options.onExecuted(executed, executeRequest);
    sendJson(response, 200, executed.body, executed.responseHeaders);
  };
}

/** Node lower-cases header names; repeated headers are joined as HTTP allows. */
function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function credentialsRequest(
  request: IncomingMessage,
  headers: Record<string, string>,
  body: string,
  parsed: GraphQLRequest | MalformedHttpRequestException,
): CredentialsRequest {
  const credentials: CredentialsRequest = {
    headers,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    method: request.method ?? 'POST',
    host: headers.host ?? '',
    path: request.url ?? '/graphql',
    body,
  };
  if (!(parsed instanceof MalformedHttpRequestException)) credentials.graphql = parsed;
  return credentials;
}
