/**
 * Permissive CORS so that browser clients (GraphiQL on another port, web apps on a dev server) can call
 * the local API. AppSync answers preflights and allows any origin; its exact headers are unconfirmed
 * (spec appsync-graphql-engine.md §1.1), so these are the most permissive standard ones.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers every response carries. `Expose-Headers: *` lets clients read resolver-set custom headers. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': '*',
};

export function setCorsHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
}

/** Answers an `OPTIONS` preflight for any path: every method and requested header is allowed. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  const requestedHeaders = request.headers['access-control-request-headers'];
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': requestedHeaders ?? '*',
    'access-control-max-age': '86400',
  });
  response.end();
}
