/**
 * Apollo Client 4 with aws-appsync-auth-link and aws-appsync-subscription-link, unchanged, against
 * `liveboard start`: the link derives `ws://HOST:PORT/graphql/realtime` from the GraphQL URL, authenticates
 * with the API key or a Cognito token from the local issuer, and receives mutation results; argument
 * filters, enhanced filters and invalidation as that client sees them.
 * Spec: shared/spec/appsync-realtime.md §1.1, §2-4, §7.
 */
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client';
import type { AuthOptions } from 'aws-appsync-auth-link';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The links as the SDK loads them (their CommonJS builds under Node: client/appsync-links.ts says why),
// and the SDK's link that reports start_ack.
import { createAuthLink, createSubscriptionHandshakeLink } from '../../../client/appsync-links.js';
import { subscriptionStartedLink } from '../../../client/subscription-started-link.js';
import { Observed } from './support/observed.js';
import { startLiveboardServer, type LiveboardServer } from './support/liveboard-server.js';

let server: LiveboardServer;
const clients: ApolloClient[] = [];

beforeAll(async () => {
  server = await startLiveboardServer();
});

afterAll(async () => {
  for (const client of clients) client.stop();
  await server?.stop();
});

function apolloClient(auth: AuthOptions): ApolloClient {
  const info = { url: server.url, region: 'us-east-1', auth };
  // The links' typings name Apollo 3's ApolloLink; at run time they are Apollo 4 links (dependencies.md).
  const link = ApolloLink.from([
    subscriptionStartedLink(),
    createAuthLink(info) as unknown as ApolloLink,
    createSubscriptionHandshakeLink(info, new HttpLink({ uri: server.url }) as never) as unknown as ApolloLink,
  ]);
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  clients.push(client);
  return client;
}

/** Subscribes and resolves once the server acknowledged the start. */
async function subscribe(client: ApolloClient, query: DocumentNode, variables: Record<string, unknown> = {}): Promise<{ events: Observed<unknown>; stop(): void }> {
  const events = new Observed<unknown>();
  let ready: () => void = () => undefined;
  const acknowledged = new Promise<void>((resolve) => (ready = resolve));
  const context = { onSubscriptionStarted: () => ready() };
  const subscription = client.subscribe({ query, variables, fetchPolicy: 'no-cache', context }).subscribe({
    next: (result) => events.push(result.data),
    error: (error: unknown) => {
      events.fail(error);
      ready();
    },
  });
  await acknowledged;
  if (events.errors.length > 0) await events.next();
  return { events, stop: () => subscription.unsubscribe() };
}

const POST = 'id title authorId category priority __typename';
const CREATE = gql`
  mutation Create($input: PostInput!) {
    createPost(input: $input) {
      ${POST}
    }
  }
`;

async function createPost(client: ApolloClient, input: Record<string, unknown>): Promise<void> {
  await client.mutate({ mutation: CREATE, variables: { input: { createdAt: '2026-11-23T10:00:00.000Z', ...input } } });
}

function post(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: null, authorId: null, category: null, priority: null, __typename: 'Post', ...fields };
}

describe('aws-appsync-subscription-link + Apollo Client against liveboard start', () => {
  it('receives a mutation result with the API key', async () => {
    const client = apolloClient({ type: 'API_KEY', apiKey: server.apiKey });
    const subscription = await subscribe(client, gql`subscription { onCreatePost { ${POST} } }`);
    await createPost(client, { id: 'apollo-key', title: 'hello' });
    expect(await subscription.events.next()).toEqual({ onCreatePost: post('apollo-key', { title: 'hello' }) });
    subscription.stop();
  });

  it('receives a mutation result with a Cognito token from the local issuer, on a Cognito-only field', async () => {
    const token = await server.pool.mint({ username: 'apollo-user' });
    const subscriber = apolloClient({ type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: async () => token });
    const subscription = await subscribe(subscriber, gql`subscription { onReviewedPost { id title reviewNote __typename } }`);
    await createPost(apolloClient({ type: 'API_KEY', apiKey: server.apiKey }), { id: 'apollo-cognito', title: 'for users' });
    // The API-key publisher cannot read reviewNote: it is null in the published result (spec §5).
    expect(await subscription.events.next()).toEqual({ onReviewedPost: { id: 'apollo-cognito', title: 'for users', reviewNote: null, __typename: 'Post' } });
    subscription.stop();
  });

  it('filters by the subscription\'s arguments (spec §4.3)', async () => {
    const client = apolloClient({ type: 'API_KEY', apiKey: server.apiKey });
    const query = gql`subscription ByAuthor($authorId: String) { onCreatePost(authorId: $authorId) { ${POST} } }`;
    const ann = await subscribe(client, query, { authorId: 'ann' });
    const bob = await subscribe(client, query, { authorId: 'bob' });
    await createPost(client, { id: 'apollo-ann', authorId: 'ann' });
    await createPost(client, { id: 'apollo-bob', authorId: 'bob' });
    expect([await ann.events.next(), await bob.events.next(), ann.events.items.length]).toEqual([
      { onCreatePost: post('apollo-ann', { authorId: 'ann' }) },
      { onCreatePost: post('apollo-bob', { authorId: 'bob' }) },
      1,
    ]);
    ann.stop();
    bob.stop();
  });

  it('filters with the enhanced filter the subscription resolver sets (spec §4.5)', async () => {
    const client = apolloClient({ type: 'API_KEY', apiKey: server.apiKey });
    const query = gql`subscription Filtered($filter: AWSJSON!) { onFilteredPost(filter: $filter) { ${POST} } }`;
    const urgent = await subscribe(client, query, { filter: JSON.stringify({ priority: { ge: 4 }, category: { in: ['ops', 'sec'] } }) });
    await createPost(client, { id: 'apollo-low', priority: 1, category: 'ops' });
    await createPost(client, { id: 'apollo-dev', priority: 5, category: 'dev' });
    await createPost(client, { id: 'apollo-urgent', priority: 5, category: 'sec' });
    expect(await urgent.events.next()).toEqual({ onFilteredPost: post('apollo-urgent', { priority: 5, category: 'sec' }) });
    urgent.stop();
  });

  it('stops delivering to an invalidated subscription while the others go on (spec §4.6)', async () => {
    const client = apolloClient({ type: 'API_KEY', apiKey: server.apiKey });
    const query = gql`subscription Watched($category: String!, $watcher: String!) { onWatchedPost(category: $category, watcher: $watcher) { id category __typename } }`;
    const removed = await subscribe(client, query, { category: 'apollo-board', watcher: 'removed-member' });
    const kept = await subscribe(client, query, { category: 'apollo-board', watcher: 'kept-member' });
    await client.mutate({
      mutation: gql`mutation Invalidate($payloads: [AWSJSON!]!) { invalidate(subscriptionField: "onWatchedPost", payloads: $payloads) }`,
      variables: { payloads: [JSON.stringify({ category: 'apollo-board', watcher: 'removed-member' })] },
    });
    await createPost(client, { id: 'apollo-after', category: 'apollo-board' });
    // Both subscriptions share one socket and the invalidated one was registered first: had it still been
    // active, its event would have arrived before this one.
    expect([await kept.events.next(), removed.events.items]).toEqual([{ onWatchedPost: { id: 'apollo-after', category: 'apollo-board', __typename: 'Post' } }, []]);
    removed.stop();
    kept.stop();
  });
});
