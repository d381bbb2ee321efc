/**
 * Limits answered as field errors with the usual null propagation (spec appsync-graphql-engine.md §1.6:
 * "limit errors obey normal null propagation"; errorType and message texts are unconfirmed), the 30 s
 * execution limit (§6, checked here with a short configured limit), and engine settings AppSync refuses.
 * Spec: §1.6, §4.2, §4.4, §6, §7 items 89, 90, 92.
 */
import { describe, expect, it } from 'vitest';
import { BadRequestException } from '../../../local/errors.js';
import type { ResolverBinding } from '../../../local/engine/index.js';
import { fakeCode } from './support/fake-resolver-code.js';
import { fakeDataSource, noneDataSource } from './support/fake-data-source.js';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

const value = (payload: unknown): ResolverBinding => ({
  kind: 'UNIT',
  dataSource: noneDataSource(),
  code: fakeCode({ request: () => ({ payload }), response: (ctx) => ctx.result }),
});

const fieldLimitError = (path: Array<string | number>, column: number, errorType: string, message: string) => ({
  path,
  data: null,
  errorType,
  errorInfo: null,
  locations: [{ line: 1, column, sourceName: null }],
  message,
});

describe('queryDepthLimit', () => {
  const engine = engineFor(SCHEMA_S, {
    limits: { queryDepthLimit: 2 },
    resolvers: { 'Query.getPost': value({ id: '1', author: { name: 'ann' } }) },
  });

  it('nulls the first field past the limit (spec §7 item 89)', async () => {
    expect((await engine.execute(request('{ getPost(id: "1") { id author { name } } }'))).body).toEqual({
      data: { getPost: { id: '1', author: { name: null } } },
      errors: [fieldLimitError(['getPost', 'author', 'name'], 34, 'QueryDepthLimitExceeded', 'Query depth limit of 2 exceeded.')],
    });
  });

  it('lets queries within the limit through', async () => {
    expect((await engine.execute(request('{ getPost(id: "1") { id } }'))).body).toEqual({ data: { getPost: { id: '1' } } });
  });
});

describe('resolverCountLimit', () => {
  it('fails the invocations past the limit, counting once per list element (spec §7 item 90)', async () => {
    const authorCode = fakeCode({ request: (ctx) => ({ payload: { name: (ctx.source as { id: string }).id } }), response: (ctx) => ctx.result });
    const engine = engineFor(SCHEMA_S, {
      limits: { resolverCountLimit: 2 },
      resolvers: {
        'Query.listPosts': value([{ id: '1' }, { id: '2' }]),
        'Post.author': { kind: 'UNIT', dataSource: noneDataSource(), code: authorCode },
      },
    });
    expect((await engine.execute(request('{ listPosts { author { name } } }'))).body).toEqual({
      data: { listPosts: [{ author: { name: '1' } }, { author: null }] },
      errors: [
        fieldLimitError(['listPosts', 1, 'author'], 15, 'ResolverCountLimitExceeded', 'Resolver count limit of 2 exceeded.'),
      ],
    });
    expect(authorCode.calls.filter((call) => call.handler === 'request')).toHaveLength(1);
  });
});

describe('execution time limit', () => {
  it('answers a resolver still running at the limit with a field error and keeps the rest (spec §7 item 92)', async () => {
    const hanging = fakeDataSource('Hangs', () => new Promise(() => {}));
    const engine = engineFor(SCHEMA_S, {
      executionTimeoutMs: 50,
      resolvers: {
        'Query.lambdaFail': { kind: 'UNIT', dataSource: hanging },
        'Query.noResolver': value('quick'),
      },
    });
    expect((await engine.execute(request('{ lambdaFail noResolver }'))).body).toEqual({
      data: { lambdaFail: null, noResolver: 'quick' },
      errors: [fieldLimitError(['lambdaFail'], 3, 'ExecutionTimeout', 'Execution timed out.')],
    });
  });
});

describe('after the execution time limit', () => {
  it('starts no further resolver: later mutation fields fail without running', async () => {
    const dataSource = fakeDataSource('MaybeSlow', (request) =>
      (request as { payload: string }).payload === 'slow' ? new Promise(() => {}) : { result: { id: 'fast' } },
    );
    const code = fakeCode({ request: (ctx) => ({ payload: ctx.arguments?.['title'] }), response: (ctx) => ctx.result });
    const engine = engineFor(SCHEMA_S, { executionTimeoutMs: 30, resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource, code } } });
    const outcome = await engine.execute(request('mutation { a: addPost(title: "slow") { id } b: addPost(title: "fast") { id } }'));
    expect(outcome.body).toEqual({
      data: { a: null, b: null },
      errors: [
        fieldLimitError(['a'], 12, 'ExecutionTimeout', 'Execution timed out.'),
        fieldLimitError(['b'], 45, 'ExecutionTimeout', 'Execution timed out.'),
      ],
    });
    expect(dataSource.requests).toEqual(['slow'].map((payload) => ({ payload })));
  });
});

describe('engine settings', () => {
  it.each([
    [{ resolvers: { 'Query.nope': value(1) } }, 'Resolver Query.nope: no field nope on an object type Query in the schema.'],
    [{ resolvers: { 'PostInput.title': value(1) } }, 'Resolver PostInput.title: no field title on an object type PostInput in the schema.'],
    [
      {
        resolvers: {
          'Query.noResolver': {
            kind: 'PIPELINE',
            code: fakeCode({}),
            functions: Array.from({ length: 11 }, (_, index) => ({ name: `f${index}`, code: fakeCode({}), dataSource: noneDataSource() })),
          },
        },
      },
      'Resolver Query.noResolver: a pipeline has at most 10 functions, got 11.',
    ],
    [{ resolvers: { 'Query.noResolver': { kind: 'UNIT', dataSource: noneDataSource(), maxBatchSize: 2001 } } }, 'Resolver Query.noResolver: maxBatchSize must be 0..2000, got 2001.'],
    [{ limits: { queryDepthLimit: 76 } }, 'queryDepthLimit must be 0..75, got 76.'],
    [{ limits: { resolverCountLimit: 10_001 } }, 'resolverCountLimit must be 0..10000, got 10001.'],
  ] as Array<[Parameters<typeof engineFor>[1], string]>)('refuses %j', (options, message) => {
    expect(() => engineFor(SCHEMA_S, options)).toThrow(new BadRequestException(message));
  });
});
