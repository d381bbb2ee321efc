/**
 * What handlers and direct Lambda functions receive: ctx.arguments (with the explicit-null quirk),
 * identity, source, request headers, info, env, util.authType(); the direct Lambda event and BatchInvoke.
 * Spec: shared/spec/appsync-js-runtime.md §1.2-1.3; shared/spec/appsync-graphql-engine.md §1.5, §3.8,
 * §4.3-4.4, §7 items 18, 67-72, 78-79, 81-82.
 */
import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../../../local/auth/types.js';
import type { ContextInput } from '../../../local/runtime/types.js';
import { fakeCode } from './support/fake-resolver-code.js';
import { fakeDataSource, noneDataSource } from './support/fake-data-source.js';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

/** Runs `query` with a resolver on Query.context that records its request ctx and authType. */
async function capture(query: string, extra: Parameters<typeof request>[1] = {}, env?: Record<string, string>) {
  const code = fakeCode({ request: () => ({ payload: null }), response: () => null });
  const engine = engineFor(SCHEMA_S, {
    resolvers: { 'Query.echoArgs': { kind: 'UNIT', dataSource: noneDataSource(), code } },
    ...(env ? { env } : {}),
  });
  const outcome = await engine.execute(request(query, extra));
  expect(outcome.body).toEqual({ data: { echoArgs: null } });
  const [call] = code.calls;
  return { ctx: call!.ctx, authType: call!.authType };
}

const cognito: AuthContext = {
  type: 'AMAZON_COGNITO_USER_POOLS',
  identity: { sub: 'u-1', issuer: 'https://issuer', username: 'ann', claims: { sub: 'u-1' }, sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups: null },
  deniedFields: [],
};

describe('ctx for APPSYNC_JS handlers', () => {
  it('fills every part of the context for a root field', async () => {
    const { ctx, authType } = await capture('query Q($b: Int) {\n  echoArgs(a: "x", b: $b)\n}', {
      variables: { b: 2 },
      headers: { 'X-Custom': 'v', Authorization: 'token' },
      auth: cognito,
    }, { STAGE: 'test' });
    const expected: ContextInput = {
      arguments: { a: 'x', b: 2 },
      source: null,
      identity: cognito.identity,
      request: { headers: { 'x-custom': 'v', authorization: 'token' }, domainName: null },
      info: { fieldName: 'echoArgs', parentTypeName: 'Query', variables: { b: 2 }, selectionSetList: [], selectionSetGraphQL: '' },
      env: { STAGE: 'test' },
      stash: {},
      outErrors: [],
    };
    expect(ctx).toEqual(expected);
    expect(authType).toBe('User Pool Authorization');
  });

  it('passes an absent nullable variable as an explicit null argument (spec §1.5 quirk, §7 item 18)', async () => {
    const { ctx } = await capture('query($a: String, $b: Int) { echoArgs(a: $a, b: $b) }', { variables: { b: 1 } });
    expect(ctx.arguments).toEqual({ a: null, b: 1 });
    // ctx.info.variables keeps what the client sent
    expect(ctx.info?.variables).toEqual({ b: 1 });
  });

  it('leaves out arguments that are not written, and coerces input objects', async () => {
    const { ctx } = await capture('{ echoArgs(input: { title: "t", tags: "one", when: "2020-01-01T00:00Z" }) }');
    expect(ctx.arguments).toEqual({ input: { title: 't', tags: ['one'], when: '2020-01-01T00:00Z' } });
  });

  it.each([
    ['API_KEY', 'API Key Authorization'],
    ['AWS_IAM', 'IAM Authorization'],
    ['AMAZON_COGNITO_USER_POOLS', 'User Pool Authorization'],
    ['OPENID_CONNECT', 'Open ID Connect Authorization'],
    ['AWS_LAMBDA', 'Lambda Authorization'],
  ] as const)('gives util.authType() its label for %s (spec §7 item 72)', async (type, label) => {
    const { authType } = await capture('{ echoArgs }', { auth: { type, identity: null, deniedFields: [] } });
    expect(authType).toBe(label);
  });

  it('lists the selection with aliases and expanded fragments, and prints it (js-runtime §1.2)', async () => {
    const code = fakeCode({ request: () => ({ payload: null }), response: () => null });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.getPost': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const query = `query { getPost(id: "1") { id headline: title author { name } ...More ... on Post { comments { text } } } }
      fragment More on Post { adminNote }`;
    await engine.execute(request(query));
    expect(code.calls[0]!.ctx.info).toEqual({
      fieldName: 'getPost',
      parentTypeName: 'Query',
      variables: {},
      selectionSetList: ['id', 'headline', 'author', 'author/name', 'adminNote', 'comments', 'comments/text'],
      selectionSetGraphQL: '{\n  id\n  headline: title\n  author {\n    name\n  }\n  ...More\n  ... on Post {\n    comments {\n      text\n    }\n  }\n}',
    });
  });
});

describe('direct Lambda resolvers', () => {
  it('send AppSync\'s event and use the return value (spec §4.3, §7 item 79)', async () => {
    const lambda = fakeDataSource('Fn', () => ({ result: { id: '1', title: 'from lambda', author: { name: 'ann' } } }));
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.getPost': { kind: 'UNIT', dataSource: lambda } } });
    const outcome = await engine.execute(
      request('query Q($id: ID!) { getPost(id: $id) { id title author { name } } }', {
        variables: { id: '1' },
        headers: { 'X-Api-Key': 'k' },
      }),
    );
    expect(outcome.body).toEqual({ data: { getPost: { id: '1', title: 'from lambda', author: { name: 'ann' } } } });
    expect(lambda.requests).toEqual([
      {
        operation: 'Invoke',
        payload: {
          arguments: { id: '1' },
          identity: null,
          source: null,
          request: { headers: { 'x-api-key': 'k' }, domainName: null },
          prev: null,
          info: {
            fieldName: 'getPost',
            parentTypeName: 'Query',
            variables: { id: '1' },
            selectionSetList: ['id', 'title', 'author', 'author/name'],
            selectionSetGraphQL: '{\n  id\n  title\n  author {\n    name\n  }\n}',
          },
          stash: {},
        },
      },
    ]);
    expect(Object.keys((lambda.requests[0] as { payload: object }).payload)).toEqual([
      'arguments', 'identity', 'source', 'request', 'prev', 'info', 'stash',
    ]);
  });

  it('turn a function error into Lambda:Unhandled with the function\'s message (spec §7 item 78)', async () => {
    const lambda = fakeDataSource('Fn', () => ({ result: null, error: { type: 'Lambda:Unhandled', message: 'bad input' } }));
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.lambdaFail': { kind: 'UNIT', dataSource: lambda } } });
    expect((await engine.execute(request('{ lambdaFail }'))).body).toEqual({
      data: { lambdaFail: null },
      errors: [
        { path: ['lambdaFail'], data: null, errorType: 'Lambda:Unhandled', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'bad input' },
      ],
    });
  });

  it('batch sibling invocations into BatchInvoke calls of at most maxBatchSize (spec §4.4, §7 item 81)', async () => {
    const posts = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), authorName: `a${n}` }));
    const lambda = fakeDataSource('Authors', (request) => {
      const events = (request as { payload: Array<{ source: { authorName: string } }> }).payload;
      return { result: events.map((event) => ({ name: event.source.authorName })) };
    });
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.listPosts': { kind: 'UNIT', dataSource: noneDataSource(), code: fakeCode({ request: () => ({ payload: posts }), response: (ctx) => ctx.result }) },
        'Post.author': { kind: 'UNIT', dataSource: lambda, maxBatchSize: 3 },
      },
    });
    const outcome = await engine.execute(request('{ listPosts { id author { name } } }'));
    expect(outcome.body).toEqual({ data: { listPosts: posts.map((post) => ({ id: post.id, author: { name: post.authorName } })) } });
    const calls = lambda.requests as Array<{ operation: string; payload: Array<{ source: unknown; info: { fieldName: string } }> }>;
    expect(calls.map((call) => [call.operation, call.payload.map((event) => event.source)])).toEqual([
      ['BatchInvoke', posts.slice(0, 3)],
      ['BatchInvoke', posts.slice(3)],
    ]);
  });

  it('fail one item for an error envelope and every item for a wrong-length answer (spec §4.4, §7 item 82)', async () => {
    const posts = [{ id: '1' }, { id: '2' }];
    const answers: unknown[] = [[{ name: 'ok' }, { errorMessage: 'no author', errorType: 'NotFound' }], [{ name: 'only one' }]];
    const lambda = fakeDataSource('Authors', () => ({ result: answers.shift() }));
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.listPosts': { kind: 'UNIT', dataSource: noneDataSource(), code: fakeCode({ request: () => ({ payload: posts }), response: (ctx) => ctx.result }) },
        'Post.author': { kind: 'UNIT', dataSource: lambda, maxBatchSize: 10 },
      },
    });
    const location = [{ line: 1, column: 18, sourceName: null }];
    expect((await engine.execute(request('{ listPosts { id author { name } } }'))).body).toEqual({
      data: { listPosts: [{ id: '1', author: { name: 'ok' } }, { id: '2', author: null }] },
      errors: [{ path: ['listPosts', 1, 'author'], data: null, errorType: 'NotFound', errorInfo: null, locations: location, message: 'no author' }],
    });
    const mismatch = 'The BatchInvoke response must be a list of 2 items, got 1 items.';
    expect((await engine.execute(request('{ listPosts { id author { name } } }'))).body).toEqual({
      data: { listPosts: [{ id: '1', author: null }, { id: '2', author: null }] },
      errors: [0, 1].map((index) => ({
        path: ['listPosts', index, 'author'],
        data: null,
        errorType: 'Lambda:Unhandled',
        errorInfo: null,
        locations: location,
        message: mismatch,
      })),
    });
  });

  it('batch a coded resolver\'s BatchInvoke requests and give each response handler its element', async () => {
    const posts = [{ id: '1' }, { id: '2' }];
    const lambda = fakeDataSource('Authors', (request) => ({
      result: (request as { payload: string[] }).payload.map((id) => ({ name: `author of ${id}` })),
    }));
    const code = fakeCode({
      request: (ctx) => ({ operation: 'BatchInvoke', payload: (ctx.source as { id: string }).id }),
      response: (ctx) => ctx.result,
    });
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.listPosts': { kind: 'UNIT', dataSource: noneDataSource(), code: fakeCode({ request: () => ({ payload: posts }), response: (ctx) => ctx.result }) },
        'Post.author': { kind: 'UNIT', dataSource: lambda, code, maxBatchSize: 5 },
      },
    });
    expect((await engine.execute(request('{ listPosts { author { name } } }'))).body).toEqual({
      data: { listPosts: [{ author: { name: 'author of 1' } }, { author: { name: 'author of 2' } }] },
    });
    expect(lambda.requests).toEqual([{ operation: 'BatchInvoke', payload: ['1', '2'] }]);
  });
});
