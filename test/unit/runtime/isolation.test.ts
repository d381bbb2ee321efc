/**
 * Isolation: nothing of one evaluation survives into the next (spec appsync-js-runtime.md §1.1, local
 * requirement 2), resolver code cannot change the shared realm, and no path leads from resolver code
 * to the host (`process`, `require`, the host `Function` constructor).
 */
import { describe, expect, it } from 'vitest';
import { loadResolverCode } from '../../../local/runtime/index.js';
import { codeError, evaluate, moduleWithRequest, returned } from './helpers.js';

const CODE_GENERATION_REFUSED = 'EvalError: Code generation from strings disallowed for this context';

describe('no state leaks between evaluations', () => {
  it('runs the module body afresh for every evaluation', () => {
    const source = [
      'const seen = { count: 0, ids: [] };',
      'let calls = 0;',
      'export function request(ctx) {',
      '  seen.count += 1;',
      '  calls += 1;',
      '  seen.ids.push(ctx.args.id);',
      '  return { count: seen.count, calls, ids: seen.ids };',
      '}',
      'export function response(ctx) { return { count: seen.count, calls }; }',
    ].join('\n');
    const code = loadResolverCode(source, { fileName: 'code.js' });
    expect(code.evaluate('request', { arguments: { id: 'a' } })).toEqual(returned({ count: 1, calls: 1, ids: ['a'] }));
    expect(code.evaluate('request', { arguments: { id: 'b' } })).toEqual(returned({ count: 1, calls: 1, ids: ['b'] }));
    expect(code.evaluate('response', {})).toEqual(returned({ count: 0, calls: 0 }));
  });

  it('keeps two loads of the same code apart', () => {
    const source = 'const state = { n: 0 };\nexport function request(ctx) { state.n += 1; return state; }\nexport function response(ctx) { return state; }\n';
    const first = loadResolverCode(source, { fileName: 'first.js' });
    const second = loadResolverCode(source, { fileName: 'second.js' });
    expect(first.evaluate('request', {})).toEqual(returned({ n: 1 }));
    expect(second.evaluate('request', {})).toEqual(returned({ n: 1 }));
    expect(first.evaluate('response', {})).toEqual(returned({ n: 0 }));
  });
});

describe('the shared realm cannot be changed', () => {
  it.each<[string, string, string]>([
    ['Array.prototype', 'Array.prototype.map = (f) => "poisoned";', "code.js:2:23: TypeError: Cannot assign to read only property 'map' of object '[object Array]'"],
    ['Object.prototype', 'Object.prototype.polluted = 1;', 'code.js:2:29: TypeError: Cannot add property polluted, object is not extensible'],
    ['JSON', 'JSON.stringify = (v) => "poisoned";', "code.js:2:18: TypeError: Cannot assign to read only property 'stringify' of object '[object JSON]'"],
    ['a global', 'util = null;', "code.js:2:8: TypeError: Cannot assign to read only property 'util' of object '[object Object]'"],
    ['util', 'util.time = null;', "code.js:2:13: TypeError: Cannot assign to read only property 'time' of object '[object Object]'"],
    ['console', 'console.log = null;', "code.js:2:15: TypeError: Cannot assign to read only property 'log' of object '[object Object]'"],
  ])('refuses to modify %s, and the next evaluation sees the original', (_name, attack, message) => {
    expect(evaluate(moduleWithRequest(`${attack}\n  return {};`), 'request')).toEqual(codeError(message));
    expect(evaluate(moduleWithRequest('return { list: [1].map((x) => x + 1), json: JSON.stringify({ a: 1 }), polluted: ({}).polluted, time: typeof util.time };'), 'request')).toEqual(
      returned({ list: [2], json: '{"a":1}', time: 'object' }),
    );
  });
});

describe('no way out to the host', () => {
  it.each<[string, string]>([
    ['a built-in function', 'util.time.nowISO8601.constructor("return process")()'],
    ['a nested built-in', 'util.dynamodb.toDynamoDB.constructor("return process")()'],
    ['the dynamodb module', 'ddb.get.constructor("return process")()'],
    ['a built-in result', 'ddb.get({ key: { id: "1" } }).constructor.constructor("return process")()'],
    ['console', 'console.log.constructor("return process")()'],
    ['ctx', 'ctx.constructor.constructor("return process")()'],
    ['ctx.args', 'ctx.args.constructor.constructor("return require")()'],
  ])('cannot reach the Function constructor from %s', (_name, expression) => {
    const source = `import * as ddb from "@aws-appsync/utils/dynamodb";\nexport function request(ctx) {\n  return ${expression};\n}\nexport function response(ctx) { return null; }\n`;
    expect(evaluate(source, 'request')).toEqual(codeError(`code.js:3:10: ${CODE_GENERATION_REFUSED}`));
  });

  it('gives built-ins of the sandbox realm: their constructor is the sandbox Function', () => {
    const source = moduleWithRequest(
      'const SandboxFunction = ((x) => x).constructor;\n  return [util.autoId.constructor === SandboxFunction, util.time.nowISO8601.constructor === SandboxFunction, console.log.constructor === SandboxFunction, ctx.constructor === Object, ctx.args.constructor === Object];',
    );
    expect(evaluate(source, 'request')).toEqual(returned([true, true, true, true, true]));
  });

  it('does not let the module reach its factory arguments for anything but sandbox values', () => {
    const source = 'const leaked = arguments[0].utils.util.constructor.constructor("return process")();\nexport function request(ctx) { return leaked; }\nexport function response(ctx) { return null; }\n';
    expect(evaluate(source, 'request')).toEqual(codeError(`code.js:1:16: ${CODE_GENERATION_REFUSED}`));
  });

  it('does not expose the host through caller/arguments of built-ins', () => {
    expect(evaluate(moduleWithRequest('return util.autoId.caller;'), 'request')).toEqual(
      codeError("code.js:2:22: TypeError: 'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them"),
    );
  });

  it('does not offer the legacy prototype accessors', () => {
    expect(evaluate(moduleWithRequest('return [typeof ({}).__proto__, typeof ({}).__defineGetter__, typeof ({}).__lookupGetter__];'), 'request')).toEqual(
      returned(['undefined', 'undefined', 'undefined']),
    );
  });
});
