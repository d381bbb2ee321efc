/**
 * The real-time endpoint under load and misbehaving clients: a client that stops reading is dropped
 * without holding back the others, thousands of subscriptions in one process, abrupt disconnects leave
 * nothing behind, and the optional wait for `connection_init`.
 * Spec: shared/spec/appsync-realtime.md §3.5 (server-side timeouts: unconfirmed, configurable), §6;
 * issue 6 "Robustness".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RawRealtimeClient, headerProtocol } from './support/raw-client.js';
import { apiKeyAuth, mutatePost, postInput, startRealtimeFixture, type RealtimeFixture } from './support/fixture-api.js';

let fixture: RealtimeFixture;

/** Small limits so that the behaviours show quickly. */
const MAX_SEND_BUFFER_BYTES = 256 * 1024;
const INIT_TIMEOUT_MS = 500;

beforeAll(async () => {
  fixture = await startRealtimeFixture({ maxSendBufferBytes: MAX_SEND_BUFFER_BYTES, connectionInitTimeoutMs: INIT_TIMEOUT_MS });
});

afterAll(async () => {
  await fixture?.close();
});

async function connected(): Promise<RawRealtimeClient> {
  const client = await RawRealtimeClient.connect(fixture.api.realtimeUrl, ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
  await client.initialize();
  return client;
}

const ON_CATEGORY = 'subscription S($c: String) { onCreatePost(category: $c) { id category title } }';

describe('robustness', () => {
  it('drops a client that stops reading, while the others get every event', async () => {
    const reader = await connected();
    const stalled = await connected();
    await reader.subscribe('reader', ON_CATEGORY, { c: 'slow' }, apiKeyAuth(fixture));
    await stalled.subscribe('stalled', ON_CATEGORY, { c: 'slow' }, apiKeyAuth(fixture));
    // The stalled client's process stops reading its socket: frames pile up in the kernel, then in the server.
    stalled.socket.pause();

    const title = 'x'.repeat(200 * 1024);
    const dropLine = `liveboard: dropped a real-time client that is not reading (over ${MAX_SEND_BUFFER_BYTES} bytes waiting)`;
    const dropped = () => fixture.logs.includes(dropLine);
    let published = 0;
    // Kernel socket buffers absorb a few megabytes first; the bound is only reached after that.
    while (!dropped() && published < 400) {
      await mutatePost(fixture, 'createPost', postInput(`slow-${published}`, { category: 'slow', title }), 'id category title');
      published += 1;
    }
    const received = [];
    for (let index = 0; index < published; index += 1) received.push((await reader.nextMessage()).id);
    expect({ dropped: dropped(), received }).toEqual({ dropped: true, received: Array.from({ length: published }, () => 'reader') });
    await vi.waitFor(() => expect(fixture.api.realtime.stats()).toEqual({ connections: 1, subscriptions: 1, subscribedFields: 1 }));
    // Once it reads again, the stalled client finds its connection cut (no close frame: 1006).
    stalled.socket.resume();
    expect((await stalled.closed).code).toBe(1006);
    await reader.close();
  });

  it('serves thousands of subscriptions in one process and forgets them when their clients go', async () => {
    const clients = await Promise.all(Array.from({ length: 40 }, () => connected()));
    await Promise.all(
      clients.map(async (client, clientIndex) => {
        for (let index = 0; index < 100; index += 1) {
          expect(await client.subscribe(`s-${index}`, ON_CATEGORY, { c: clientIndex % 2 === 0 ? 'even' : 'odd' }, apiKeyAuth(fixture))).toEqual({
            id: `s-${index}`,
            type: 'start_ack',
          });
        }
      }),
    );
    expect(fixture.api.realtime.stats()).toEqual({ connections: 40, subscriptions: 4000, subscribedFields: 1 });

    await mutatePost(fixture, 'createPost', postInput('p-even', { category: 'even' }), 'id category title');
    const evenClients = clients.filter((_, index) => index % 2 === 0);
    const delivered = await Promise.all(
      evenClients.map(async (client) => {
        const frames = [];
        for (let index = 0; index < 100; index += 1) frames.push(await client.nextMessage());
        return frames;
      }),
    );
    const expectedFrames = Array.from({ length: 100 }, (_, index) => ({
      id: `s-${index}`,
      type: 'data',
      payload: { data: { onCreatePost: { id: 'p-even', category: 'even', title: null } } },
    }));
    expect(delivered).toEqual(evenClients.map(() => expectedFrames));

    // Half leave politely, half vanish without a close frame.
    await Promise.all(clients.map((client, index) => (index < 20 ? client.close() : (client.socket.terminate(), client.closed))));
    await vi.waitFor(() => expect(fixture.api.realtime.stats()).toEqual({ connections: 0, subscriptions: 0, subscribedFields: 0 }));
  });

  it('closes a connection that sends no connection_init within the configured time (§3.5: off by default, unconfirmed)', async () => {
    const client = await RawRealtimeClient.connect(fixture.api.realtimeUrl, ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
    expect([await client.next(), (await client.closed).code]).toEqual([
      {
        type: 'connection_error',
        payload: {
          errors: [{ errorType: 'ConnectionTimeoutError', message: `No connection_init message was received within ${INIT_TIMEOUT_MS} ms.`, errorCode: 408 }],
        },
      },
      1000,
    ]);
  });
});
