/**
 * The `CredentialsRequest`s the real-time endpoint authenticates, built from the auth header objects
 * clients send: the connection's (from the `header-` subprotocol or the `header` query parameter) and
 * each `start` message's `extensions.authorization`. Spec: shared/spec/appsync-realtime.md §2.2-2.4, §5.
 *
 * Header keys are matched case-insensitively (§2.3), so they are lower-cased here. An IAM connection
 * header is a SigV4 signature over `POST <graphql path>/connect` with body `{}`; a `start`'s is over
 * `POST <graphql path>` with the exact `payload.data` string as body (§2.3).
 */
import type { CredentialsRequest } from './types.js';

export interface RealtimeRequestContext {
  /** Path of the GraphQL endpoint the client derived its URLs from, normally `/graphql`. */
  graphqlPath: string;
  sourceIp: string;
}

/** Keeps the string-valued entries of a decoded header object, with lower-cased names. */
export function normalizeHeaderObject(header: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return headers;
  for (const [name, value] of Object.entries(header)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** The connection's credentials (checked on `connection_init`, §2.4). */
export function connectionCredentialsRequest(header: unknown, context: RealtimeRequestContext): CredentialsRequest {
  const headers = normalizeHeaderObject(header);
  return {
    headers,
    sourceIp: context.sourceIp,
    method: 'POST',
    host: headers.host ?? '',
    path: `${context.graphqlPath.replace(/\/+$/, '')}/connect`,
    body: '{}',
  };
}

/**
 * A subscription's credentials (`start` → `payload.extensions.authorization`), which decide its auth
 * mode (§5). `data` is the `payload.data` string exactly as received; `graphql` its parsed form, for the
 * Lambda authorizer's event.
 */
export function subscriptionCredentialsRequest(
  authorization: unknown,
  data: string,
  graphql: NonNullable<CredentialsRequest['graphql']>,
  context: RealtimeRequestContext,
): CredentialsRequest {
  const headers = normalizeHeaderObject(authorization);
  return {
    headers,
    sourceIp: context.sourceIp,
    method: 'POST',
    host: headers.host ?? '',
    path: context.graphqlPath,
    body: data,
    graphql,
  };
}
