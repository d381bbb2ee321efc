/**
 * The `ctx` object handlers receive (spec appsync-js-runtime.md §1.2, §8 items 5-20) and how values
 * cross the handler boundary.
 */
import { describe, expect, it } from 'vitest';
import { loadResolverCode } from '../../../local/runtime/index.js';
import type { ContextInput } from '../../../local/runtime/types.js';
import { codeError, evaluate, moduleWithRequest, returned } from './helpers.js';

const returnsCtx = moduleWithRequest('return ctx;');

describe('ctx', () => {
  // spec: item 5 (obs) — `{}` gives `ctx.args` `{}`; the other defaults are our reading of
  // "missing parts default to empty/null" (§7, unconfirmed).
  it('has exactly AppSync\'s fields, with EvaluateCode\'s defaults for an empty context', () => {
    expect(evaluate(returnsCtx, 'request', {})).toEqual(
      returned({
        arguments: {},
        args: {},
        identity: null,
        source: null,
        stash: {},
        prev: { result: null },
        result: null,
        request: { headers: {}, domainName: null },
        info: { fieldName: '', parentTypeName: '', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
        env: {},
        outErrors: [],
      }),
    );
  });

  it('keeps every given part and adds ctx.error only when the data source failed', () => {
    const input: ContextInput = {
      arguments: { id: '1' },
      source: { id: 'parent' },
      identity: { sub: 'u1', issuer: 'https://issuer', claims: { sub: 'u1' } },
      stash: { s: 1 },
      prev: { result: { p: 2 } },
      result: { r: 3 },
      error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' },
      request: { headers: { 'x-custom': 'v' }, domainName: 'api.example.com' },
      info: {
        fieldName: 'getPost',
        parentTypeName: 'Query',
        variables: { id: '1' },
        selectionSetList: ['id', 'title', 'author', 'author/name'],
        selectionSetGraphQL: '{\n  id\n  title\n  author {\n    name\n  }\n}',
      },
      env: { FOO: 'bar' },
      outErrors: [{ message: 'earlier', errorType: null, data: null, errorInfo: null }],
    };
    const { arguments: args, ...rest } = input;
    expect(evaluate(returnsCtx, 'request', input)).toEqual(returned({ arguments: args, args, ...rest }, { stash: { s: 1 } }));
  });

  // spec: item 6 — `ctx.args` and `ctx.arguments` are the same object.
  it('makes ctx.args the same object as ctx.arguments (item 6)', () => {
    const source = moduleWithRequest('ctx.args.added = true;\n  return { same: ctx.args === ctx.arguments, id: ctx.arguments.id, added: ctx.arguments.added };');
    expect(evaluate(source, 'request', { arguments: { id: '1' } })).toEqual(returned({ same: true, id: '1', added: true }));
  });

  // spec: items 14-17
  it('exposes identity, headers, domain name, info and env as given (items 11-17)', () => {
    const source = moduleWithRequest(
      'return { identity: ctx.identity, header: ctx.request.headers["x-custom"], domainName: ctx.request.domainName, field: ctx.info.fieldName, parent: ctx.info.parentTypeName, list: ctx.info.selectionSetList, foo: ctx.env.FOO };',
    );
    const outcome = evaluate(source, 'request', {
      request: { headers: { 'x-custom': 'v' }, domainName: null },
      info: { fieldName: 'getPost', parentTypeName: 'Query', variables: {}, selectionSetList: ['id', 't'], selectionSetGraphQL: '{\n  id\n  t: title\n}' },
      env: { FOO: 'bar' },
    });
    expect(outcome).toEqual(returned({ identity: null, header: 'v', domainName: null, field: 'getPost', parent: 'Query', list: ['id', 't'], foo: 'bar' }));
  });

  // spec: item 7 — the stash set in request is what the engine passes to response.
  it('carries the stash out of request and into response (item 7)', () => {
    const source = 'export function request(ctx) { ctx.stash.a = 1; return {}; }\nexport function response(ctx) { ctx.stash.b = ctx.stash.a + 1; return ctx.stash; }\n';
    const code = loadResolverCode(source, { fileName: 'code.js' });
    const request = code.evaluate('request', {});
    expect(request).toEqual(returned({}, { stash: { a: 1 } }));
    expect(code.evaluate('response', { stash: request.stash })).toEqual(returned({ a: 1, b: 2 }, { stash: { a: 1, b: 2 } }));
  });

  // spec: items 9-10 — prev.result is whatever the engine passes (the previous step's result).
  it('exposes ctx.prev.result (items 9-10)', () => {
    expect(evaluate(moduleWithRequest('return ctx.prev.result;'), 'request', { prev: { result: { items: [1, 2] } } })).toEqual(returned({ items: [1, 2] }));
  });

  // spec: item 20 (u) and §1.2 "SHOULD give each handler a fresh deep copy".
  it('gives each evaluation fresh copies: mutations never reach the caller or the next handler (item 20)', () => {
    const source = moduleWithRequest(
      'ctx.args.input.id = "changed";\n  ctx.source.x = 1;\n  ctx.info.selectionSetList.push("extra");\n  ctx.request.headers.injected = "1";\n  return ctx.args.input;',
    );
    const code = loadResolverCode(source, { fileName: 'code.js' });
    const input: ContextInput = {
      arguments: { input: { id: 'original' } },
      source: {},
      info: { fieldName: 'f', parentTypeName: 'Query', variables: {}, selectionSetList: ['id'], selectionSetGraphQL: '{\n  id\n}' },
      request: { headers: {}, domainName: null },
    };
    const snapshot = structuredClone(input);
    expect(code.evaluate('request', input)).toEqual(returned({ id: 'changed' }));
    expect(input).toEqual(snapshot);
    const check = loadResolverCode(moduleWithRequest('return { id: ctx.args.input.id, list: ctx.info.selectionSetList, headers: ctx.request.headers };'), { fileName: 'code.js' });
    expect(check.evaluate('request', input)).toEqual(returned({ id: 'original', list: ['id'], headers: {} }));
  });

  // spec: §1.2 `env` is read-only (typings: `readonly env`); freezing it is our reading.
  it('makes ctx.env read-only', () => {
    expect(evaluate(moduleWithRequest('ctx.env.FOO = "x";\n  return ctx.env;'), 'request', { env: { FOO: 'bar' } })).toEqual(
      codeError("code.js:2:15: TypeError: Cannot assign to read only property 'FOO' of object '[object Object]'"),
    );
  });
});

describe('the handler boundary (spec §1.2: values behave as if JSON-serialised)', () => {
  it('drops undefined and functions from objects, turns them into null in arrays, non-finite numbers into null', () => {
    const source = moduleWithRequest(
      'ctx.stash.gone = undefined;\n  ctx.stash.kept = [undefined, 1];\n  return { a: undefined, f: (x) => x, list: [undefined, NaN, Infinity, "s"], n: -0, nested: { b: undefined, c: true } };',
    );
    expect(evaluate(source, 'request', {})).toEqual(returned({ list: [null, null, null, 's'], n: -0, nested: { c: true } }, { stash: { kept: [null, 1] } }));
  });

  it('honours toJSON', () => {
    expect(evaluate(moduleWithRequest('return { when: { toJSON: () => "2018-02-06" } };'), 'request', {})).toEqual(returned({ when: '2018-02-06' }));
  });

  // spec §1.4: a response returning undefined gives null.
  it('turns an undefined result into null', () => {
    expect(evaluate(moduleWithRequest('return;'), 'request', {})).toEqual(returned(null));
  });

  it('reports a result JSON cannot carry (a cycle) as a Code error', () => {
    expect(evaluate(moduleWithRequest('const a = {};\n  a.self = a;\n  return a;'), 'request', {})).toEqual(
      codeError('code.js:0:0: TypeError: Converting circular structure to JSON'),
    );
  });
});
