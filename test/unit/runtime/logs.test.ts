/**
 * `console` output becomes the evaluation's log lines (spec appsync-js-runtime.md §2.1, §7, item
 * 122). Line format from AWS's EvaluateCode example ("Testing your resolvers" guide):
 * `INFO - code.js:5:3: "current id" "record-id"` — each argument as JSON, the position of the call.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, returned } from './helpers.js';

describe('console', () => {
  it('reproduces the AWS example: position of the call, JSON arguments', () => {
    const source = [
      "import { util } from '@aws-appsync/utils';",
      '',
      'export function request(ctx) {',
      '  const id = ctx.args.id;',
      '  console.log("current id", id);',
      '  const item = { owner: "John doe" };',
      '',
      '',
      '  console.log("request evaluated");',
      '  return item;',
      '}',
      'export function response(ctx) { return ctx.result; }',
    ].join('\n');
    expect(evaluate(source, 'request', { arguments: { id: 'record-id' } })).toEqual(
      returned({ owner: 'John doe' }, { logs: ['INFO - code.js:5:3: "current id" "record-id"', 'INFO - code.js:9:3: "request evaluated"'] }),
    );
  });

  it('writes error, warn and debug with their levels, in call order, from callbacks and module code too', () => {
    const source = [
      'console.info("module body");',
      'export function request(ctx) {',
      '  console.error("failed", { code: 42, nested: [1, null] });',
      '  [1, 2].forEach((n) => console.warn(n));',
      '  console.debug(true, undefined, 1.5);',
      '  console.log();',
      '  return null;',
      '}',
      'export function response(ctx) { return null; }',
    ].join('\n');
    expect(evaluate(source, 'request')).toEqual(
      returned(null, {
        logs: [
          'INFO - code.js:1:1: "module body"',
          'ERROR - code.js:3:3: "failed" {"code":42,"nested":[1,null]}',
          'WARN - code.js:4:25: 1',
          'WARN - code.js:4:25: 2',
          'DEBUG - code.js:5:3: true undefined 1.5',
          'INFO - code.js:6:3: ',
        ],
      }),
    );
  });

  it('starts every evaluation with no log lines', () => {
    const source = 'export function request(ctx) { console.log(ctx.args.n); return null; }\nexport function response(ctx) { return null; }\n';
    expect(evaluate(source, 'request', { arguments: { n: 1 } })).toEqual(returned(null, { logs: ['INFO - code.js:1:32: 1'] }));
    expect(evaluate(source, 'request', { arguments: { n: 2 } })).toEqual(returned(null, { logs: ['INFO - code.js:1:32: 2'] }));
  });
});
