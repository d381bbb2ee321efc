/**
 * One real-time WebSocket connection, frame by frame (appsync-realtime.md §3): `connection_init` →
 * `connection_ack` + `ka`, `start` → `start_ack` or `error`, `stop` → `complete`, and the `data` and
 * `complete` frames publishing sends it. Its subscriptions live in the process-wide registry while it is
 * open and leave it when it closes, however it closes.
 */
import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { connectionCredentialsRequest, subscriptionCredentialsRequest } from '../auth/realtime-credentials.js';
import type { Authenticator } from '../auth/types.js';
import type { Engine, SubscriptionStart } from '../engine/index.js';
import {
  ConnectionInitTimeoutError,
  ConnectionUnauthorizedError,
  DuplicatedOperationError,
  InternalFailureException,
  MaxSubscriptionsReachedError,
  MessageTooLargeError,
  SubProtocolNotSupportedError,
  SubscriptionFilterError,
  UnauthorizedException,
  UnsupportedOperationError,
} from '../errors.js';
import { compileFilter } from './filters/enhanced-filter.js';
import { DATA_FRAME_SUFFIX, dataFramePrefix, frameErrorOf, readClientMessage, serverFrames, untypedFrameErrorOf, type FrameError } from './frames.js';
import type { RealtimeSettings } from './settings.js';
import type { ActiveSubscription, Subscriber, SubscriptionRegistry } from './subscription-registry.js';
import { textFrame } from './text-frame.js';
import type { WriteBatch } from './write-batch.js';

export interface ConnectionDependencies {
  settings: RealtimeSettings;
  authenticator: Authenticator;
  /** Read at each `start` (hot reload swaps the engine). */
  engine: () => Engine;
  registry: SubscriptionRegistry;
  /** The GraphQL endpoint's path, which IAM signatures cover (§2.3). */
  graphqlPath: string;
  /** Shared by every connection: frames leave at the end of the event loop's turn. */
  writes: WriteBatch;
  log: (line: string) => void;
}

/** What the handshake established (§2.1-2.2). */
export interface ConnectionHandshake {
  /**
   * The TCP (or TLS) stream under the WebSocket: frames are written to it directly (see text-frame.ts), in
   * batches (see write-batch.ts). The WebSocket must not use compression.
   */
  transport: Duplex;
  /** The auth header object from the `header-` subprotocol or the `header` query parameter. */
  header: Record<string, unknown> | undefined;
  sourceIp: string;
  /** False when the client did not offer `graphql-ws`. */
  subprotocolAccepted: boolean;
}

/** The parts of `payload.data` a start needs (§3.2). */
interface StartRequest {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

/** A `start` in progress (authentication, the subscription resolver); `stopped` if a `stop` came meanwhile. */
interface PendingStart {
  stopped: boolean;
}

const DATA_FRAME_SUFFIX_BYTES = Buffer.from(DATA_FRAME_SUFFIX);

/** Close code used when the server ends a connection (AppSync's is unconfirmed, §6). */
const NORMAL_CLOSURE = 1000;

export class RealtimeConnection implements Subscriber {
  readonly #socket: WebSocket;
  readonly #handshake: ConnectionHandshake;
  readonly #deps: ConnectionDependencies;
  readonly #subscriptions = new Map<string, ActiveSubscription>();
  readonly #pendingStarts = new Map<string, PendingStart>();
  #keepAliveTimer: NodeJS.Timeout | undefined;
  #initTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(socket: WebSocket, handshake: ConnectionHandshake, deps: ConnectionDependencies) {
    this.#socket = socket;
    this.#handshake = handshake;
    this.#deps = deps;
    socket.on('close', () => this.#cleanUp());
    socket.on('error', (error) => {
      deps.log(`liveboard: real-time connection error: ${error.message}`);
      socket.terminate();
    });
    if (!handshake.subprotocolAccepted) {
      // §2.1: the upgrade completed without a subprotocol; a client that tolerates that learns why.
      this.#refuse(untypedFrameErrorOf(new SubProtocolNotSupportedError()));
      return;
    }
    socket.on('message', (data) => this.#receive(data));
    const initTimeoutMs = deps.settings.connectionInitTimeoutMs;
    if (initTimeoutMs > 0) {
      this.#initTimer = setTimeout(() => this.#refuse(frameErrorOf(new ConnectionInitTimeoutError(initTimeoutMs))), initTimeoutMs);
      this.#initTimer.unref();
    }
  }

  deliver(subscription: ActiveSubscription, payload: Buffer): void {
    if (this.#subscriptions.get(subscription.id) === subscription) this.#write(textFrame(subscription.dataFramePrefix, payload, DATA_FRAME_SUFFIX_BYTES));
  }

  invalidate(subscription: ActiveSubscription): void {
    if (this.#subscriptions.get(subscription.id) !== subscription) return;
    this.#end(subscription);
    // §4.6: the invalidated subscription gets `complete`; the connection stays open for the others (unconfirmed).
    this.#send(serverFrames.complete(subscription.id));
  }

  /** Ends the connection at once (server shutdown). */
  terminate(): void {
    this.#socket.terminate();
  }

  #receive(data: RawData): void {
    const bytes = toBuffer(data);
    if (bytes.length > this.#deps.settings.maxInboundMessageBytes) {
      this.#send(serverFrames.error(undefined, [frameErrorOf(new MessageTooLargeError(bytes.length, this.#deps.settings.maxInboundMessageBytes))]));
      return;
    }
    const message = readClientMessage(bytes.toString('utf8'));
    switch (message.type) {
      case 'connection_init':
        this.#initialize().catch((error: unknown) => this.#fail('connection_init', error));
        return;
      case 'start':
        this.#start(message.id, message.data, message.authorization).catch((error: unknown) => {
          this.#fail('start', error);
          this.#send(serverFrames.error(message.id, [frameErrorOf(new InternalFailureException('An internal failure occurred in the local server (see its log).'))]));
        });
        return;
      case 'stop':
        this.#stop(message.id);
        return;
      case 'invalid':
        this.#send(serverFrames.error(message.id, [frameErrorOf(message.error)]));
        return;
    }
  }

  /**
   * §2.4, §3.3: the connection's credentials must pass one of the API's modes; then `connection_ack`, a `ka`
   * at once and one every interval. A refused credential gets `connection_error` (401) and the socket closes.
   */
  async #initialize(): Promise<void> {
    clearTimeout(this.#initTimer);
    const { header, sourceIp } = this.#handshake;
    const outcome =
      header === undefined
        ? undefined
        : await this.#deps.authenticator.authenticate(connectionCredentialsRequest(header, { graphqlPath: this.#deps.graphqlPath, sourceIp }));
    if (this.#closed) return;
    if (!outcome?.ok) {
      this.#refuse(frameErrorOf(new ConnectionUnauthorizedError()));
      return;
    }
    this.#send(serverFrames.connectionAck(this.#deps.settings.connectionTimeoutMs));
    if (this.#keepAliveTimer === undefined) {
      this.#send(serverFrames.keepAlive());
      this.#keepAliveTimer = setInterval(() => this.#send(serverFrames.keepAlive()), this.#deps.settings.keepAliveIntervalMs);
      this.#keepAliveTimer.unref();
    }
  }

  /**
   * §3.2, §3.4, §4.4, §5: checks the id and the limit, authenticates the start's own `authorization`, lets
   * the engine validate the document, authorize the field and run its resolver, reads the filters the
   * resolver set, then registers the subscription *before* sending `start_ack`, so that every event after
   * the ack is delivered (§3.3). No `start_ack` on any failure.
   */
  async #start(id: string, data: string, authorization: unknown): Promise<void> {
    if (this.#subscriptions.has(id) || this.#pendingStarts.has(id)) {
      this.#send(serverFrames.error(id, [frameErrorOf(new DuplicatedOperationError(id))]));
      return;
    }
    const limit = this.#deps.settings.maxSubscriptionsPerConnection;
    if (this.#subscriptions.size + this.#pendingStarts.size >= limit) {
      this.#send(serverFrames.error(id, [frameErrorOf(new MaxSubscriptionsReachedError(limit))]));
      return;
    }
    const request = readStartRequest(data);
    if (request === undefined) {
      const error = new UnsupportedOperationError('payload.data must be a JSON object with a query string (and optional variables and operationName).');
      this.#send(serverFrames.error(id, [frameErrorOf(error)]));
      return;
    }
    const pending: PendingStart = { stopped: false };
    this.#pendingStarts.set(id, pending);
    let started: ActiveSubscription | FrameError[];
    try {
      started = await this.#prepare(id, request, data, authorization);
    } finally {
      this.#pendingStarts.delete(id);
    }
    if (this.#closed) return;
    if (Array.isArray(started)) {
      this.#send(serverFrames.error(id, started));
    } else if (pending.stopped) {
      this.#send(serverFrames.complete(id));
    } else {
      this.#subscriptions.set(id, started);
      this.#deps.registry.add(started);
      this.#send(serverFrames.startAck(id));
    }
  }

  async #prepare(id: string, request: StartRequest, data: string, authorization: unknown): Promise<ActiveSubscription | FrameError[]> {
    const context = { graphqlPath: this.#deps.graphqlPath, sourceIp: this.#handshake.sourceIp };
    const credentials = subscriptionCredentialsRequest(authorization, data, request, context);
    const authenticated = await this.#deps.authenticator.authenticate(credentials);
    if (!authenticated.ok) {
      // §3.4: a refused start credential (errorType recommended, unconfirmed; the mode's own message).
      return [frameErrorOf(new UnauthorizedException(authenticated.message))];
    }
    const start = await this.#deps.engine().startSubscription({ ...request, headers: credentials.headers, auth: authenticated.auth });
    if (!start.ok) return startFailureErrors(start);
    try {
      const limits = this.#deps.settings.filters;
      return {
        id,
        dataFramePrefix: Buffer.from(dataFramePrefix(id)),
        subscriber: this,
        prepared: start.subscription,
        viewKey: `${request.operationName ?? ''}\u0000${request.query}\u0000${JSON.stringify(request.variables)}`,
        filter: compileFilter(start.extensions.subscriptionFilter, limits),
        invalidationFilter: compileFilter(start.extensions.subscriptionInvalidationFilter, limits),
      };
    } catch (error) {
      if (error instanceof SubscriptionFilterError) return [untypedFrameErrorOf(error)];
      throw error;
    }
  }

  /** §3.3: `complete` for an active id; a start still in progress is completed when it finishes; unknown ids are ignored (§8 item 46). */
  #stop(id: string): void {
    const subscription = this.#subscriptions.get(id);
    if (subscription) {
      this.#end(subscription);
      this.#send(serverFrames.complete(id));
      return;
    }
    const pending = this.#pendingStarts.get(id);
    if (pending) pending.stopped = true;
  }

  #end(subscription: ActiveSubscription): void {
    this.#subscriptions.delete(subscription.id);
    this.#deps.registry.remove(subscription);
  }

  /** Sends `connection_error` and closes (§2.4; the close code is unconfirmed). */
  #refuse(error: FrameError): void {
    this.#send(serverFrames.connectionError([error]));
    this.#socket.close(NORMAL_CLOSURE);
  }

  #send(frame: string): void {
    this.#write(textFrame(Buffer.from(frame)));
  }

  /**
   * Frames queue in the socket; a client that reads too slowly (or not at all) would make that queue grow
   * without bound, so past `maxSendBufferBytes` it is dropped and the others go on unaffected.
   */
  #write(frame: Buffer): void {
    if (this.#socket.readyState !== WebSocket.OPEN) return;
    const transport = this.#handshake.transport;
    if (transport.writableLength > this.#deps.settings.maxSendBufferBytes) {
      this.#deps.log(`liveboard: dropped a real-time client that is not reading (over ${this.#deps.settings.maxSendBufferBytes} bytes waiting)`);
      this.#socket.terminate();
      return;
    }
    this.#deps.writes.hold(transport);
    transport.write(frame);
  }

  #fail(stage: string, error: unknown): void {
    this.#deps.log(`liveboard: real-time ${stage} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  #cleanUp(): void {
    this.#closed = true;
    clearTimeout(this.#initTimer);
    clearInterval(this.#keepAliveTimer);
    for (const subscription of this.#subscriptions.values()) this.#deps.registry.remove(subscription);
    this.#subscriptions.clear();
  }
}

/** `payload.data`: a JSON string of `{query, variables?, operationName?}`; variables come only from here (§3.2). */
function readStartRequest(data: string): StartRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string') return undefined;
  return {
    query,
    variables: typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? (variables as Record<string, unknown>) : null,
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}

/**
 * The `error` frame's entries for a refused start (§3.4): validation errors carry only their message, as
 * AppSync sends them (observed: aws-amplify/amplify-js#4853); a query or mutation is `UnsupportedOperation`;
 * authorization and resolver errors keep their errorType (observed for `Unauthorized`: amplify-js#12679).
 */
function startFailureErrors(start: Extract<SubscriptionStart, { ok: false }>): FrameError[] {
  return start.errors.map((error) => {
    if (start.stage === 'operation') return frameErrorOf(new UnsupportedOperationError(error.message));
    if (start.stage === 'document' || !('errorType' in error) || error.errorType === null) return { message: error.message };
    return { errorType: error.errorType, message: error.message };
  });
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
