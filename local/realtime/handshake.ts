/**
 * The WebSocket upgrade as AppSync's real-time clients perform it (appsync-realtime.md §1.3, §2.1-2.2):
 * which paths are the real-time endpoint, which subprotocol is selected, and where the connection's auth
 * header object comes from.
 */

/** AWS's own protocol name; not the `graphql-ws` npm package's `graphql-transport-ws` (§2.1). */
export const GRAPHQL_WS_PROTOCOL = 'graphql-ws';

const HEADER_PROTOCOL_PREFIX = 'header-';

/**
 * `<graphql path>/realtime` (aws-appsync-subscription-link ≥ 3.0.11 and Amplify v6 with a custom domain,
 * which is what any local URL is) and the GraphQL path itself (older clients, hand-written ones) (§1.3).
 * Query parameters are ignored (§1.3 item 2).
 */
export function isRealtimePath(rawUrl: string, graphqlPath: string): boolean {
  const pathname = rawUrl.split('?', 1)[0];
  return pathname === graphqlPath || pathname === `${graphqlPath}/realtime`;
}

/** Selects `graphql-ws` when offered and never echoes the `header-…` entry (§2.1); otherwise none. */
export function selectSubprotocol(offered: ReadonlySet<string>): string | false {
  return offered.has(GRAPHQL_WS_PROTOCOL) ? GRAPHQL_WS_PROTOCOL : false;
}

/**
 * The connection's auth header object (§2.2), from, in this order:
 * 1. a `header-<base64url JSON>` subprotocol (padding optional);
 * 2. the `header` query parameter: standard base64, usually not percent-encoded, so `+`, `/` and `=`
 *    arrive as is and are kept (a form decoder would turn `+` into a space); percent-encoded values work too.
 * Undefined when neither carries a JSON object: the connection is then unauthenticated (§2.2 item 3).
 */
export function connectionHeader(offeredProtocols: readonly string[], rawUrl: string): Record<string, unknown> | undefined {
  for (const protocol of offeredProtocols) {
    if (!protocol.startsWith(HEADER_PROTOCOL_PREFIX)) continue;
    const header = decodeJsonObject(protocol.slice(HEADER_PROTOCOL_PREFIX.length));
    if (header !== undefined) return header;
  }
  const queryValue = rawQueryParameter(rawUrl, 'header');
  return queryValue === undefined ? undefined : decodeJsonObject(queryValue);
}

/** The raw value of a query parameter, split by hand on `&` and `=` (§2.2 item 2). */
function rawQueryParameter(rawUrl: string, name: string): string | undefined {
  const queryStart = rawUrl.indexOf('?');
  if (queryStart === -1) return undefined;
  for (const pair of rawUrl.slice(queryStart + 1).split('&')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator) !== name) continue;
    const value = pair.slice(separator + 1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Node's base64 decoder reads both alphabets, with or without padding. */
function decodeJsonObject(base64: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
