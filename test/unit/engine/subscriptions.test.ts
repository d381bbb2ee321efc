/**
 * The engine's hooks for the real-time layer: starting a subscription (validation, field authorization,
 * the subscription resolver run once with its filters) and shaping published values per subscriber.
 * Spec: shared/spec/appsync-realtime.md §3.4, §4.2-4.5, §5.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AuthContext, FieldAuthorizer } from '../../../local/auth/types.js';
import { fakeCode } from './support/fake-resolver-code.js';
import { noneDataSource } from './support/fake-data-source.js';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

const query = 'subscription OnAdd($title: String) { post: onAddPost(title: $title) { key: id title author { name } } }';

describe('startSubscription', () => {
  it('prepares a subscription without resolver: arguments as supplied, no filters', async () => {
    const engine = engineFor(SCHEMA_S);
    expect(await engine.startSubscription(request(query, { variables: {} }))).toEqual({
      ok: true,
      subscription: {
        fieldName: 'onAddPost',
        responseKey: 'post',
        arguments: {},
        document: parse(query),
        operationName: null,
        variables: { title: null },
        auth: { type: 'API_KEY', identity: null, deniedFields: [] },
      },
      extensions: { invalidations: [], cacheEvictions: [] },
    });
  });

  it('runs the subscription resolver once with args, identity and headers, and returns its filters (realtime §4.4-4.5)', async () => {
    const filter = { filterGroup: [{ filters: [{ fieldName: 'title', operator: 'eq', value: 'x' }] }] };
    const code = fakeCode({
      request: () => ({ payload: null }),
      response: (_ctx, tools) => {
        tools.setSubscriptionFilter(filter);
        return null;
      },
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Subscription.onAddPost': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const cognito: AuthContext = { type: 'AMAZON_COGNITO_USER_POOLS', identity: { sub: 'u-1' }, deniedFields: [] };
    const start = await engine.startSubscription(request(query, { variables: { title: 'x' }, auth: cognito, headers: { Host: 'h' } }));
    expect(start.ok && start.extensions).toEqual({ subscriptionFilter: filter, invalidations: [], cacheEvictions: [] });
    expect(start.ok && start.subscription.arguments).toEqual({ title: 'x' });
    const [requestCall] = code.calls;
    expect({ args: requestCall!.ctx.arguments, identity: requestCall!.ctx.identity, headers: requestCall!.ctx.request?.headers, info: requestCall!.ctx.info }).toEqual({
      args: { title: 'x' },
      identity: { sub: 'u-1' },
      headers: { host: 'h' },
      info: {
        fieldName: 'onAddPost',
        parentTypeName: 'Subscription',
        variables: { title: 'x' },
        selectionSetList: ['key', 'title', 'author', 'author/name'],
        selectionSetGraphQL: '{\n  key: id\n  title\n  author {\n    name\n  }\n}',
      },
    });
  });

  it('gives the resolver its arguments coerced from variables, AWSJSON parsed, as for queries (realtime §4.4-4.5)', async () => {
    const code = fakeCode({ request: () => ({ payload: null }), response: () => null });
    const sdl = `${SCHEMA_S}\nextend type Subscription { onJson(filter: AWSJSON, limit: Int, title: String): Post @aws_subscribe(mutations: ["addPost"]) }`;
    const engine = engineFor(sdl, { resolvers: { 'Subscription.onJson': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const document = 'subscription J($f: AWSJSON, $n: Int, $t: String) { onJson(filter: $f, limit: $n, title: $t) { id } }';
    const start = await engine.startSubscription(request(document, { variables: { f: '{"a":[1,2]}', n: 3 } }));
    expect([start.ok && start.subscription.arguments, code.calls[0]?.ctx.arguments]).toEqual([
      { filter: '{"a":[1,2]}', limit: 3 },
      { filter: { a: [1, 2] }, limit: 3, title: null },
    ]);
  });

  it('fails at the resolver stage when the resolver rejects (realtime §4.4)', async () => {
    const code = fakeCode({ request: (_ctx, tools) => tools.unauthorized() });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Subscription.onAddPost': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    expect(await engine.startSubscription(request(query))).toEqual({
      ok: false,
      stage: 'resolver',
      errors: [
        // spec: appsync-realtime.md §3.4 — "Unauthorized" + the not-authorized message.
        { path: ['post'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [{ line: 1, column: 38, sourceName: null }], message: 'Not Authorized to access onAddPost on type Subscription' },
      ],
    });
  });

  it('fails at the authorization stage when the field is not allowed for the mode (realtime §5)', async () => {
    const denyAll: FieldAuthorizer = { isAllowed: () => false };
    const engine = engineFor(SCHEMA_S, { fieldAuthorizer: denyAll });
    expect(await engine.startSubscription(request(query))).toEqual({
      ok: false,
      stage: 'authorization',
      errors: [
        {
          path: ['post'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 38, sourceName: null }],
          message: 'Not Authorized to access onAddPost on type Subscription',
        },
      ],
    });
  });

  it('checks the selection against the same mode, fragments included (realtime §5, unconfirmed)', async () => {
    const noAdminNote: FieldAuthorizer = { isAllowed: (typeName, fieldName) => `${typeName}.${fieldName}` !== 'Post.adminNote' };
    const engine = engineFor(SCHEMA_S, { fieldAuthorizer: noAdminNote });
    const document = 'subscription {\n  onAddPost { id ...Notes }\n}\nfragment Notes on Post { author { name } adminNote }';
    expect(await engine.startSubscription(request(document))).toEqual({
      ok: false,
      stage: 'authorization',
      errors: [
        {
          path: ['onAddPost', 'adminNote'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 4, column: 42, sourceName: null }],
          message: 'Not Authorized to access adminNote on type Post',
        },
      ],
    });
    expect((await engine.startSubscription(request('subscription { onAddPost { id author { name } } }'))).ok).toBe(true);
  });

  it('refuses a document whose only root field is skipped', async () => {
    expect(await engineFor(SCHEMA_S).startSubscription(request('subscription { onAddPost @skip(if: true) { id } }'))).toEqual({
      ok: false,
      stage: 'document',
      errors: [{ path: null, locations: null, message: 'Subscription operation must have exactly one root field' }],
    });
  });

  it('refuses queries and mutations (realtime §3.4)', async () => {
    expect(await engineFor(SCHEMA_S).startSubscription(request('{ noResolver }'))).toEqual({
      ok: false,
      stage: 'operation',
      errors: [{ path: null, locations: null, message: 'query not supported through the realtime channel' }],
    });
  });

  it('reports validation errors in AppSync\'s wording (realtime §3.4)', async () => {
    expect(await engineFor(SCHEMA_S).startSubscription(request('subscription { x }'))).toEqual({
      ok: false,
      stage: 'document',
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 16, sourceName: null }],
          message: "Validation error of type FieldUndefined: Field 'x' in type 'Subscription' is undefined @ 'x'",
        },
      ],
    });
  });
});

describe('shapeSubscriptionPayload', () => {
  const engine = engineFor(SCHEMA_S);

  it('answers the subscriber\'s selection; fields the mutation did not select are null (realtime §4.2)', async () => {
    const start = await engine.startSubscription(request(query));
    if (!start.ok) throw new Error('start failed');
    expect(await engine.shapeSubscriptionPayload(start.subscription, { id: '1', title: 't' })).toEqual({
      data: { post: { key: '1', title: 't', author: null } },
    });
  });

  it('fails a missing non-null field as AWS does (realtime §4.2)', async () => {
    const start = await engine.startSubscription(request('subscription { onAddPost { id title } }'));
    if (!start.ok) throw new Error('start failed');
    expect(await engine.shapeSubscriptionPayload(start.subscription, { title: 't' })).toEqual({
      data: { onAddPost: null },
      errors: [
        { path: ['onAddPost', 'id'], locations: null, message: "Cannot return null for non-nullable type: 'ID' within parent 'Post' (/onAddPost/id)" },
      ],
    });
  });
});
