/**
 * TLS and plain HTTP on one port (appsync-realtime.md §1.3 item 3): Amplify v6 opens
 * `wss://HOST:PORT/graphql/realtime` for `http://HOST:PORT/graphql`, so the HTTP port must also speak TLS.
 * The first byte of each accepted connection decides: `0x16` (a TLS handshake record, the ClientHello) goes
 * through a TLS server whose decrypted sockets are handed back to the same HTTP server; anything else goes
 * to the HTTP server as it is. Requests and WebSocket upgrades are therefore served identically over both.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

/** The first byte of a TLS handshake record. */
const TLS_HANDSHAKE_RECORD = 0x16;

export interface TlsCredentials {
  key: string;
  cert: string;
}

/**
 * Routes `httpServer`'s connections by their first byte. Call before `listen`. `destroyUntracked` ends the
 * raw connections the HTTP server does not know about: those still being sniffed and those carrying TLS
 * (the server tracks the decrypted socket only); its `close` would otherwise wait for them.
 */
export function serveTlsOnSamePort(httpServer: Server, credentials: TlsCredentials): { destroyUntracked(): void } {
  // The HTTP server's own connection handling, taken over so that it only sees sockets that speak HTTP.
  const httpConnectionListeners = httpServer.listeners('connection') as Array<(socket: Socket) => void>;
  httpServer.removeAllListeners('connection');
  const handToHttp = (socket: Socket): void => {
    for (const listener of httpConnectionListeners) listener.call(httpServer, socket);
  };

  const untracked = new Set<Socket>();
  const tlsServer = createTlsServer({ ...credentials, ALPNProtocols: ['http/1.1'] }, handToHttp);
  // A failed handshake (an untrusting client, a port scan) only ends that connection.
  tlsServer.on('tlsClientError', (_error, tlsSocket) => tlsSocket.destroy());

  httpServer.on('connection', (socket: Socket) => {
    untracked.add(socket);
    socket.once('close', () => untracked.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (firstChunk: Buffer) => {
      socket.pause();
      socket.unshift(firstChunk);
      if (firstChunk[0] === TLS_HANDSHAKE_RECORD) {
        tlsServer.emit('connection', socket);
      } else {
        untracked.delete(socket);
        handToHttp(socket);
      }
      // The handler just given the socket listens for data; resuming must wait a tick (a synchronous resume
      // stalls the socket on Node ≥ 10).
      process.nextTick(() => socket.resume());
    });
  });

  return {
    destroyUntracked() {
      for (const socket of untracked) socket.destroy();
      untracked.clear();
    },
  };
}
