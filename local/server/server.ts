/**
 * The local AppSync HTTP server: `/graphql` plus whatever extra routes the composition root mounts
 * (health, GraphiQL, the local issuer's JWKS). It keeps serving after any bad request or failing
 * resolver: every handler failure becomes a 500 answer and a line on stderr, never a crash.
 *
 * The real-time endpoint attaches to `httpServer` (`upgrade` events on `/graphql/realtime`, spec
 * appsync-realtime.md §1.3) and follows executed operations through `onExecuted`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authenticator } from '../auth/types.js';
import { InternalFailureException, NotFoundException } from '../errors.js';
import { answerPreflight, setCorsHeaders } from './cors.js';
import { createGraphQLRoute } from './graphql-route.js';
import { sendTransportError } from './reply.js';
import type { ExecuteOutcome, ExecuteRequest } from '../engine/types.js';
import type { GraphQLExecutor } from './types.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * Requests larger than this are refused with 413. AppSync's own limit is unconfirmed (commonly cited
 * as about 1 MB, spec §6, which recommends keeping the limit off until confirmed), so the default is
 * far above it: it never refuses what AppSync might accept, and only protects the process's memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** An extra route: `path` is matched exactly, or as a prefix of the request path when `prefix` is set. */
export interface Route {
  method: 'GET';
  path: string;
  prefix?: boolean;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): void | Promise<void>;
}

export interface LocalServerOptions {
  authenticator: Authenticator;
  /** Read on every request (hot reload swaps what it returns). */
  executor: () => GraphQLExecutor;
  routes?: Route[];
  maxBodyBytes?: number;
  /** Where handler failures are reported. Default: stderr. */
  log?: (line: string) => void;
}

/**
 * Sees each executed operation's outcome (publications, invalidations) with the request that caused it.
 * The answer is written once every listener's promise settled: subscribers get a mutation's event before
 * its caller gets the response, as on AppSync (appsync-realtime.md §4.1).
 */
export type ExecutionListener = (outcome: ExecuteOutcome, request: ExecuteRequest) => void | Promise<void>;

export interface LocalServer {
  readonly httpServer: Server;
  /** Follows every executed operation; returns the unsubscribe function. */
  onExecuted(listener: ExecutionListener): () => void;
  /** Resolves with the bound port once listening (port 0 = a free one). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createLocalServer(options: LocalServerOptions): LocalServer {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const listeners = new Set<ExecutionListener>();
  const graphql = createGraphQLRoute({
    authenticator: options.authenticator,
    executor: options.executor,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onExecuted: async (outcome, request) => {
      for (const listener of listeners) {
        try {
          await listener(outcome, request);
        } catch (error) {
          log(`liveboard: an execution listener failed: ${describe(error)}`);
        }
      }
    },
  });
  const routes = options.routes ?? [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.setHeader('x-amzn-RequestId', randomUUID());
    setCorsHeaders(response);
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') return answerPreflight(request, response);
    // Exact match: GraphiQL's chunks are named `graphql-*.js` (dependencies.md gotcha 10).
    if (url.pathname === GRAPHQL_PATH && (request.method === 'POST' || request.method === 'GET')) {
      return graphql(request, response, url);
    }
    const route = routes.find((candidate) => candidate.method === request.method && matches(candidate, url.pathname));
    if (route) return route.handle(request, response, url);
    // Spec §1.3: 404 for other paths; errorType and message unconfirmed.
    sendTransportError(response, 404, new NotFoundException(`No resource at ${request.method} ${url.pathname}. The GraphQL endpoint is POST ${GRAPHQL_PATH}.`));
  };

  const httpServer = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`liveboard: ${request.method} ${request.url} failed: ${describe(error)}`);
      if (response.headersSent) {
        response.destroy();
      } else {
        sendTransportError(response, 500, new InternalFailureException('An internal failure occurred in the local server (see its log).'));
      }
    });
  });
  // A client that sends garbage instead of HTTP gets a 400 from Node; it never reaches `handle`.
  httpServer.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return {
    httpServer,
    onExecuted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.removeListener('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      }),
  };
}

function matches(route: Route, pathname: string): boolean {
  return route.prefix ? pathname.startsWith(route.path) : pathname === route.path;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
