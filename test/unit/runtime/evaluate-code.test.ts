/**
 * The local EvaluateCode API (spec appsync-js-runtime.md §7; checklist items 1-2, 120-126).
 */
import { describe, expect, it } from 'vitest';
import { BadRequestException } from '../../../local/errors.js';
import { evaluateCode } from '../../../local/runtime/index.js';
import type { EvaluateCodeRequest } from '../../../local/runtime/index.js';

const RUNTIME = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };

const GET_ITEM = [
  "import { util } from '@aws-appsync/utils';",
  "import * as ddb from '@aws-appsync/utils/dynamodb';",
  'export function request(ctx) {',
  '  console.log("getting", ctx.args.id);',
  '  ctx.stash.a = 1;',
  '  util.appendError("m");',
  '  return ddb.get({ key: { id: ctx.args.id } });',
  '}',
  'export function response(ctx) {',
  '  if (ctx.error) { util.error(ctx.error.message, ctx.error.type); }',
  '  return ctx.result;',
  '}',
].join('\n');

function request(overrides: Partial<EvaluateCodeRequest>): EvaluateCodeRequest {
  return { code: GET_ITEM, context: '{}', function: 'request', runtime: RUNTIME, ...overrides };
}

describe('evaluateCode', () => {
  // spec: items 121-124 — evaluationResult is JSON text; logs; stash and outErrors as JSON text.
  it('answers with the result, logs, stash and appended errors (items 121-124)', () => {
    expect(evaluateCode(request({ context: '{"arguments":{"id":"1"}}' }))).toEqual({
      evaluationResult: '{"operation":"GetItem","key":{"id":{"S":"1"}}}',
      logs: ['INFO - code.js:4:3: "getting" "1"'],
      stash: '{"a":1}',
      outErrors: '[{"message":"m","errorType":null,"data":null,"errorInfo":null}]',
    });
  });

  it('evaluates the response handler with the given result and stash', () => {
    expect(evaluateCode(request({ function: 'response', context: '{"result":{"id":"1","n":2},"stash":{"s":true}}' }))).toEqual({
      evaluationResult: '{"id":"1","n":2}',
      logs: [],
      stash: '{"s":true}',
      outErrors: '[]',
    });
  });

  // spec: item 50 (obs) — util.error's message, no evaluationResult.
  it('answers util.error with its message and no evaluationResult (item 50)', () => {
    expect(evaluateCode(request({ function: 'response', context: '{"error":{"message":"boom","type":"DynamoDB:X"}}' }))).toEqual({
      error: { message: 'boom' },
      logs: [],
      stash: '{}',
      outErrors: '[]',
    });
  });

  it('answers a runtime exception with its code.js:L:C message (item 113)', () => {
    expect(evaluateCode(request({ code: 'export function request(ctx) { return ctx.args.a.b; }\nexport function response(ctx) { return null; }' }))).toEqual({
      error: { message: "code.js:1:50: TypeError: Cannot read properties of undefined (reading 'b')" },
      logs: [],
      stash: '{}',
      outErrors: '[]',
    });
  });

  // spec: item 125 — PARSER_ERROR with a 1-based line; liveboard's `rule` is not part of the API shape.
  it('answers a syntax error with codeErrors (item 125)', () => {
    expect(evaluateCode(request({ code: 'export function request(ctx) {\n  return {\n}\n' }))).toEqual({
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: [{ errorType: 'PARSER_ERROR', value: "Parsing error: '}' expected.", location: { line: 4, column: 1, span: -1 } }],
      },
      logs: [],
    });
  });

  it('answers a language-rule violation with codeErrors, without the rule id', () => {
    expect(evaluateCode(request({ code: 'export function request(ctx) { while (true) {} }\nexport function response(ctx) { return null; }' }))).toEqual({
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: [{ errorType: 'LINT_ERROR', value: 'While statements are not supported.', location: { line: 1, column: 32, span: 15 } }],
      },
      logs: [],
    });
  });

  // spec: item 126 (obs) and item 61 (u) — unknown members of the AppSync modules are TS2339 compile errors.
  it('answers an unknown member of an AppSync module in TypeScript form (items 61, 126)', () => {
    const code = [
      "import * as ddb from '@aws-appsync/utils/dynamodb';",
      'export function request(ctx) {',
      '  const parsed = util.parseJson("{}");',
      '  return ddb.nope({});',
      '}',
      'export function response(ctx) { return null; }',
    ].join('\n');
    const first = 'code.js(3,23): error TS2339: Property \'parseJson\' does not exist on type \'Util\'.';
    const second = 'code.js(4,14): error TS2339: Property \'nope\' does not exist on type \'typeof import("/node_modules/@aws-appsync/utils/dynamodb")\'.';
    expect(evaluateCode(request({ code }))).toEqual({
      error: {
        message: `${first}\n${second}`,
        codeErrors: [
          { errorType: 'CODE_ERROR', value: first, location: { line: 3, column: 23, span: 9 } },
          { errorType: 'CODE_ERROR', value: second, location: { line: 4, column: 14, span: 4 } },
        ],
      },
      logs: [],
    });
  });

  it('refuses imports the runtime does not serve', () => {
    const code = "import { get } from 'lodash';\nimport { sql } from '@aws-appsync/utils/rds';\nimport { nope } from '@aws-appsync/utils';\nexport function request(ctx) { return {}; }\nexport function response(ctx) { return null; }";
    expect(evaluateCode(request({ code }))).toEqual({
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: [
          { errorType: 'CODE_ERROR', value: "code.js(1,21): error TS2307: Cannot find module 'lodash' or its corresponding type declarations.", location: { line: 1, column: 21, span: 8 } },
          { errorType: 'CODE_ERROR', value: "The module '@aws-appsync/utils/rds' is not supported by the local runtime.", location: { line: 2, column: 21, span: 24 } },
          { errorType: 'CODE_ERROR', value: 'code.js(3,10): error TS2305: Module \'"@aws-appsync/utils"\' has no exported member \'nope\'.', location: { line: 3, column: 10, span: 4 } },
        ],
      },
      logs: [],
    });
  });

  it('defaults function to request', () => {
    const { function: _omitted, ...withoutFunction } = request({ context: '{"arguments":{"id":"7"}}' });
    expect(evaluateCode(withoutFunction).evaluationResult).toEqual('{"operation":"GetItem","key":{"id":{"S":"7"}}}');
  });
});

describe('evaluateCode envelope errors (400 BadRequestException)', () => {
  // spec: items 1, 2, 120 — the limits; AppSync's texts are unconfirmed, AWS's validation wording is used.
  it('accepts a context of 28,000 characters and refuses 28,001 (item 120)', () => {
    const padded = (length: number) => `{"stash":{"p":"${'x'.repeat(length - 18)}"}}`;
    expect(padded(28_000)).toHaveLength(28_000);
    const code = 'export function request(ctx) { return ctx.stash.p.length; }\nexport function response(ctx) { return null; }';
    expect(evaluateCode(request({ code, context: padded(28_000) })).evaluationResult).toEqual('27982');
    expect(() => evaluateCode(request({ context: padded(28_001) }))).toThrow(
      new BadRequestException("1 validation error detected: Value at 'context' failed to satisfy constraint: Member must have length less than or equal to 28000"),
    );
  });

  it('accepts code of 32,768 characters and refuses 32,769 (item 1)', () => {
    const body = 'export function request(ctx) { return {}; }\nexport function response(ctx) { return null; }\n';
    const code = (length: number) => body + '/'.repeat(2) + ' '.repeat(length - body.length - 2);
    expect(evaluateCode(request({ code: code(32_768) })).evaluationResult).toEqual('{}');
    expect(() => evaluateCode(request({ code: code(32_769) }))).toThrow(
      new BadRequestException("1 validation error detected: Value at 'code' failed to satisfy constraint: Member must have length less than or equal to 32768"),
    );
  });

  it('accepts only the APPSYNC_JS 1.0.0 runtime (item 2)', () => {
    expect(() => evaluateCode(request({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '2.0.0' } }))).toThrow(
      new BadRequestException('Runtime APPSYNC_JS 2.0.0 is not supported. The supported runtime is APPSYNC_JS 1.0.0.'),
    );
  });

  it.each([
    ['a context that is not JSON', { context: '{nope' }, 'The context is not valid JSON: Expected property name or \'}\' in JSON at position 1'],
    ['a context that is not an object', { context: '[1]' }, 'The context must be a JSON object.'],
    ['an unknown function', { function: 'handler' }, 'function must be request or response, got "handler".'],
    ['an empty context', { context: '' }, "1 validation error detected: Value at 'context' failed to satisfy constraint: Member must have length greater than or equal to 2"],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => evaluateCode(request(overrides))).toThrow(new BadRequestException(message));
  });
});
