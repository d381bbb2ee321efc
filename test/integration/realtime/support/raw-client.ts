/**
 * A raw `ws` client of AppSync's real-time protocol for frame-by-frame tests: it records every frame the
 * server sends and lets a test await them one at a time (spec appsync-realtime.md §3, §8).
 */
import { WebSocket, type ClientOptions } from 'ws';

/** Any frame, parsed. */
export type Frame = Record<string, unknown>;

export interface Closed {
  code: number;
  reason: string;
}

export class RawRealtimeClient {
  readonly socket: WebSocket;
  /** The negotiated subprotocol ('' when none). */
  readonly protocol: string;
  readonly closed: Promise<Closed>;
  readonly #unread: Frame[] = [];
  readonly #waiters: Array<(frame: Frame) => void> = [];

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.protocol = socket.protocol;
    socket.on('message', (data) => this.#push(JSON.parse(String(data)) as Frame));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  /** Opens a socket and waits for the upgrade; rejects when the handshake fails. */
  static connect(url: string, protocols: string[], options: ClientOptions = {}): Promise<RawRealtimeClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocols, options);
      socket.once('open', () => resolve(new RawRealtimeClient(socket)));
      socket.once('error', reject);
    });
  }

  /** The next frame not yet read, `ka` frames included. */
  next(): Promise<Frame> {
    const frame = this.#unread.shift();
    if (frame) return Promise.resolve(frame);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The next frame that is not a `ka`. */
  async nextMessage(): Promise<Frame> {
    for (;;) {
      const frame = await this.next();
      if (frame.type !== 'ka') return frame;
    }
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** `connection_init`, then the `connection_ack` and the first `ka` (spec §3.1). */
  async initialize(): Promise<[Frame, Frame]> {
    this.send({ type: 'connection_init' });
    return [await this.next(), await this.next()];
  }

  /** Sends a `start` the way the JS clients build it: variables inside the `data` string (spec §3.2). */
  start(id: string, query: string, variables: Record<string, unknown>, authorization: Record<string, string>): void {
    this.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
  }

  /** Sends a `start` and answers the next non-`ka` frame (`start_ack` or `error`). */
  async subscribe(id: string, query: string, variables: Record<string, unknown>, authorization: Record<string, string>): Promise<Frame> {
    this.start(id, query, variables, authorization);
    return this.nextMessage();
  }

  close(): Promise<Closed> {
    this.socket.close(1000);
    return this.closed;
  }

  #push(frame: Frame): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(frame);
    else this.#unread.push(frame);
  }
}

/** The `header-<base64url>` subprotocol entry, unpadded as the clients send it (spec §2.1). */
export function headerProtocol(header: Record<string, string>): string {
  return `header-${Buffer.from(JSON.stringify(header)).toString('base64url')}`;
}

/** The `?header=…&payload=e30=` query, standard base64 left raw as the clients send it (spec §2.2). */
export function headerQuery(header: Record<string, string>): string {
  return `?header=${Buffer.from(JSON.stringify(header)).toString('base64')}&payload=e30=`;
}
