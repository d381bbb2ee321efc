/**
 * A connection's handling of starts that are still in progress (authentication and the subscription
 * resolver take time): `stop`, a duplicate id, a closed socket or a failing engine meanwhile. Real
 * WebSockets; the engine and the authenticator are stand-ins whose answers the tests release.
 * Spec: shared/spec/appsync-realtime.md §3.2-3.4.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, WebSocket } from 'ws';
import type { Authenticator } from '../../../local/auth/types.js';
import type { Engine, PreparedSubscription, SubscriptionStart } from '../../../local/engine/index.js';
import { RealtimeConnection } from '../../../local/realtime/connection.js';
import { realtimeSettings } from '../../../local/realtime/settings.js';
import { SubscriptionRegistry } from '../../../local/realtime/subscription-registry.js';
import { WriteBatch } from '../../../local/realtime/write-batch.js';

const apiKey: Authenticator = {
  authenticate: async () => ({ ok: true, auth: { type: 'API_KEY', identity: null, deniedFields: [] } }),
  modeFor: () => 'API_KEY',
};

/** An engine whose starts wait until the test settles them. */
class PendingStarts {
  readonly waiting: Array<{ resolve(start: SubscriptionStart): void; reject(error: Error): void }> = [];
  readonly engine = {
    startSubscription: () => new Promise<SubscriptionStart>((resolve, reject) => this.waiting.push({ resolve, reject })),
  } as unknown as Engine;

  /** Waits until `count` starts reached the engine. */
  async reached(count: number): Promise<void> {
    await vi.waitFor(() => expect(this.waiting.length).toBe(count));
  }

  succeed(index: number): void {
    const subscription = { fieldName: 'onX', responseKey: 'onX', arguments: {} } as unknown as PreparedSubscription;
    this.waiting[index]?.resolve({ ok: true, subscription, extensions: { invalidations: [], cacheEvictions: [] } });
  }
}

let server: WebSocketServer;
let registry: SubscriptionRegistry;
let engine: PendingStarts;
let logs: string[];
let client: WebSocket;
let frames: unknown[];

beforeEach(async () => {
  registry = new SubscriptionRegistry();
  engine = new PendingStarts();
  logs = [];
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  const deps = { settings: realtimeSettings(), authenticator: apiKey, engine: () => engine.engine, registry, graphqlPath: '/graphql', writes: new WriteBatch(), log: (line: string) => logs.push(line) };
  server.on('connection', (socket, request) => {
    new RealtimeConnection(socket, { transport: request.socket, header: { 'x-api-key': 'k' }, sourceIp: '127.0.0.1', subprotocolAccepted: true }, deps);
  });
  await new Promise((resolve) => server.once('listening', resolve));
  client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  frames = [];
  client.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((resolve) => client.once('open', resolve));
});

afterEach(async () => {
  client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

function start(id: string): void {
  client.send(JSON.stringify({ id, type: 'start', payload: { data: '{"query":"subscription { onX { a } }"}', extensions: { authorization: { 'x-api-key': 'k' } } } }));
}

describe('starts in progress', () => {
  it('answers stop with complete once the start finishes, and registers nothing (§3.2)', async () => {
    start('s1');
    await engine.reached(1);
    client.send(JSON.stringify({ id: 's1', type: 'stop' }));
    // The stop is read before the start finishes: a later `start` with another id reaches the engine after it.
    start('s2');
    await engine.reached(2);
    engine.succeed(0);
    engine.succeed(1);
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect({ frames, registered: registry.size }).toEqual({
      frames: [
        { id: 's1', type: 'complete' },
        { id: 's2', type: 'start_ack' },
      ],
      registered: 1,
    });
  });

  it('refuses the same id while its start is in progress (§3.4)', async () => {
    start('dup');
    await engine.reached(1);
    start('dup');
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    engine.succeed(0);
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect(frames).toEqual([
      { id: 'dup', type: 'error', payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id dup' }] } },
      { id: 'dup', type: 'start_ack' },
    ]);
  });

  it('registers nothing for a start that finishes after its connection closed', async () => {
    start('late');
    await engine.reached(1);
    client.terminate();
    await vi.waitFor(() => expect(server.clients.size).toBe(0));
    engine.succeed(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(registry.size).toBe(0);
  });

  it('answers an engine failure with InternalFailure and logs it, the connection staying open', async () => {
    start('boom');
    await engine.reached(1);
    engine.waiting[0]?.reject(new Error('engine exploded'));
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    start('after');
    await engine.reached(2);
    engine.succeed(1);
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect({ frames, logged: logs.map((line) => line.split('\n')[0]) }).toEqual({
      frames: [
        { id: 'boom', type: 'error', payload: { errors: [{ errorType: 'InternalFailure', message: 'An internal failure occurred in the local server (see its log).' }] } },
        { id: 'after', type: 'start_ack' },
      ],
      logged: ['liveboard: real-time start failed: Error: engine exploded'],
    });
  });
});
