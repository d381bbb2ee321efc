/**
 * The real-time endpoint on the HTTP server's own port (appsync-realtime.md §1.3): WebSocket upgrades on
 * `<graphql path>/realtime` and `<graphql path>`, over plain TCP (`ws://`, aws-appsync-subscription-link)
 * and over TLS (`wss://`, Amplify v6), and the fan-out of every executed mutation to its subscribers.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../auth/types.js';
import type { Engine } from '../engine/index.js';
import { RealtimeConnection } from './connection.js';
import { fanOut, type PublishedOutcome } from './fanout.js';
import { connectionHeader, GRAPHQL_WS_PROTOCOL, isRealtimePath, selectSubprotocol } from './handshake.js';
import { realtimeSettings, type RealtimeSettingsInput } from './settings.js';
import { SubscriptionRegistry } from './subscription-registry.js';
import { serveTlsOnSamePort, type TlsCredentials } from './tls-on-same-port.js';
import { WriteBatch } from './write-batch.js';

export interface RealtimeEndpointOptions {
  httpServer: Server;
  authenticator: Authenticator;
  /** Read for every start and every publication (hot reload swaps the engine). */
  engine: () => Engine;
  /** The GraphQL endpoint's path, normally `/graphql`. */
  graphqlPath: string;
  /** Serve TLS on the same port with this certificate (needed by Amplify v6, §1.2). */
  tls?: TlsCredentials;
  settings?: RealtimeSettingsInput;
  log?: (line: string) => void;
}

export interface RealtimeEndpoint {
  /**
   * Delivers a mutation's publications and applies its invalidations. Outcomes are handled one after the
   * other, in the order they are given, so each subscription sees events in mutation order (§8 item 52);
   * the promise resolves once its frames were handed to their sockets (callers answer the mutation after
   * that, §4.1).
   */
  publish(outcome: PublishedOutcome): Promise<void>;
  /** Open connections and active subscriptions, for tests and benchmarks. */
  stats(): { connections: number; subscriptions: number; subscribedFields: number };
  /** Ends every connection. */
  close(): Promise<void>;
}

export function attachRealtimeEndpoint(options: RealtimeEndpointOptions): RealtimeEndpoint {
  const settings = realtimeSettings(options.settings);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const registry = new SubscriptionRegistry();
  const connections = new Set<RealtimeConnection>();
  const writes = new WriteBatch();
  const deps = { settings, authenticator: options.authenticator, engine: options.engine, registry, graphqlPath: options.graphqlPath, writes, log };
  const webSockets = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    // Larger messages get an `error` frame from the connection; far larger ones are not even read (close 1009).
    maxPayload: settings.maxInboundMessageBytes * 16,
    handleProtocols: (offered) => selectSubprotocol(offered),
  });
  const tls = options.tls ? serveTlsOnSamePort(options.httpServer, options.tls) : undefined;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    if (!isRealtimePath(request.url ?? '/', options.graphqlPath)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      const handshake = {
        transport: socket,
        header: connectionHeader(offeredProtocols(request), request.url ?? '/'),
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        subprotocolAccepted: webSocket.protocol === GRAPHQL_WS_PROTOCOL,
      };
      const connection = new RealtimeConnection(webSocket, handshake, deps);
      connections.add(connection);
      webSocket.once('close', () => connections.delete(connection));
    });
  };
  options.httpServer.on('upgrade', onUpgrade);

  let published: Promise<void> = Promise.resolve();
  return {
    publish(outcome) {
      if (outcome.publications.length === 0 && outcome.invalidations.length === 0) return Promise.resolve();
      published = published
        .then(() => fanOut(outcome, { engine: options.engine(), registry, maxPayloadBytes: settings.maxPayloadBytes, log }))
        .catch((error: unknown) => log(`liveboard: publishing to subscribers failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      // The next outcome fans out without waiting for this flush: events of one turn leave together.
      return published.then(() => writes.flushed());
    },
    stats: () => ({ connections: connections.size, subscriptions: registry.size, subscribedFields: registry.fieldCount }),
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      for (const connection of connections) connection.terminate();
      tls?.destroyUntracked();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
    },
  };
}

/** `Sec-WebSocket-Protocol` entries in the order offered (the `header-…` one carries credentials, §2.2). */
function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return header === undefined ? [] : header.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}
