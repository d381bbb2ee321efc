/**
 * Publishing through the local server: `@aws_subscribe`, the subscriber's view of the mutation result,
 * argument filters, enhanced filters (every operator), payload size, publishing across auth modes and data
 * sources (NONE, DynamoDB, a Lambda publishing with IAM), and invalidation. Raw `ws` client, real HTTP
 * mutations, DynamoDB Local.
 * Spec: shared/spec/appsync-realtime.md §4-5, §8 items 31-49.
 *
 * Absence is shown by ordering: the server publishes each mutation before answering it and in order, so
 * when a later mutation's frame is the next one received, the earlier mutation sent nothing to that client.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { post } from '../../support/local-api.js';
import { signedHeaders } from '../../fixtures/auth/sigv4-client.js';
import { RawRealtimeClient, headerProtocol, type Frame } from './support/raw-client.js';
import {
  POST_FIELDS,
  apiKeyAuth,
  cognitoAuth,
  functionCredentials,
  invalidate,
  mutatePost,
  postInput,
  startRealtimeFixture,
  type PostInput,
  type RealtimeFixture,
} from './support/fixture-api.js';

let fixture: RealtimeFixture;
let client: RawRealtimeClient;

beforeAll(async () => {
  fixture = await startRealtimeFixture();
});

afterAll(async () => {
  await fixture?.close();
});

/** Each test has a connection of its own, so that a failing test leaves no frame for the next one. */
beforeEach(async () => {
  client = await RawRealtimeClient.connect(fixture.api.realtimeUrl, ['graphql-ws', headerProtocol(apiKeyAuth(fixture))]);
  await client.initialize();
});

afterEach(async () => {
  await client.close();
});

let nextId = 0;
const subscriptionId = (label: string) => `${label}-${(nextId += 1)}`;

async function subscribe(query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const id = subscriptionId('sub');
  expect(await client.subscribe(id, query, variables, apiKeyAuth(fixture))).toEqual({ id, type: 'start_ack' });
  return id;
}

async function stop(id: string): Promise<void> {
  client.send({ id, type: 'stop' });
  expect(await client.nextMessage()).toEqual({ id, type: 'complete' });
}

/** Runs createPost selecting every field, and answers nothing (the frames tell). */
async function create(id: string, fields: Partial<PostInput> = {}, mutation = 'createPost'): Promise<void> {
  const answer = await mutatePost(fixture, mutation, postInput(id, fields));
  expect(answer.status).toBe(200);
}

/** The event every subscriber selecting POST_FIELDS gets for a post created with `fields`. */
function event(id: string, fields: Partial<PostInput> = {}): Record<string, unknown> {
  return { id, title: null, authorId: null, category: null, priority: null, tags: null, author: null, createdAt: '2026-11-23T10:00:00.000Z', ...fields };
}

function dataFrame(id: string, data: Record<string, unknown>, errors?: unknown[]): Frame {
  return { id, type: 'data', payload: errors ? { data, errors } : { data } };
}

const ON_CREATE = `subscription OnCreate($authorId: String, $category: String) { onCreatePost(authorId: $authorId, category: $category) { ${POST_FIELDS} } }`;
const ON_FILTERED = `subscription OnFiltered($filter: AWSJSON!) { onFilteredPost(filter: $filter) { ${POST_FIELDS} } }`;

describe('@aws_subscribe publishing', () => {
  it('delivers a listed mutation\'s result as a data frame (§4.1, §8 item 31)', async () => {
    const id = await subscribe(ON_CREATE);
    await create('p-31', { title: 'hello', tags: ['a'], author: { id: 'u1', name: 'Ann' } });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: event('p-31', { title: 'hello', tags: ['a'], author: { id: 'u1', name: 'Ann' } }) }));
    await stop(id);
  });

  it('delivers every mutation @aws_subscribe lists, and nothing for others or for failures (§4.1, §8 item 32)', async () => {
    const id = await subscribe(ON_CREATE);
    await create('p-32-update', {}, 'updatePost');
    const failed = await mutatePost(fixture, 'failPost', postInput('p-32-fail'));
    expect(failed.body).toEqual({
      data: { failPost: null },
      errors: [{ path: ['failPost'], data: null, errorType: 'FixtureError', errorInfo: null, locations: [{ line: 1, column: 34, sourceName: null }], message: 'The post was refused.' }],
    });
    await create('p-32-import', {}, 'importPost');
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: event('p-32-import') }));
    await stop(id);
  });

  it('publishes each listed root field of one mutation request, aliases resolved (§4.1: unconfirmed)', async () => {
    const id = await subscribe('subscription { post: onCreatePost { key: id title } }');
    const query = `mutation {
      first: createPost(input: {id: "p-multi-1", title: "one", createdAt: "2026-11-23T10:00:00Z"}) { postId: id heading: title }
      second: importPost(input: {id: "p-multi-2", title: "two", createdAt: "2026-11-23T10:00:00Z"}) { id title }
    }`;
    await post(fixture.api.url, { query }, { 'x-api-key': fixture.api.apiKey });
    expect([await client.nextMessage(), await client.nextMessage()]).toEqual([
      dataFrame(id, { post: { key: 'p-multi-1', title: 'one' } }),
      dataFrame(id, { post: { key: 'p-multi-2', title: 'two' } }),
    ]);
    await stop(id);
  });

  it('delivers null for fields the mutation did not select (§4.2, §8 item 33)', async () => {
    const id = await subscribe('subscription { onCreatePost { id title category author { id } } }');
    await mutatePost(fixture, 'createPost', postInput('p-33', { title: 't', category: 'c', author: { id: 'u1' } }), 'id title');
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: { id: 'p-33', title: 't', category: null, author: null } }));
    await stop(id);
  });

  it('answers a non-null field the mutation did not select with AppSync\'s error, data still an object (§4.2, §8 item 34)', async () => {
    const id = await subscribe('subscription { onCreatePost { id createdAt } }');
    await mutatePost(fixture, 'createPost', postInput('p-34'), 'id');
    expect(await client.nextMessage()).toEqual(
      dataFrame(id, { onCreatePost: null }, [
        { path: ['onCreatePost', 'createdAt'], locations: null, message: "Cannot return null for non-nullable type: 'AWSDateTime' within parent 'Post' (/onCreatePost/createdAt)" },
      ]),
    );
    await stop(id);
  });

  it('publishes from a DynamoDB mutation the item it stored', async () => {
    const id = await subscribe(ON_CREATE, { category: 'stored' });
    await create('p-ddb', { category: 'stored', priority: 2 }, 'savePost');
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: event('p-ddb', { category: 'stored', priority: 2 }) }));
    await stop(id);
  });

  it('does not deliver a payload over 240 KB, and logs it (§4.2: recommended)', async () => {
    const id = await subscribe(ON_CREATE, { category: 'size' });
    await create('p-big', { category: 'size', title: 'x'.repeat(250 * 1024) });
    await create('p-small', { category: 'size', title: 'small' });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: event('p-small', { category: 'size', title: 'small' }) }));
    const size = Buffer.byteLength(JSON.stringify({ data: { onCreatePost: event('p-big', { category: 'size', title: 'x'.repeat(250 * 1024) }) } }));
    expect(fixture.logs.filter((line) => line.includes('was not delivered'))).toEqual([
      `liveboard: a createPost event was not delivered to 1 onCreatePost subscription(s): its payload of ${size} bytes exceeds the 245760-byte limit`,
    ]);
    await stop(id);
  });
});

describe('argument filters', () => {
  it('delivers only events whose fields equal the supplied arguments; no argument, every event (§4.3, §8 item 35)', async () => {
    const ann = await subscribe(ON_CREATE, { authorId: 'ann-35' });
    const everyone = await subscribe(ON_CREATE);
    await create('p-35-bob', { authorId: 'bob-35' });
    await create('p-35-ann', { authorId: 'ann-35' });
    expect([await client.nextMessage(), await client.nextMessage(), await client.nextMessage()]).toEqual([
      dataFrame(everyone, { onCreatePost: event('p-35-bob', { authorId: 'bob-35' }) }),
      dataFrame(ann, { onCreatePost: event('p-35-ann', { authorId: 'ann-35' }) }),
      dataFrame(everyone, { onCreatePost: event('p-35-ann', { authorId: 'ann-35' }) }),
    ]);
    await stop(ann);
    await stop(everyone);
  });

  it('ANDs two arguments (§8 item 36)', async () => {
    const id = await subscribe(ON_CREATE, { authorId: 'ann-36', category: 'news' });
    await create('p-36-a', { authorId: 'ann-36', category: 'sport' });
    await create('p-36-b', { authorId: 'bob-36', category: 'news' });
    await create('p-36-c', { authorId: 'ann-36', category: 'news' });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: event('p-36-c', { authorId: 'ann-36', category: 'news' }) }));
    await stop(id);
  });

  it('never matches when the mutation did not select the argument\'s field (§4.3, §8 item 37)', async () => {
    const id = await subscribe('subscription S($a: String) { onCreatePost(authorId: $a) { id } }', { a: 'ann-37' });
    await mutatePost(fixture, 'createPost', postInput('p-37-unselected', { authorId: 'ann-37' }), 'id');
    await mutatePost(fixture, 'createPost', postInput('p-37-selected', { authorId: 'ann-37' }), 'id authorId');
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: { id: 'p-37-selected' } }));
    await stop(id);
  });

  it('matches an explicit null argument to null fields only (§4.3: local rule, unconfirmed)', async () => {
    const id = await subscribe('subscription { onCreatePost(category: null) { id category } }');
    await create('p-null-set', { category: 'set' });
    await create('p-null-unset');
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: { id: 'p-null-unset', category: null } }));
    await stop(id);
  });
});

describe('enhanced filters', () => {
  /** Subscribes onFilteredPost with a `util.transform.toSubscriptionFilter` input (§4.5). */
  const subscribeFiltered = (filter: Record<string, unknown>) => subscribe(ON_FILTERED, { filter: JSON.stringify(filter) });

  it('passes an event matching any group, all conditions of that group (§4.5, §8 item 38)', async () => {
    const id = await subscribeFiltered({ or: [{ priority: { ge: 3 }, category: { eq: 'ops' } }, { title: { beginsWith: 'urgent' } }] });
    await create('p-38-half', { priority: 5, category: 'dev' });
    await create('p-38-first', { priority: 5, category: 'ops' });
    await create('p-38-second', { title: 'urgent: disk full', priority: 1 });
    expect([await client.nextMessage(), await client.nextMessage()]).toEqual([
      dataFrame(id, { onFilteredPost: event('p-38-first', { priority: 5, category: 'ops' }) }),
      dataFrame(id, { onFilteredPost: event('p-38-second', { title: 'urgent: disk full', priority: 1 }) }),
    ]);
    await stop(id);
  });

  /** Per operator: [filter on one field, an event that fails it, an event that passes it] (§8 item 39). */
  const operatorCases: Array<[string, Record<string, unknown>, Partial<PostInput>, Partial<PostInput>]> = [
    ['eq', { category: { eq: 'ops' } }, { category: 'dev' }, { category: 'ops' }],
    ['ne', { category: { ne: 'ops' } }, { category: 'ops' }, { category: 'dev' }],
    ['lt', { priority: { lt: 3 } }, { priority: 3 }, { priority: 2 }],
    ['le', { priority: { le: 3 } }, { priority: 4 }, { priority: 3 }],
    ['gt', { priority: { gt: 3 } }, { priority: 3 }, { priority: 4 }],
    ['ge', { priority: { ge: 3 } }, { priority: 2 }, { priority: 3 }],
    ['contains (string)', { title: { contains: 'disk' } }, { title: 'cpu hot' }, { title: 'disk full' }],
    ['contains (list)', { tags: { contains: 'urgent' } }, { tags: ['later'] }, { tags: ['disk', 'urgent'] }],
    ['notContains', { title: { notContains: 'disk' } }, { title: 'disk full' }, { title: 'cpu hot' }],
    ['beginsWith', { title: { beginsWith: 'urgent' } }, { title: 'not urgent' }, { title: 'urgent fix' }],
    ['in', { category: { in: ['ops', 'sec'] } }, { category: 'dev' }, { category: 'sec' }],
    ['notIn', { category: { notIn: ['ops', 'sec'] } }, { category: 'ops' }, { category: 'dev' }],
    ['between', { priority: { between: [2, 4] } }, { priority: 5 }, { priority: 4 }],
    ['containsAny', { tags: { containsAny: ['urgent', 'blocker'] } }, { tags: ['later'] }, { tags: ['blocker', 'x'] }],
  ];

  it.each(operatorCases)('%s: the failing event is not delivered, the passing one is (§4.5, §8 item 39)', async (operator, filter, failing, passing) => {
    const id = await subscribeFiltered(filter);
    const label = operator.replace(/\W+/g, '-');
    await create(`p-39-${label}-fail`, failing);
    await create(`p-39-${label}-pass`, passing);
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onFilteredPost: event(`p-39-${label}-pass`, passing) }));
    await stop(id);
  });

  it('filters on a nested field with a dotted name (§4.5, §8 item 40)', async () => {
    const id = await subscribe(ON_FILTERED, { filter: JSON.stringify({ 'author.id': { eq: 'u-40' } }) });
    await create('p-40-other', { author: { id: 'u-other' } });
    await create('p-40', { author: { id: 'u-40', name: 'Ann' } });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onFilteredPost: event('p-40', { author: { id: 'u-40', name: 'Ann' } }) }));
    await stop(id);
  });

  it('refuses a start whose filter exceeds a limit (in with 6 values) (§4.5, §8 item 41)', async () => {
    const id = subscriptionId('sub-41');
    const filter = JSON.stringify({ category: { in: ['a', 'b', 'c', 'd', 'e', 'f'] } });
    expect(await client.subscribe(id, ON_FILTERED, { filter }, apiKeyAuth(fixture))).toEqual({
      id,
      type: 'error',
      payload: { errors: [{ message: 'subscription filter has invalid filter value for operator `in`.', errorCode: 400 }] },
    });
  });

  it('applies the filter instead of the subscription\'s arguments (§4.5, §9 item 5: see fanout.ts)', async () => {
    const id = await subscribeFiltered({ category: { eq: 'replaces-args' } });
    await create('p-args', { category: 'replaces-args' });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onFilteredPost: event('p-args', { category: 'replaces-args' }) }));
    await stop(id);
  });
});

describe('publishing across auth modes and data sources', () => {
  const functionAuth = async (body: string) =>
    signedHeaders({ credentials: functionCredentials, signingDate: new Date(), host: fixture.host, path: '/graphql', body, applyChecksum: false });

  it('delivers an IAM caller\'s mutation to a Cognito subscriber; fields IAM cannot read arrive null (§5, §8 items 43-44)', async () => {
    const token = await fixture.pool.mint({ username: 'reviewer' });
    const id = subscriptionId('sub-43');
    const query = 'subscription { onReviewedPost { id title reviewNote } }';
    expect(await client.subscribe(id, query, {}, cognitoAuth(fixture, token))).toEqual({ id, type: 'start_ack' });
    const body = JSON.stringify({
      query: 'mutation P($input: PostInput!) { publishPost(input: $input) { id title reviewNote } }',
      variables: { input: postInput('p-43', { title: 'from IAM', reviewNote: 'secret' }) },
    });
    const answer = await post(fixture.api.url, body, await functionAuth(body));
    expect(answer.body).toEqual({
      data: { publishPost: { id: 'p-43', title: 'from IAM', reviewNote: null } },
      errors: [
        {
          path: ['publishPost', 'reviewNote'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 72, sourceName: null }],
          message: 'Not Authorized to access reviewNote on type Post',
        },
      ],
    });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onReviewedPost: { id: 'p-43', title: 'from IAM', reviewNote: null } }));
    await stop(id);
  });

  it('delivers what a Lambda function publishes through an @aws_iam NONE mutation (§5: server-side publish)', async () => {
    const id = await subscribe(ON_CREATE, { category: 'announced' });
    const answer = await mutatePost(fixture, 'announcePost', postInput('p-lambda', { category: 'announced', title: 'from a function' }));
    expect(answer.body).toEqual({ data: { announcePost: event('p-lambda', { category: 'announced', title: 'from a function' }) } });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onCreatePost: event('p-lambda', { category: 'announced', title: 'from a function' }) }));
    await stop(id);
  });
});

describe('invalidation', () => {
  const ON_WATCHED = 'subscription W($category: String!, $watcher: String!) { onWatchedPost(category: $category, watcher: $watcher) { id category } }';

  it('completes the subscription whose invalidation filter matches; the others keep receiving (§4.6, §8 item 47)', async () => {
    const first = await subscribe(ON_WATCHED, { category: 'c47', watcher: 'w1' });
    const second = await subscribe(ON_WATCHED, { category: 'c47', watcher: 'w2' });
    const answer = await invalidate(fixture, 'onWatchedPost', [{ category: 'c47', watcher: 'w1' }]);
    expect(answer.body).toEqual({ data: { invalidate: true } });
    expect(await client.nextMessage()).toEqual({ id: first, type: 'complete' });
    await create('p-47', { category: 'c47' });
    expect(await client.nextMessage()).toEqual(dataFrame(second, { onWatchedPost: { id: 'p-47', category: 'c47' } }));
    await stop(second);
  });

  it('leaves subscriptions alone when the payload does not match (§8 item 48)', async () => {
    const id = await subscribe(ON_WATCHED, { category: 'c48', watcher: 'w1' });
    await invalidate(fixture, 'onWatchedPost', [{ category: 'c48', watcher: 'someone-else' }]);
    await invalidate(fixture, 'onCreatePost', [{ category: 'c48', watcher: 'w1' }]);
    await create('p-48', { category: 'c48' });
    expect(await client.nextMessage()).toEqual(dataFrame(id, { onWatchedPost: { id: 'p-48', category: 'c48' } }));
    await stop(id);
  });

  it('answers a sixth distinct invalidation in one request with a GraphQL error (§4.6, §8 item 49)', async () => {
    const payloads = Array.from({ length: 6 }, (_, index) => ({ category: 'c49', watcher: `w${index}` }));
    const ids = [];
    for (const payload of payloads) ids.push(await subscribe(ON_WATCHED, payload));
    const answer = await invalidate(fixture, 'onWatchedPost', payloads);
    expect(answer.body).toEqual({
      data: { invalidate: true },
      errors: [
        {
          path: ['invalidate'],
          data: null,
          errorType: 'LimitExceededException',
          errorInfo: null,
          locations: [{ line: 1, column: 55, sourceName: null }],
          message: 'A request may invalidate subscriptions at most 5 times.',
        },
      ],
    });
    const completed = [];
    for (const _ of ids.slice(0, 5)) completed.push(await client.nextMessage());
    expect(completed).toEqual(ids.slice(0, 5).map((id) => ({ id, type: 'complete' })));
    await create('p-49', { category: 'c49' });
    expect(await client.nextMessage()).toEqual(dataFrame(ids[5] as string, { onWatchedPost: { id: 'p-49', category: 'c49' } }));
    await stop(ids[5] as string);
  });
});
