/**
 * Writing responses the way AppSync does: JSON with `application/json;charset=UTF-8`, an
 * `x-amzn-RequestId` on every response, and transport errors as `{"errors":[{errorType,message}]}`
 * with `x-amzn-ErrorType`. Spec: shared/spec/appsync-graphql-engine.md §1.1 (headers, unconfirmed exact
 * strings), §1.3 (transport error shape, no `data` key [obs]).
 */
import type { ServerResponse } from 'node:http';
import type { AppSyncError } from '../errors.js';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function sendJson(response: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(statusCode, {
    ...headers,
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** A request-level failure: no GraphQL execution happened (spec §1.3). */
export function sendTransportError(response: ServerResponse, statusCode: number, error: Pick<AppSyncError, 'errorType' | 'message'>): void {
  sendJson(response, statusCode, { errors: [{ errorType: error.errorType, message: error.message }] }, { 'x-amzn-ErrorType': error.errorType });
}
