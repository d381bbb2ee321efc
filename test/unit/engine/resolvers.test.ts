/**
 * Unit and pipeline resolvers through the engine: handler order, stash and prev, earlyReturn, errors and
 * their shapes, null propagation, partial data.
 * Spec: shared/spec/appsync-graphql-engine.md §4.1-4.5, §5, §7 items 7, 74-77, 80-88;
 * shared/spec/appsync-js-runtime.md §1.4, §3.10, §6.
 */
import { describe, expect, it } from 'vitest';
import type { ResolverBinding } from '../../../local/engine/index.js';
import { fakeCode } from './support/fake-resolver-code.js';
import type { FakeHandler } from './support/fake-resolver-code.js';
import { fakeDataSource, noneDataSource } from './support/fake-data-source.js';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

/** A unit resolver on a NONE data source whose request passes `payload(ctx)` to its response. */
function noneResolver(payload: FakeHandler, response: FakeHandler = (ctx) => ctx.result): ResolverBinding {
  return { kind: 'UNIT', dataSource: noneDataSource(), code: fakeCode({ request: (ctx, tools) => ({ payload: payload(ctx, tools) }), response }) };
}

const posts = [
  { id: '1', title: 'one', authorName: 'ann' },
  { id: '2', title: 'two', authorName: 'bob' },
  { id: '3', title: 'three', authorName: 'cat' },
];

describe('unit resolvers', () => {
  it('run request → data source → response, the request handler value being the data source request', async () => {
    const dataSource = fakeDataSource('Table', () => ({ result: { id: '7', title: 'stored' } }));
    const code = fakeCode({
      request: (ctx) => ({ operation: 'GetItem', key: { id: ctx.arguments?.['id'] } }),
      response: (ctx) => ({ ...(ctx.result as object), title: `${(ctx.result as { title: string }).title}!` }),
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.getPost': { kind: 'UNIT', dataSource, code } } });
    const outcome = await engine.execute(request('{ getPost(id: "7") { id title } }'));
    expect(outcome.body).toEqual({ data: { getPost: { id: '7', title: 'stored!' } } });
    expect(dataSource.requests).toEqual([{ operation: 'GetItem', key: { id: '7' } }]);
    expect(code.calls.map((call) => call.handler)).toEqual(['request', 'response']);
  });

  it('answer null with no error for a root field without a resolver (spec §7 item 7)', async () => {
    const outcome = await engineFor(SCHEMA_S).execute(request('{ noResolver }'));
    expect(outcome).toEqual({ body: { data: { noResolver: null } }, publications: [], invalidations: [], responseHeaders: {} });
  });

  it('pass the NONE payload through (spec §7 item 85)', async () => {
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.context': noneResolver(() => ({ v: 1 })) } });
    expect((await engine.execute(request('{ context }'))).body).toEqual({ data: { context: '{"v":1}' } });
  });

  it('share the stash between request and response', async () => {
    const code = fakeCode({
      request: (ctx) => {
        ctx.stash['fromRequest'] = 'kept';
        return { payload: null };
      },
      response: (ctx) => ctx.stash,
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.context': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    expect((await engine.execute(request('{ context }'))).body).toEqual({ data: { context: '{"fromRequest":"kept"}' } });
  });

  it('skip the data source and the response handler on earlyReturn in the request (js-runtime §3.10)', async () => {
    const dataSource = noneDataSource();
    const code = fakeCode({ request: (_ctx, tools) => tools.earlyReturn({ title: 'early' }), response: () => ({ title: 'late' }) });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.getPost': { kind: 'UNIT', dataSource, code } } });
    expect((await engine.execute(request('{ getPost(id: "1") { title } }'))).body).toEqual({ data: { getPost: { title: 'early' } } });
    expect(dataSource.requests).toEqual([]);
    expect(code.calls.map((call) => call.handler)).toEqual(['request']);
  });

  it('give the response handler ctx.error without raising it (spec §7 item 83)', async () => {
    const failure = { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed' };
    const dataSource = fakeDataSource('Table', () => ({ result: null, error: failure }));
    const code = fakeCode({ request: () => ({ operation: 'PutItem' }), response: (ctx) => ({ id: 'x', title: ctx.error?.type }) });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource, code } } });
    const outcome = await engine.execute(request('mutation { addPost(title: "t") { id title } }'));
    expect(outcome.body).toEqual({ data: { addPost: { id: 'x', title: 'DynamoDB:ConditionalCheckFailedException' } } });
    const responseCtx = code.calls[1]!.ctx;
    expect({ result: responseCtx.result, error: responseCtx.error }).toEqual({ result: null, error: failure });
  });

  it('raise ctx.error when the handler calls util.error with it (spec §7 item 84)', async () => {
    const failure = { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed' };
    const dataSource = fakeDataSource('Table', () => ({ result: null, error: failure }));
    const code = fakeCode({
      request: () => ({ operation: 'PutItem' }),
      response: (ctx, tools) => tools.error(ctx.error!.message, ctx.error!.type),
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource, code } } });
    const outcome = await engine.execute(request('mutation {\n  addPost(title: "t") { id }\n}'));
    expect(outcome.body).toEqual({
      data: { addPost: null },
      errors: [
        {
          path: ['addPost'],
          data: null,
          errorType: 'DynamoDB:ConditionalCheckFailedException',
          errorInfo: null,
          locations: [{ line: 2, column: 3, sourceName: null }],
          message: 'The conditional request failed',
        },
      ],
    });
    expect(outcome.publications).toEqual([]);
  });

  it('has no ctx.error key when the data source succeeded', async () => {
    const code = fakeCode({ request: () => ({ payload: 1 }), response: (ctx) => ('error' in ctx ? 'has error key' : 'no error key') });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.noResolver': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({ data: { noResolver: 'no error key' } });
  });

  it('turn a throwing data source into ctx.error instead of failing the request', async () => {
    const dataSource = fakeDataSource('Broken', () => {
      throw new Error('socket hang up');
    });
    const code = fakeCode({ request: () => ({}), response: (ctx) => JSON.stringify(ctx.error) });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.noResolver': { kind: 'UNIT', dataSource, code } } });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({
      data: { noResolver: '{"type":"InternalFailure","message":"Broken: socket hang up"}' },
    });
  });
});

describe('resolver errors', () => {
  it('shape util.error with data and errorInfo (spec §7 item 74)', async () => {
    const engine = engineFor(SCHEMA_S, {
      resolvers: { 'Query.boom': noneResolver((_ctx, tools) => tools.error('boom', 'Custom', { x: 1 }, { y: 2 })) },
    });
    const outcome = await engine.execute(request('{ boom }'));
    expect(JSON.stringify(outcome.body)).toBe(
      '{"data":{"boom":null},"errors":[{"path":["boom"],"data":{"x":1},"errorType":"Custom","errorInfo":{"y":2},"locations":[{"line":1,"column":3,"sourceName":null}],"message":"boom"}]}',
    );
  });

  it('keep the value and add the error for util.appendError (spec §7 item 75)', async () => {
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.noResolver': noneResolver((_ctx, tools) => {
          tools.appendError('warn', 'W');
          return 'ok';
        }),
      },
    });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({
      data: { noResolver: 'ok' },
      errors: [
        { path: ['noResolver'], data: null, errorType: 'W', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'warn' },
      ],
    });
  });

  it('give later handlers the appended errors in ctx.outErrors', async () => {
    const code = fakeCode({
      request: (_ctx, tools) => {
        tools.appendError('first', 'A');
        return { payload: null };
      },
      response: (ctx) => JSON.stringify(ctx.outErrors),
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.noResolver': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const outcome = await engine.execute(request('{ noResolver }'));
    expect(outcome.body.data).toEqual({ noResolver: '[{"message":"first","errorType":"A","data":null,"errorInfo":null}]' });
  });

  it('report an uncaught exception as errorType Code', async () => {
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.noResolver': noneResolver(() => {
          throw new TypeError('x is undefined');
        }),
      },
    });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({
      data: { noResolver: null },
      errors: [
        {
          path: ['noResolver'],
          data: null,
          errorType: 'Code',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'code.js:1:1: TypeError: x is undefined',
        },
      ],
    });
  });

  // spec: appsync-js-runtime.md §3.1 util.unauthorized — the field error reads as a directive denial,
  // whatever the runtime's own message ("Unauthorized", as EvaluateCode reports it).
  it('report util.unauthorized as AppSync words a field denial', async () => {
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.noResolver': noneResolver((_ctx, tools) => tools.unauthorized()) } });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({
      data: { noResolver: null },
      errors: [
        {
          path: ['noResolver'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Not Authorized to access noResolver on type Query',
        },
      ],
    });
  });

  it('propagate a null non-null root field to data (spec §7 item 76, §5.1)', async () => {
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.mustNotBeNull': noneResolver(() => null) } });
    expect((await engine.execute(request('{ mustNotBeNull noResolver }'))).body).toEqual({
      data: null,
      errors: [
        {
          path: ['mustNotBeNull'],
          locations: null,
          message: "Cannot return null for non-nullable type: 'String' within parent 'Query' (/mustNotBeNull)",
        },
      ],
    });
  });

  it('use the alias in the error path and keep the other fields (spec §7 item 77)', async () => {
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Query.boom': noneResolver((_ctx, tools) => tools.error('boom', 'Custom')) } });
    expect((await engine.execute(request('{ a: boom  b: noResolver }'))).body).toEqual({
      data: { a: null, b: null },
      errors: [
        { path: ['a'], data: null, errorType: 'Custom', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'boom' },
      ],
    });
  });

  it('propagate a nested non-null violation to the nearest nullable parent with one error', async () => {
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.getPost': noneResolver(() => ({ id: '1', comments: [{ id: 'c1', text: 'fine' }, { id: 'c2', text: null }] })),
      },
    });
    expect((await engine.execute(request('{ getPost(id: "1") { id comments { id text } } }'))).body).toEqual({
      data: { getPost: { id: '1', comments: null } },
      errors: [
        {
          path: ['getPost', 'comments', 1, 'text'],
          locations: null,
          message: "Cannot return null for non-nullable type: 'String' within parent 'Comment' (/getPost/comments[1]/text)",
        },
      ],
    });
  });

  it('list errors in document order whatever order resolvers finish in', async () => {
    const slow = fakeDataSource('Slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { result: null };
    });
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.boom': { kind: 'UNIT', dataSource: slow, code: fakeCode({ request: () => ({}), response: (_ctx, tools) => tools.error('slow') }) },
        'Query.noResolver': noneResolver((_ctx, tools) => tools.error('fast')),
      },
    });
    const outcome = await engine.execute(request('{ boom noResolver }'));
    expect(outcome.body.errors?.map((error) => error.message)).toEqual(['slow', 'fast']);
  });
});

describe('nested resolvers', () => {
  const authorCode = fakeCode({
    request: (ctx) => ({ payload: { name: (ctx.source as { authorName: string }).authorName } }),
    response: (ctx) => ctx.result,
  });
  const engine = engineFor(SCHEMA_S, {
    resolvers: {
      'Query.listPosts': noneResolver(() => posts),
      'Post.author': { kind: 'UNIT', dataSource: noneDataSource(), code: authorCode },
    },
  });

  it('run once per list element with ctx.source = the parent value (spec §7 items 80-81)', async () => {
    const outcome = await engine.execute(request('{ listPosts { id author { name } } }'));
    expect(outcome.body).toEqual({
      data: { listPosts: [{ id: '1', author: { name: 'ann' } }, { id: '2', author: { name: 'bob' } }, { id: '3', author: { name: 'cat' } }] },
    });
    expect(authorCode.calls.filter((call) => call.handler === 'request').map((call) => call.ctx.source)).toEqual(posts);
  });
});

describe('pipeline resolvers', () => {
  it('thread prev.result and one stash through before, functions and after (spec §7 item 86)', async () => {
    const before = fakeCode({
      request: (ctx) => {
        ctx.stash['before'] = true;
        return { started: true };
      },
      response: (ctx) => ({ id: 'p', title: JSON.stringify({ prev: ctx.prev, stash: ctx.stash }) }),
    });
    const first = fakeCode({
      request: (ctx) => ({ payload: { seen: ctx.prev?.result } }),
      response: (ctx) => {
        ctx.stash['first'] = 1;
        return { fromFirst: ctx.result };
      },
    });
    const second = fakeCode({ request: (ctx) => ({ payload: ctx.prev?.result }), response: (ctx) => ({ fromSecond: ctx.result }) });
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.getPost': {
          kind: 'PIPELINE',
          code: before,
          functions: [
            { name: 'first', code: first, dataSource: noneDataSource() },
            { name: 'second', code: second, dataSource: noneDataSource() },
          ],
        },
      },
    });
    const outcome = await engine.execute(request('{ getPost(id: "p") { id title } }'));
    expect(outcome.body).toEqual({
      data: {
        getPost: {
          id: 'p',
          title: JSON.stringify({
            prev: { result: { fromSecond: { fromFirst: { seen: { started: true } } } } },
            stash: { before: true, first: 1 },
          }),
        },
      },
    });
  });

  it('stop at util.error in a function: later functions and the after handler do not run (spec §7 item 87)', async () => {
    const before = fakeCode({ request: () => ({}), response: () => ({ id: 'never' }) });
    const failing = fakeCode({ request: (_ctx, tools) => tools.error('denied', 'Forbidden') });
    const skipped = fakeCode({ request: () => ({}) });
    const engine = engineFor(SCHEMA_S, {
      resolvers: {
        'Query.getPost': {
          kind: 'PIPELINE',
          code: before,
          functions: [
            { name: 'failing', code: failing, dataSource: noneDataSource() },
            { name: 'skipped', code: skipped, dataSource: noneDataSource() },
          ],
        },
      },
    });
    const outcome = await engine.execute(request('{ getPost(id: "p") { id } }'));
    expect(outcome.body).toEqual({
      data: { getPost: null },
      errors: [
        { path: ['getPost'], data: null, errorType: 'Forbidden', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'denied' },
      ],
    });
    expect(skipped.calls).toEqual([]);
    expect(before.calls.map((call) => call.handler)).toEqual(['request']);
  });

  /** before → f1 → f2 → f3 → after, each function appending its name to prev.result. */
  function tracingPipeline(overrides: { before?: FakeHandler; f2Request?: FakeHandler }) {
    const dataSource = noneDataSource();
    const step = (name: string, request?: FakeHandler) =>
      fakeCode({
        request: request ?? ((ctx) => ({ payload: [...((ctx.prev?.result as string[]) ?? []), name] })),
        response: (ctx) => ctx.result,
      });
    const binding: ResolverBinding = {
      kind: 'PIPELINE',
      code: fakeCode({ request: overrides.before ?? (() => ['before']), response: (ctx) => JSON.stringify(ctx.prev?.result) }),
      functions: [
        { name: 'f1', code: step('f1'), dataSource },
        { name: 'f2', code: step('f2', overrides.f2Request), dataSource },
        { name: 'f3', code: step('f3'), dataSource },
      ],
    };
    return { engine: engineFor(SCHEMA_S, { resolvers: { 'Query.noResolver': binding } }), dataSource };
  }

  it('run every step in order', async () => {
    const { engine } = tracingPipeline({});
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({ data: { noResolver: '["before","f1","f2","f3"]' } });
  });

  it('skip all functions on earlyReturn in the before handler (js-runtime §3.10)', async () => {
    const { engine, dataSource } = tracingPipeline({ before: (_ctx, tools) => tools.earlyReturn(['early']) });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({ data: { noResolver: '["early"]' } });
    expect(dataSource.requests).toEqual([]);
  });

  it('skip only that function on earlyReturn with skipTo NEXT', async () => {
    const { engine } = tracingPipeline({ f2Request: (ctx, tools) => tools.earlyReturn([...(ctx.prev?.result as string[]), 'f2-early'], 'NEXT') });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({ data: { noResolver: '["before","f1","f2-early","f3"]' } });
  });

  it('skip the remaining functions on earlyReturn with skipTo END', async () => {
    const { engine } = tracingPipeline({ f2Request: (ctx, tools) => tools.earlyReturn([...(ctx.prev?.result as string[]), 'f2-end'], 'END') });
    expect((await engine.execute(request('{ noResolver }'))).body).toEqual({ data: { noResolver: '["before","f1","f2-end"]' } });
  });
});
