/**
 * Amplify v6 (`aws-amplify`, `generateClient`), unchanged, against `liveboard start`: for
 * `http://HOST:PORT/graphql` it always opens `wss://HOST:PORT/graphql/realtime`, so this is the server's TLS
 * on the HTTP port at work (the test trusts the server's certificate, as `NODE_EXTRA_CA_CERTS` would). It
 * subscribes with the API key and with a Cognito access token from the local issuer, and sees argument
 * filters, enhanced filters and invalidation.
 * Spec: shared/spec/appsync-realtime.md §1.2-1.3, §2.1-2.3, §4, §7.
 */
import { decodeJWT } from '@aws-amplify/core';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { parse, print } from 'graphql';
import { WebSocket as NodeWebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Observed } from './support/observed.js';
import { startLiveboardServer, type LiveboardServer } from './support/liveboard-server.js';

let server: LiveboardServer;
let accessToken: string;
const globalWebSocket = globalThis.WebSocket;

beforeAll(async () => {
  server = await startLiveboardServer();
  accessToken = await server.pool.mint({ username: 'amplify-user', tokenUse: 'access' });
  // Amplify calls `new WebSocket(url, protocols)`; this one trusts the local server's certificate.
  const ca = server.ca;
  class TrustingWebSocket extends NodeWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  }
  Object.assign(globalThis, { WebSocket: TrustingWebSocket });
  Amplify.configure(
    {
      API: { GraphQL: { endpoint: server.url, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: server.apiKey } },
      Auth: { Cognito: { userPoolId: server.pool.userPoolId, userPoolClientId: server.pool.clientId } },
    },
    // The signed-in session, as Amplify Auth would hold it after a sign-in to the pool.
    { Auth: { tokenProvider: { getTokens: async () => ({ accessToken: decodeJWT(accessToken) }) } } },
  );
});

afterAll(async () => {
  Object.assign(globalThis, { WebSocket: globalWebSocket });
  await server?.stop();
});

type AuthMode = 'apiKey' | 'userPool';

interface Subscription {
  events: Observed<unknown>;
  stop(): void;
}

/**
 * Subscribes and resolves once the server acknowledged the start, which Amplify announces on its `api` Hub
 * channel ("Subscription ack", with the query as it printed it and the variables).
 */
async function subscribe(query: string, variables: Record<string, unknown> = {}, authMode: AuthMode = 'apiKey'): Promise<Subscription> {
  const events = new Observed<unknown>();
  const printed = print(parse(query)).trim();
  const acknowledged = new Promise<void>((resolve) => {
    const stopListening = Hub.listen('api', ({ payload }) => {
      const data = payload.data as { query?: string; variables?: Record<string, unknown> } | undefined;
      if (payload.event === 'Subscription ack' && data?.query?.trim() === printed && JSON.stringify(data.variables) === JSON.stringify(variables)) {
        stopListening();
        resolve();
      }
    });
  });
  const observable = generateClient().graphql({ query, variables, authMode }) as unknown as {
    subscribe(observer: { next(value: { data: unknown }): void; error(error: unknown): void }): { unsubscribe(): void };
  };
  const subscription = observable.subscribe({ next: ({ data }) => events.push(data), error: events.fail });
  await Promise.race([acknowledged, events.failure()]);
  if (events.errors.length > 0) await events.next();
  return { events, stop: () => subscription.unsubscribe() };
}

const POST = 'id title authorId category priority';

async function createPost(input: Record<string, unknown>): Promise<void> {
  await generateClient().graphql({
    query: `mutation Create($input: PostInput!) { createPost(input: $input) { ${POST} } }`,
    variables: { input: { createdAt: '2026-11-23T10:00:00.000Z', ...input } },
  });
}

function post(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: null, authorId: null, category: null, priority: null, ...fields };
}

describe('Amplify v6 generateClient against liveboard start (wss:// on the HTTP port)', () => {
  it('receives a mutation result with the API key', async () => {
    const subscription = await subscribe(`subscription OnCreate { onCreatePost { ${POST} } }`);
    await createPost({ id: 'amplify-key', title: 'hello' });
    expect(await subscription.events.next()).toEqual({ onCreatePost: post('amplify-key', { title: 'hello' }) });
    subscription.stop();
  });

  it('receives a mutation result with a Cognito access token, on a Cognito-only field', async () => {
    const subscription = await subscribe('subscription OnReviewed { onReviewedPost { id title reviewNote } }', {}, 'userPool');
    await createPost({ id: 'amplify-cognito', title: 'for users' });
    expect(await subscription.events.next()).toEqual({ onReviewedPost: { id: 'amplify-cognito', title: 'for users', reviewNote: null } });
    subscription.stop();
  });

  it('filters by the subscription\'s arguments (spec §4.3)', async () => {
    const query = `subscription ByCategory($category: String) { onCreatePost(category: $category) { ${POST} } }`;
    const news = await subscribe(query, { category: 'amplify-news' });
    await createPost({ id: 'amplify-sport', category: 'amplify-sport' });
    await createPost({ id: 'amplify-news', category: 'amplify-news' });
    expect(await news.events.next()).toEqual({ onCreatePost: post('amplify-news', { category: 'amplify-news' }) });
    news.stop();
  });

  it('filters with the enhanced filter the subscription resolver sets (spec §4.5)', async () => {
    const query = `subscription Filtered($filter: AWSJSON!) { onFilteredPost(filter: $filter) { ${POST} } }`;
    const tagged = await subscribe(query, { filter: JSON.stringify({ or: [{ title: { beginsWith: 'amplify:' } }, { priority: { between: [8, 9] } }] }) });
    await createPost({ id: 'amplify-other', title: 'other', priority: 3 });
    await createPost({ id: 'amplify-title', title: 'amplify: hi', priority: 1 });
    await createPost({ id: 'amplify-priority', title: 'x', priority: 9 });
    expect([await tagged.events.next(), await tagged.events.next()]).toEqual([
      { onFilteredPost: post('amplify-title', { title: 'amplify: hi', priority: 1 }) },
      { onFilteredPost: post('amplify-priority', { title: 'x', priority: 9 }) },
    ]);
    tagged.stop();
  });

  it('stops delivering to an invalidated subscription while the others go on (spec §4.6)', async () => {
    const query = 'subscription Watched($category: String!, $watcher: String!) { onWatchedPost(category: $category, watcher: $watcher) { id category } }';
    const removed = await subscribe(query, { category: 'amplify-board', watcher: 'removed' });
    const kept = await subscribe(query, { category: 'amplify-board', watcher: 'kept' });
    await generateClient().graphql({
      query: 'mutation Invalidate($payloads: [AWSJSON!]!) { invalidate(subscriptionField: "onWatchedPost", payloads: $payloads) }',
      variables: { payloads: [JSON.stringify({ category: 'amplify-board', watcher: 'removed' })] },
    });
    await createPost({ id: 'amplify-after', category: 'amplify-board' });
    // Same socket, the invalidated subscription registered first: its event would have come first.
    expect([await kept.events.next(), removed.events.items]).toEqual([{ onWatchedPost: { id: 'amplify-after', category: 'amplify-board' } }, []]);
    removed.stop();
    kept.stop();
  });
});
