/**
 * Small GET routes that answer a JSON document: `/health`, and documents other modules publish
 * (the local Cognito issuer's JWKS at `/.well-known/jwks.json`).
 */
import { sendJson } from './reply.js';
import type { Route } from './server.js';

export const HEALTH_PATH = '/health';

/**
 * `GET /health` → 200 `{"status":"ok"}` (architecture.md CLI contract). The server only starts listening
 * once DynamoDB, tables, bundles and the engine are ready, so any answer means ready.
 */
export function healthRoute(): Route {
  return jsonDocumentRoute(HEALTH_PATH, () => ({ status: 'ok' }));
}

/** A GET route answering `document()` as JSON, read on every request so that key rotation shows. */
export function jsonDocumentRoute(path: string, document: () => unknown): Route {
  return { method: 'GET', path, handle: (_request, response) => sendJson(response, 200, document()) };
}
