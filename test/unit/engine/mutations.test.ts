/**
 * Mutations: serial execution, what they publish for subscribers, invalidation calls and response headers.
 * Spec: shared/spec/appsync-graphql-engine.md §4.1, §7 items 88, 93; shared/spec/appsync-realtime.md
 * §4.1-4.2, §4.6.
 */
import { describe, expect, it } from 'vitest';
import { fakeCode } from './support/fake-resolver-code.js';
import { fakeDataSource, noneDataSource } from './support/fake-data-source.js';
import { SCHEMA_S, engineFor, request } from './support/engine-fixture.js';

describe('mutations', () => {
  it('run root fields one after the other, in document order (spec §7 item 88)', async () => {
    const events: string[] = [];
    const dataSource = fakeDataSource('Slow', async (request) => {
      const title = (request as { payload: string }).payload;
      events.push(`start ${title}`);
      await new Promise((resolve) => setTimeout(resolve, title === '1' ? 30 : 0));
      events.push(`end ${title}`);
      return { result: { id: title, title } };
    });
    const code = fakeCode({ request: (ctx) => ({ payload: ctx.arguments?.['title'] }), response: (ctx) => ctx.result });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource, code } } });
    const outcome = await engine.execute(request('mutation { a: addPost(title: "1") { id } b: addPost(title: "2") { id } }'));
    expect(outcome.body).toEqual({ data: { a: { id: '1' }, b: { id: '2' } } });
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('publish each completed root field as selected, aliases removed (realtime §4.1-4.2)', async () => {
    const code = fakeCode({
      request: (ctx) => ({ payload: { id: `id-${ctx.arguments?.['title']}`, title: ctx.arguments?.['title'], author: { name: 'ann', bio: 'x' } } }),
      response: (ctx) => (ctx.arguments?.['title'] === 'fail' ? null : ctx.result),
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const outcome = await engine.execute(
      request(`mutation Add($skip: Boolean!) {
        first: addPost(title: "one") { postId: id title writer: author { name } ...Extra }
        second: addPost(title: "fail") { id }
      }
      fragment Extra on Post { title @skip(if: $skip) author { bio } }`, { variables: { skip: true } }),
    );
    expect(outcome.body).toEqual({
      data: { first: { postId: 'id-one', title: 'one', writer: { name: 'ann' }, author: { bio: 'x' } }, second: null },
    });
    expect(outcome.publications).toEqual([
      { fieldName: 'addPost', value: { id: 'id-one', title: 'one', author: { name: 'ann' } } },
    ]);
  });

  it('publish nothing for a query', async () => {
    const engine = engineFor(SCHEMA_S, {
      resolvers: { 'Query.getPost': { kind: 'UNIT', dataSource: noneDataSource(), code: fakeCode({ request: () => ({ payload: { id: '1' } }), response: (ctx) => ctx.result }) } },
    });
    expect((await engine.execute(request('{ getPost(id: "1") { id } }'))).publications).toEqual([]);
  });

  it('collect invalidations from resolvers that succeeded, and response headers from all (spec §7 item 93)', async () => {
    const code = fakeCode({
      request: (ctx) => ({ payload: ctx.arguments?.['title'] }),
      response: (ctx, tools) => {
        tools.invalidateSubscriptions({ subscriptionField: 'onAddPost', payload: { title: ctx.result } });
        tools.addResponseHeader('X-Last-Title', String(ctx.result));
        if (ctx.result === 'bad') tools.error('refused');
        return { id: ctx.result };
      },
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const outcome = await engine.execute(request('mutation { a: addPost(title: "good") { id } b: addPost(title: "bad") { id } }'));
    expect(outcome.invalidations).toEqual([{ subscriptionField: 'onAddPost', payload: { title: 'good' } }]);
    expect(outcome.body.data).toEqual({ a: { id: 'good' }, b: null });
    expect(outcome.responseHeaders).toEqual({ 'X-Last-Title': 'bad' });
    expect(outcome.publications).toEqual([{ fieldName: 'addPost', value: { id: 'good' } }]);
  });

  it('keep at most 5 distinct invalidations per request and report the excess on the field (realtime §4.6)', async () => {
    const code = fakeCode({
      request: () => ({ payload: { id: 'x' } }),
      response: (ctx, tools) => {
        for (const n of [1, 2, 3, 1, 4, 5, 6, 7]) tools.invalidateSubscriptions({ subscriptionField: 'onAddPost', payload: { n } });
        return ctx.result;
      },
    });
    const engine = engineFor(SCHEMA_S, { resolvers: { 'Mutation.addPost': { kind: 'UNIT', dataSource: noneDataSource(), code } } });
    const outcome = await engine.execute(request('mutation { addPost(title: "t") { id } }'));
    expect(outcome.invalidations).toEqual([1, 2, 3, 4, 5].map((n) => ({ subscriptionField: 'onAddPost', payload: { n } })));
    // errorType and message unconfirmed
    expect(outcome.body).toEqual({
      data: { addPost: { id: 'x' } },
      errors: [
        {
          path: ['addPost'],
          data: null,
          errorType: 'LimitExceededException',
          errorInfo: null,
          locations: [{ line: 1, column: 12, sourceName: null }],
          message: 'A request may invalidate subscriptions at most 5 times.',
        },
      ],
    });
  });
});
