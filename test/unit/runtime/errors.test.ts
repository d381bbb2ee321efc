/**
 * How a handler's evaluation ends other than by returning (spec appsync-js-runtime.md §3.1, §3.10,
 * §6; §8 items 50-53 and 113-119 as evaluation outcomes; the engine turns them into GraphQL errors
 * and pipeline control).
 */
import { describe, expect, it } from 'vitest';
import { BadRequestException } from '../../../local/errors.js';
import { appsyncBuiltins, loadResolverCode, ResolverRuntime } from '../../../local/runtime/index.js';
import { BuiltinInputError } from '../../../local/runtime/signals.js';
import { codeError, EMPTY_RECORD, evaluate, moduleWithRequest, returned } from './helpers.js';

describe('util.error, util.unauthorized, util.appendError', () => {
  // spec: item 50 (obs) — the bare message, no code.js prefix; item 52 — type, data and info kept.
  it('ends the evaluation with the error as given (items 50, 52)', () => {
    const source = moduleWithRequest('ctx.stash.before = 1;\n  util.error("m", "T", { a: 1 }, { b: 2 });\n  ctx.stash.after = 1;\n  return {};');
    expect(evaluate(source, 'request')).toEqual({
      status: 'error',
      kind: 'util.error',
      error: { message: 'm', errorType: 'T', data: { a: 1 }, errorInfo: { b: 2 } },
      ...EMPTY_RECORD,
      stash: { before: 1 },
    });
  });

  it('reports util.error("foo") with a null type, data and info (item 50)', () => {
    expect(evaluate(moduleWithRequest('util.error("foo");'), 'request')).toEqual({
      status: 'error',
      kind: 'util.error',
      error: { message: 'foo', errorType: null, data: null, errorInfo: null },
      ...EMPTY_RECORD,
    });
  });

  // spec: item 51 (obs) — message "Unauthorized".
  it('ends the evaluation on util.unauthorized() (item 51)', () => {
    expect(evaluate(moduleWithRequest('util.unauthorized();'), 'request')).toEqual({
      status: 'error',
      kind: 'unauthorized',
      error: { message: 'Unauthorized', errorType: 'Unauthorized', data: null, errorInfo: null },
      ...EMPTY_RECORD,
    });
  });

  // spec: item 53 — the value is still returned, the error recorded.
  it('records util.appendError and keeps the returned value (item 53)', () => {
    expect(evaluate(moduleWithRequest('util.appendError("m");\n  util.appendError("n", "T");\n  return { id: 1 };'), 'request')).toEqual(
      returned(
        { id: 1 },
        {
          appendedErrors: [
            { message: 'm', errorType: null, data: null, errorInfo: null },
            { message: 'n', errorType: 'T', data: null, errorInfo: null },
          ],
        },
      ),
    );
  });

  it('works through the import as through the global', () => {
    const source = 'import { util as u } from "@aws-appsync/utils";\nexport function request(ctx) { u.error("via import"); }\nexport function response(ctx) { return null; }\n';
    expect(evaluate(source, 'request')).toEqual({ status: 'error', kind: 'util.error', error: { message: 'via import', errorType: null, data: null, errorInfo: null }, ...EMPTY_RECORD });
  });
});

describe('runtime.earlyReturn (spec §3.10; items 116-119)', () => {
  it('ends the handler with its value; skipTo defaults to NEXT; no error is recorded (items 116, 119)', () => {
    expect(evaluate(moduleWithRequest('runtime.earlyReturn({ a: 1, gone: undefined });\n  return { never: true };'), 'request')).toEqual({
      status: 'earlyReturn',
      value: { a: 1 },
      skipTo: 'NEXT',
      ...EMPTY_RECORD,
    });
  });

  it('carries skipTo END (item 117) and defaults the value to null (item 118)', () => {
    expect(evaluate(moduleWithRequest('runtime.earlyReturn(undefined, { skipTo: "END" });'), 'request')).toEqual({
      status: 'earlyReturn',
      value: null,
      skipTo: 'END',
      ...EMPTY_RECORD,
    });
  });
});

describe('uncaught exceptions (spec §6.1-6.2)', () => {
  // spec: item 113 (obs) — errorType Code, message code.js:<line>:<col>: ReferenceError: ...
  it('reports a ReferenceError with its position in the submitted code (item 113)', () => {
    expect(evaluate(moduleWithRequest('const a = 1;\n  return { a, b: notDefined };'), 'request')).toEqual(
      codeError('code.js:3:18: ReferenceError: notDefined is not defined'),
    );
  });

  it('reports a TypeError at the failing property access', () => {
    const source = ['import { util } from "@aws-appsync/utils";', '', 'export function request(ctx) {', '  const item = ctx.args.item;', '  return { title: item.details.title };', '}', 'export function response(ctx) { return ctx.result; }'].join('\n');
    expect(evaluate(source, 'request', { arguments: { item: {} } })).toEqual(
      codeError("code.js:5:32: TypeError: Cannot read properties of undefined (reading 'title')"),
    );
  });

  // spec: item 115 (u) — JSON.parse of bad input is a SyntaxError located at the call.
  it('reports JSON.parse("{") as a SyntaxError at the call (item 115)', () => {
    expect(evaluate(moduleWithRequest('return JSON.parse("{");'), 'request')).toEqual(
      codeError("code.js:2:10: SyntaxError: Expected property name or '}' in JSON at position 1"),
    );
  });

  it('locates errors inside callbacks and in helper functions, past the inserted step counters', () => {
    const source = [
      'function title(item) { return item.meta.title; }',
      'export function request(ctx) {',
      '  return ctx.args.items.map((item) => title(item));',
      '}',
      'export function response(ctx) { return ctx.result; }',
    ].join('\n');
    expect(evaluate(source, 'request', { arguments: { items: [{}] } })).toEqual(
      codeError("code.js:1:41: TypeError: Cannot read properties of undefined (reading 'title')"),
    );
  });

  it('keeps what the handler logged and stashed before it failed', () => {
    expect(evaluate(moduleWithRequest('console.log("start");\n  ctx.stash.step = 1;\n  return ctx.args.missing.x;'), 'request')).toEqual(
      codeError("code.js:4:27: TypeError: Cannot read properties of undefined (reading 'x')", { logs: ['INFO - code.js:2:3: "start"'], stash: { step: 1 } }),
    );
  });

  it('reports a stack overflow (recursion the linter cannot see, through an object method) as a Code error', () => {
    const source = moduleWithRequest('const o = { f(n) { return o.f(n + 1) + 1; } };\n  return o.f(0);');
    // Where the stack runs out is arbitrary; V8 reports the entry of the method body.
    expect(evaluate(source, 'request')).toEqual(codeError('code.js:2:21: RangeError: Maximum call stack size exceeded'));
  });

  // spec §6.1 last rule: a built-in refusing its input is reported at the call site, without an error name.
  it('reports a built-in refusing its input at the call (real dynamodb module)', () => {
    const source = 'import * as ddb from "@aws-appsync/utils/dynamodb";\nexport function request(ctx) {\n  return ddb.query({ index: "byOwner" });\n}\nexport function response(ctx) { return ctx.result; }\n';
    expect(evaluate(source, 'request')).toEqual(codeError("code.js:3:10: query: 'query' (the key condition) is required"));
  });
});

describe('built-in failures and runaway handlers (fake built-ins)', () => {
  // Members named as in the typings (others are refused at load, TS2339), with failing bodies.
  const fakeBuiltins = {
    createUtil: () => ({
      time: {
        nowFormatted: (value: unknown) => {
          throw new BuiltinInputError(`nowFormatted: bad value ${JSON.stringify(value)}`);
        },
      },
      autoId: () => {
        throw new TypeError('internal failure');
      },
    }),
    dynamodb: {},
  };

  it('locates a refused call spanning several lines at the start of the call', () => {
    const runtime = new ResolverRuntime(fakeBuiltins);
    const code = runtime.load(moduleWithRequest('const x = 1;\n  return util.time\n    .nowFormatted(\n      x,\n    );'), { fileName: 'code.js' });
    expect(code.evaluate('request', {})).toEqual(codeError('code.js:3:10: nowFormatted: bad value 1'));
  });

  it('reports a failing built-in with its error name', () => {
    const runtime = new ResolverRuntime(fakeBuiltins);
    const code = runtime.load(moduleWithRequest('return util.autoId();'), { fileName: 'code.js' });
    expect(code.evaluate('request', {})).toEqual(codeError('code.js:2:10: TypeError: internal failure'));
  });

  // spec §6.5: stopped, errorType Code, message "code.js:0:0: Error: execution timed out" (ours).
  it.each([
    ['a for-of over an array that keeps growing', 'const a = [1];\n  for (const x of a) { a.push(x); }\n  return a.length;'],
    ['nested callbacks with expression bodies', 'const big = [];\n  for (const i of Array(3000).fill(0)) big.push(i);\n  return big.map(() => big.map(() => big.map(() => 1).length).length);'],
  ])('stops a runaway handler: %s', (_name, body) => {
    const runtime = new ResolverRuntime(appsyncBuiltins, { timeoutMilliseconds: 50 });
    const code = runtime.load(moduleWithRequest(body), { fileName: 'code.js' });
    expect(code.evaluate('request', {})).toEqual(codeError('code.js:0:0: Error: execution timed out'));
    // The runtime stays usable: the next evaluation gets a full budget again.
    const quick = runtime.load(moduleWithRequest('return [1, 2].map((x) => x + 1);'), { fileName: 'code.js' });
    expect(quick.evaluate('request', {})).toEqual(returned([2, 3]));
  });
});

describe('code AppSync refuses to create', () => {
  // spec: §1.1 and item 1 — 1..32,768 characters (the message is ours).
  it('refuses code over 32,768 characters when loading', () => {
    const body = 'export function request(ctx) { return {}; }\nexport function response(ctx) { return null; }\n';
    const padded = (length: number) => body + '//' + ' '.repeat(length - body.length - 2);
    expect(loadResolverCode(padded(32_768), { fileName: 'big.js' }).evaluate('request', {})).toEqual(returned({}));
    expect(() => loadResolverCode(padded(32_769), { fileName: 'big.js' })).toThrow(
      new BadRequestException('big.js: the code is 32769 characters long; AppSync accepts 1 to 32768 characters.'),
    );
  });

  it('refuses a module without a response export (spec item 3; the text is ours)', () => {
    expect(() => loadResolverCode('export function request(ctx) { return {}; }\n', { fileName: 'code.js' })).toThrow(
      'The code contains one or more errors.\n  code.js:0:0 CODE_ERROR The code must export a function named response.',
    );
  });

  it('reports an exported request that is not a function when evaluated', () => {
    expect(evaluate('export const request = 1;\nexport function response(ctx) { return null; }\n', 'request')).toEqual(
      codeError('code.js:0:0: TypeError: request is not a function'),
    );
  });
});
