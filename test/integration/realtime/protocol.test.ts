/**
 * AppSync's real-time protocol against the local server, frame by frame, with a raw `ws` client: the
 * handshake, connection auth, keep-alives, starting and stopping subscriptions and every error path.
 * Spec: shared/spec/appsync-realtime.md §2-3, §5, §8 (checklist items cited per test).
 */
import { readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { post } from '../../support/local-api.js';
import { RawRealtimeClient, headerProtocol, headerQuery } from './support/raw-client.js';
import {
  POST_FIELDS,
  apiKeyAuth,
  cognitoAuth,
  iamAuth,
  mutatePost,
  postInput,
  startRealtimeFixture,
  type RealtimeFixture,
} from './support/fixture-api.js';

let fixture: RealtimeFixture;
let ca: string;

beforeAll(async () => {
  fixture = await startRealtimeFixture({ keepAliveIntervalMs: 200, maxInboundMessageBytes: 4096 });
  ca = await readFile(fixture.api.certificatePath, 'utf8');
});

afterAll(async () => {
  await fixture?.close();
});

const realtimeUrl = (suffix = '') => `${fixture.api.realtimeUrl}${suffix}`;
const ACK = { type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } };
const KA = { type: 'ka' };
const UNAUTHORIZED_CONNECTION = {
  type: 'connection_error',
  payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 }] },
};
/** A post event as ON_CREATE selects it, for a mutation that selected every field. */
function postEvent(id: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { id, title: null, authorId: null, category: null, priority: null, tags: null, author: null, createdAt: '2026-11-23T10:00:00.000Z', ...fields };
}

const ON_CREATE = `subscription OnCreate($authorId: String) { onCreatePost(authorId: $authorId) { ${POST_FIELDS} } }`;

/** A client connected with the API key in the `header-` subprotocol and initialized. */
async function connected(path = ''): Promise<RawRealtimeClient> {
  const client = await RawRealtimeClient.connect(realtimeUrl(path), ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
  await client.initialize();
  return client;
}

/** Connects with `protocols`, sends `connection_init` and answers the first frame. */
async function firstAnswer(url: string, protocols: string[]): Promise<unknown> {
  const client = await RawRealtimeClient.connect(url, protocols);
  client.send({ type: 'connection_init' });
  const frame = await client.next();
  await client.close();
  return frame;
}

describe('handshake and paths', () => {
  it('upgrades on /graphql/realtime and selects graphql-ws (§8 item 1)', async () => {
    const client = await RawRealtimeClient.connect(realtimeUrl(), ['graphql-ws']);
    expect(client.protocol).toBe('graphql-ws');
    await client.close();
  });

  it('upgrades on /graphql too (§8 item 2)', async () => {
    const client = await RawRealtimeClient.connect(fixture.api.url.replace('http://', 'ws://'), ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
    expect([client.protocol, ...(await client.initialize())]).toEqual(['graphql-ws', ACK, KA]);
    await client.close();
  });

  it('selects exactly graphql-ws when a header- subprotocol is offered too (§8 item 3)', async () => {
    const client = await RawRealtimeClient.connect(realtimeUrl(), ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
    expect(client.protocol).toBe('graphql-ws');
    await client.close();
  });

  it('selects no subprotocol for graphql-transport-ws: a client that offered it fails the handshake (§2.1, §8 item 4)', async () => {
    await expect(RawRealtimeClient.connect(realtimeUrl(), ['graphql-transport-ws'])).rejects.toThrow('Server sent no subprotocol');
  });

  it('tells a client that tolerates a missing subprotocol why, then closes (§2.1, §8 item 4)', async () => {
    const client = await RawRealtimeClient.connect(realtimeUrl(), []);
    expect([client.protocol, await client.next(), (await client.closed).code]).toEqual([
      '',
      { type: 'connection_error', payload: { errors: [{ message: 'SubProtocolNotSupportedError', errorCode: 400 }] } },
      1000,
    ]);
  });

  it('answers 404 to upgrades on other paths', async () => {
    await expect(RawRealtimeClient.connect(realtimeUrl('/other'), ['graphql-ws'])).rejects.toThrow('Unexpected server response: 404');
  });

  it('speaks TLS on the HTTP port: wss:// works while plain HTTP POST /graphql keeps working (§1.3, §8 item 5)', async () => {
    const secureUrl = realtimeUrl().replace('ws://', 'wss://');
    const client = await RawRealtimeClient.connect(secureUrl, ['graphql-ws', headerProtocol(apiKeyAuth(fixture))], { ca });
    expect([client.protocol, ...(await client.initialize())]).toEqual(['graphql-ws', ACK, KA]);
    await client.close();
    const plain = await mutatePost(fixture, 'updatePost', postInput('tls-1'), 'id');
    expect([plain.status, plain.body]).toEqual([200, { data: { updatePost: { id: 'tls-1' } } }]);
  });

  it('serves HTTPS GraphQL requests on the same port as well', async () => {
    const url = new URL(fixture.api.url);
    const body = JSON.stringify({ query: 'mutation { updatePost(input: {id: "tls-2", createdAt: "2026-11-23T10:00:00Z"}) { id } }' });
    const answer = await new Promise<string>((resolve, reject) => {
      const request = httpsRequest(
        { host: url.hostname, port: url.port, path: '/graphql', method: 'POST', ca, headers: { 'content-type': 'application/json', 'x-api-key': fixture.api.apiKey } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk));
          response.on('end', () => resolve(text));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    expect(JSON.parse(answer)).toEqual({ data: { updatePost: { id: 'tls-2' } } });
  });

  it('ignores extra query parameters (§1.2, §8 item 6)', async () => {
    expect(await firstAnswer(realtimeUrl('?x-custom=1'), ['graphql-ws', headerProtocol(apiKeyAuth(fixture))])).toEqual(ACK);
  });

  it('reads auth from an unpadded base64url header- subprotocol (§8 item 7)', async () => {
    const protocol = headerProtocol({ ...apiKeyAuth(fixture), 'x-note': 'padding?' });
    expect(protocol).not.toMatch(/=/);
    expect(await firstAnswer(realtimeUrl(), ['graphql-ws', protocol])).toEqual(ACK);
  });

  it('reads auth from a raw standard base64 header query parameter with + and / (§8 item 8)', async () => {
    const query = headerQuery({ ...apiKeyAuth(fixture), 'x-note': '??>>~~' });
    expect(query).toMatch(/[+/]/);
    expect(await firstAnswer(realtimeUrl(query), ['graphql-ws'])).toEqual(ACK);
  });

  it('reads auth from a percent-encoded header query parameter (§8 item 9)', async () => {
    const encoded = encodeURIComponent(Buffer.from(JSON.stringify({ ...apiKeyAuth(fixture), 'x-note': '??>>~~' })).toString('base64'));
    expect(encoded).toMatch(/%2B|%2F|%3D/);
    expect(await firstAnswer(realtimeUrl(`?header=${encoded}&payload=e30%3D`), ['graphql-ws'])).toEqual(ACK);
  });

  it('prefers the subprotocol over the query parameter (§2.2, §8 item 10)', async () => {
    const good = apiKeyAuth(fixture);
    const bad = apiKeyAuth(fixture, 'da2-wrong');
    expect([
      await firstAnswer(realtimeUrl(headerQuery(bad)), ['graphql-ws', headerProtocol(good)]),
      await firstAnswer(realtimeUrl(headerQuery(good)), ['graphql-ws', headerProtocol(bad)]),
    ]).toEqual([ACK, UNAUTHORIZED_CONNECTION]);
  });
});

describe('connection', () => {
  it('acknowledges connection_init with connectionTimeoutMs 300000, then sends ka at once (§3.3, §8 items 11-12)', async () => {
    const client = await RawRealtimeClient.connect(realtimeUrl(), ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
    expect(await client.initialize()).toEqual([ACK, KA]);
    await client.close();
  });

  it('keeps sending bare ka frames at the configured interval (§3.3, §8 item 13)', async () => {
    const client = await connected();
    expect([await client.next(), await client.next(), await client.next()]).toEqual([KA, KA, KA]);
    await client.close();
  });

  it('refuses a connection without credentials with connection_error 401, then closes (§2.4, §8 item 14)', async () => {
    const client = await RawRealtimeClient.connect(realtimeUrl(), ['graphql-ws']);
    client.send({ type: 'connection_init' });
    expect([await client.next(), (await client.closed).code]).toEqual([UNAUTHORIZED_CONNECTION, 1000]);
  });

  it('refuses a wrong API key (§8 item 15)', async () => {
    expect(await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(apiKeyAuth(fixture, 'da2-wrong'))])).toEqual(UNAUTHORIZED_CONNECTION);
  });

  it('refuses expired and invalid JWTs and accepts a valid one (§8 item 16)', async () => {
    const expired = await fixture.pool.mint({ username: 'ann', now: Date.now() - 7_200_000, ttlSeconds: 3600 });
    const valid = await fixture.pool.mint({ username: 'ann' });
    expect([
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(cognitoAuth(fixture, expired))]),
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(cognitoAuth(fixture, 'not-a-jwt'))]),
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(cognitoAuth(fixture, valid))]),
    ]).toEqual([UNAUTHORIZED_CONNECTION, UNAUTHORIZED_CONNECTION, ACK]);
  });

  it('accepts IAM signed over POST /graphql/connect with body {} only (§2.3, §8 item 17)', async () => {
    expect([
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(await iamAuth(fixture, '/graphql/connect', '{}'))]),
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(await iamAuth(fixture, '/graphql/connect', ''))]),
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol(await iamAuth(fixture, '/graphql', '{}'))]),
    ]).toEqual([ACK, UNAUTHORIZED_CONNECTION, UNAUTHORIZED_CONNECTION]);
  });

  it('matches header keys case-insensitively (§2.3, §8 item 18)', async () => {
    const token = await fixture.pool.mint({ username: 'ann' });
    expect([
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol({ Host: fixture.host, 'X-Api-Key': fixture.api.apiKey, 'X-Amz-Date': '20261123T100000Z' })]),
      await firstAnswer(realtimeUrl(), ['graphql-ws', headerProtocol({ host: fixture.host, authorization: token })]),
    ]).toEqual([ACK, ACK]);
  });

  it('answers an unknown message type with an error without id and stays open (§3.4, §8 item 19)', async () => {
    const client = await connected();
    client.send({ id: 'x1', type: 'subscribe', payload: {} });
    expect([await client.nextMessage(), await client.next()]).toEqual([
      { type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] } },
      KA,
    ]);
    await client.close();
  });

  it('answers a non-JSON frame with an error and stays open (§3.4 unconfirmed, §8 item 20)', async () => {
    const client = await connected();
    client.send('this is not JSON');
    expect([await client.nextMessage(), await client.next()]).toEqual([
      { type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'Message is not valid JSON.' }] } },
      KA,
    ]);
    await client.close();
  });

  it('answers a message over the inbound limit with LimitExceededError and stays open (§3.4, §6: limit and reply unconfirmed)', async () => {
    const client = await connected();
    const message = JSON.stringify({ type: 'connection_init', padding: 'x'.repeat(5000) });
    client.send(message);
    expect([await client.nextMessage(), await client.next()]).toEqual([
      { type: 'error', payload: { errors: [{ errorType: 'LimitExceededError', message: `Message of ${message.length} bytes exceeds the limit of 4096 bytes.` }] } },
      KA,
    ]);
    await client.close();
  });
});

describe('subscribing', () => {
  it('acknowledges a valid start with exactly {id, type: start_ack} (§3.3, §8 item 21)', async () => {
    const client = await connected();
    expect(await client.subscribe('s-21', ON_CREATE, {}, apiKeyAuth(fixture))).toEqual({ id: 's-21', type: 'start_ack' });
    await client.close();
  });

  it('accepts a start before connection_init, authorized by its own credentials (§3.2, unconfirmed: recommended)', async () => {
    const client = await RawRealtimeClient.connect(realtimeUrl(), ['graphql-ws']);
    expect(await client.subscribe('s-early', ON_CREATE, {}, apiKeyAuth(fixture))).toEqual({ id: 's-early', type: 'start_ack' });
    await client.close();
  });

  it('reads variables from inside payload.data (§3.2, §8 item 22)', async () => {
    const client = await connected();
    client.send({
      id: 's-22',
      type: 'start',
      payload: { data: JSON.stringify({ query: ON_CREATE, variables: { authorId: 'ann' } }), variables: { authorId: 'bob' }, extensions: { authorization: apiKeyAuth(fixture) } },
    });
    expect(await client.nextMessage()).toEqual({ id: 's-22', type: 'start_ack' });
    await mutatePost(fixture, 'createPost', postInput('p-22-bob', { authorId: 'bob' }));
    await mutatePost(fixture, 'createPost', postInput('p-22-ann', { authorId: 'ann' }));
    expect(await client.nextMessage()).toEqual({
      id: 's-22',
      type: 'data',
      payload: { data: { onCreatePost: postEvent('p-22-ann', { authorId: 'ann' }) } },
    });
    await client.close();
  });

  it('refuses a field the start\'s auth mode may not access, with no start_ack (§5, §8 item 23)', async () => {
    const client = await connected();
    expect(await client.subscribe('s-23', 'subscription { onReviewedPost { id } }', {}, apiKeyAuth(fixture))).toEqual({
      id: 's-23',
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onReviewedPost on type Subscription' }] },
    });
    // The next answer is for the next start: no start_ack was queued for s-23.
    expect(await client.subscribe('s-23b', ON_CREATE, {}, apiKeyAuth(fixture))).toEqual({ id: 's-23b', type: 'start_ack' });
    await client.close();
  });

  it('refuses a selected field the start\'s mode may not read (§5, unconfirmed: checked at start)', async () => {
    const client = await connected();
    expect(await client.subscribe('s-sel', 'subscription { onCreatePost { id reviewNote } }', {}, apiKeyAuth(fixture))).toEqual({
      id: 's-sel',
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access reviewNote on type Post' }] },
    });
    await client.close();
  });

  it('carries subscriptions of different auth modes on one connection (§3.2, §8 item 24)', async () => {
    const client = await connected();
    const token = await fixture.pool.mint({ username: 'ann' });
    expect([
      await client.subscribe('s-24-key', ON_CREATE, {}, apiKeyAuth(fixture)),
      await client.subscribe('s-24-cognito', 'subscription { onReviewedPost { id reviewNote } }', {}, cognitoAuth(fixture, token)),
    ]).toEqual([
      { id: 's-24-key', type: 'start_ack' },
      { id: 's-24-cognito', type: 'start_ack' },
    ]);
    await client.close();
  });

  it('refuses a start whose own credentials are invalid (§3.4: UnauthorizedException recommended)', async () => {
    const client = await connected();
    const { host } = apiKeyAuth(fixture);
    expect([
      await client.subscribe('s-bad-key', ON_CREATE, {}, apiKeyAuth(fixture, 'da2-wrong')),
      await client.subscribe('s-no-auth', ON_CREATE, {}, { host }),
      await client.subscribe('s-bad-iam', ON_CREATE, {}, await iamAuth(fixture, '/graphql', '{}')),
    ]).toEqual([
      { id: 's-bad-key', type: 'error', payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] } },
      { id: 's-no-auth', type: 'error', payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Missing authorization header' }] } },
      {
        id: 's-bad-iam',
        type: 'error',
        payload: {
          errors: [
            {
              errorType: 'UnauthorizedException',
              message:
                'The request signature we calculated does not match the signature you provided. ' +
                'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
            },
          ],
        },
      },
    ]);
    await client.close();
  });

  it('accepts IAM on a start signed over /graphql with the exact payload.data (§2.3)', async () => {
    const client = await connected();
    const data = JSON.stringify({ query: 'subscription { onCreatePost { id } }', variables: {} });
    client.send({ id: 's-iam', type: 'start', payload: { data, extensions: { authorization: await iamAuth(fixture, '/graphql', data) } } });
    // IAM is not among Subscription's modes (@aws_api_key @aws_cognito_user_pools): authenticated, then refused by the directives.
    expect(await client.nextMessage()).toEqual({
      id: 's-iam',
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onCreatePost on type Subscription' }] },
    });
    await client.close();
  });

  it('refuses an id already active, and the original keeps working (§3.4, §8 item 25)', async () => {
    const client = await connected();
    await client.subscribe('s-25', ON_CREATE, { authorId: 'dup' }, apiKeyAuth(fixture));
    expect(await client.subscribe('s-25', ON_CREATE, {}, apiKeyAuth(fixture))).toEqual({
      id: 's-25',
      type: 'error',
      payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id s-25' }] },
    });
    await mutatePost(fixture, 'createPost', postInput('p-25', { authorId: 'dup' }));
    expect(await client.nextMessage()).toEqual({ id: 's-25', type: 'data', payload: { data: { onCreatePost: postEvent('p-25', { authorId: 'dup' }) } } });
    await client.close();
  });

  it('refuses the 101st subscription of a connection; the first 100 keep working (§6, §8 item 26)', async () => {
    const client = await connected();
    const query = 'subscription S($a: String) { onCreatePost(authorId: $a) { id } }';
    const acks = [];
    for (let index = 0; index < 100; index += 1) acks.push(await client.subscribe(`m-${index}`, query, { a: 'max' }, apiKeyAuth(fixture)));
    expect(acks).toEqual(Array.from({ length: 100 }, (_, index) => ({ id: `m-${index}`, type: 'start_ack' })));
    expect(await client.subscribe('m-100', query, { a: 'max' }, apiKeyAuth(fixture))).toEqual({
      id: 'm-100',
      type: 'error',
      payload: { errors: [{ errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached' }] },
    });
    await mutatePost(fixture, 'createPost', postInput('p-26', { authorId: 'max' }));
    const delivered = [];
    for (let index = 0; index < 100; index += 1) delivered.push(await client.nextMessage());
    expect(delivered).toEqual(Array.from({ length: 100 }, (_, index) => ({ id: `m-${index}`, type: 'data', payload: { data: { onCreatePost: { id: 'p-26' } } } })));
    await client.close();
  });

  it('answers syntax and validation errors with the error messages only (§3.4, §8 item 27)', async () => {
    const client = await connected();
    expect([
      await client.subscribe('s-27a', 'subscription { onCreatePost { id }', {}, apiKeyAuth(fixture)),
      await client.subscribe('s-27b', 'subscription { onMissing { id } }', {}, apiKeyAuth(fixture)),
    ]).toEqual([
      {
        id: 's-27a',
        type: 'error',
        payload: { errors: [{ message: "Invalid Syntax : offending token '<EOF>' at line 1 column 35" }] },
      },
      {
        id: 's-27b',
        type: 'error',
        payload: { errors: [{ message: "Validation error of type FieldUndefined: Field 'onMissing' in type 'Subscription' is undefined @ 'onMissing'" }] },
      },
    ]);
    await client.close();
  });

  it('refuses query and mutation documents with UnsupportedOperation (§3.4, §8 item 28)', async () => {
    const client = await connected();
    expect([
      await client.subscribe('s-28q', '{ getPost(id: "x") { id } }', {}, apiKeyAuth(fixture)),
      await client.subscribe('s-28m', 'mutation { failPost(input: {id: "x", createdAt: "2026-11-23T10:00:00Z"}) { id } }', {}, apiKeyAuth(fixture)),
    ]).toEqual([
      { id: 's-28q', type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' }] } },
      { id: 's-28m', type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'mutation not supported through the realtime channel' }] } },
    ]);
    await client.close();
  });

  it('refuses a start whose resolver calls util.unauthorized() or util.error() (§4.4, §8 items 29-30)', async () => {
    const client = await connected();
    const query = 'subscription G($o: String!) { onGuardedPost(outcome: $o) { id } }';
    expect([
      await client.subscribe('s-29', query, { o: 'unauthorized' }, apiKeyAuth(fixture)),
      await client.subscribe('s-30', query, { o: 'error' }, apiKeyAuth(fixture)),
      await client.subscribe('s-ok', query, { o: 'allow' }, apiKeyAuth(fixture)),
    ]).toEqual([
      // §3.4: "Unauthorized + the not-authorized message" (exact text unconfirmed; the directive denial's wording).
      { id: 's-29', type: 'error', payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onGuardedPost on type Subscription' }] } },
      { id: 's-30', type: 'error', payload: { errors: [{ errorType: 'GuardError', message: 'The guard refused this subscription.' }] } },
      { id: 's-ok', type: 'start_ack' },
    ]);
    await client.close();
  });

  it('answers a start whose payload.data is not a request with UnsupportedOperation (§3.4, unconfirmed)', async () => {
    const client = await connected();
    client.send({ id: 's-bad-data', type: 'start', payload: { data: 'not json', extensions: { authorization: apiKeyAuth(fixture) } } });
    client.send({ id: 's-no-data', type: 'start', payload: { extensions: { authorization: apiKeyAuth(fixture) } } });
    expect([await client.nextMessage(), await client.nextMessage()]).toEqual([
      {
        id: 's-bad-data',
        type: 'error',
        payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'payload.data must be a JSON object with a query string (and optional variables and operationName).' }] },
      },
      { id: 's-no-data', type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'A start message needs payload.data, a JSON string.' }] } },
    ]);
    await client.close();
  });
});

describe('stop and teardown', () => {
  it('answers stop with complete and sends nothing more for that id (§3.3, §8 item 45)', async () => {
    const client = await connected();
    await client.subscribe('s-45', ON_CREATE, { authorId: 'stop' }, apiKeyAuth(fixture));
    await client.subscribe('s-45-other', ON_CREATE, { authorId: 'stop' }, apiKeyAuth(fixture));
    client.send({ id: 's-45', type: 'stop' });
    expect(await client.nextMessage()).toEqual({ id: 's-45', type: 'complete' });
    await mutatePost(fixture, 'createPost', postInput('p-45', { authorId: 'stop' }));
    expect(await client.nextMessage()).toEqual({ id: 's-45-other', type: 'data', payload: { data: { onCreatePost: postEvent('p-45', { authorId: 'stop' }) } } });
    client.send({ id: 's-45-other', type: 'stop' });
    expect(await client.nextMessage()).toEqual({ id: 's-45-other', type: 'complete' });
    await client.close();
  });

  it('ignores stop for an unknown id and stays open (§8 item 46: reply unconfirmed)', async () => {
    const client = await connected();
    client.send({ id: 'never-started', type: 'stop' });
    expect(await client.subscribe('s-46', ON_CREATE, {}, apiKeyAuth(fixture))).toEqual({ id: 's-46', type: 'start_ack' });
    await client.close();
  });

  it('drops a closed connection\'s subscriptions; later mutations still succeed (§8 item 50)', async () => {
    const client = await connected();
    await client.subscribe('s-50a', ON_CREATE, { authorId: 'gone' }, apiKeyAuth(fixture));
    await client.subscribe('s-50b', 'subscription { onCreatePost { id } }', {}, apiKeyAuth(fixture));
    const before = fixture.api.realtime.stats().subscriptions;
    await client.close();
    await vi.waitFor(() => expect(fixture.api.realtime.stats().subscriptions).toBe(before - 2));
    const answer = await mutatePost(fixture, 'createPost', postInput('p-50', { authorId: 'gone' }), 'id');
    expect([answer.status, answer.body]).toEqual([200, { data: { createPost: { id: 'p-50' } } }]);
  });

  it('accepts the same ids again on a new connection (Amplify reconnects, §7, §8 item 51)', async () => {
    const first = await connected();
    await first.subscribe('s-51', ON_CREATE, {}, apiKeyAuth(fixture));
    await first.close();
    const second = await connected();
    expect(await second.subscribe('s-51', ON_CREATE, {}, apiKeyAuth(fixture))).toEqual({ id: 's-51', type: 'start_ack' });
    await second.close();
  });

  it('leaves no subscription behind once every client is gone', async () => {
    await vi.waitFor(() => expect(fixture.api.realtime.stats()).toEqual({ connections: 0, subscriptions: 0, subscribedFields: 0 }));
  });
});

describe('publishing order', () => {
  it('delivers a subscription\'s events in mutation order (§8 item 52)', async () => {
    const client = await connected();
    await client.subscribe('s-52', ON_CREATE, { authorId: 'order' }, apiKeyAuth(fixture));
    const ids = Array.from({ length: 20 }, (_, index) => `p-52-${index}`);
    for (const id of ids) await mutatePost(fixture, 'createPost', postInput(id, { authorId: 'order' }));
    const received = [];
    for (const _ of ids) received.push(((await client.nextMessage()).payload as { data: { onCreatePost: { id: string } } }).data.onCreatePost.id);
    expect(received).toEqual(ids);
    await client.close();
  });

  it('sends a mutation\'s event before its HTTP answer (publish before respond, §4.1)', async () => {
    const client = await connected();
    await client.subscribe('s-first', ON_CREATE, { authorId: 'first' }, apiKeyAuth(fixture));
    const events: string[] = [];
    const frame = client.nextMessage().then(() => events.push('frame'));
    await post(fixture.api.url, { query: 'mutation { createPost(input: {id: "p-first", authorId: "first", createdAt: "2026-11-23T10:00:00Z"}) { id authorId } }' }, {
      'x-api-key': fixture.api.apiKey,
    }).then(() => events.push('response'));
    await frame;
    expect(events).toEqual(['frame', 'response']);
    await client.close();
  });
});
