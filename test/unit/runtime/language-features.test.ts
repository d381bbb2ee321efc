/**
 * What the APPSYNC_JS subset offers (spec appsync-js-runtime.md §2.1, §2.4, §8 items 39, 43-46) and
 * what it does not (§2.2 last row: not provided, a ReferenceError at run time).
 */
import { describe, expect, it } from 'vitest';
import { codeError, evaluate, moduleWithRequest, returned } from './helpers.js';

describe('supported language (spec §2.1)', () => {
  it.each<[string, string, unknown]>([
    // spec: item 39
    ['Array callbacks', 'return [1, 2].map((x) => x * 2);', [2, 4]],
    // item 43
    ['for-in', 'const keys = [];\n  for (const k in { a: 1, b: 2 }) { keys.push(k); }\n  return keys;', ['a', 'b']],
    // item 44
    ['template literals', 'return `${1 + 1}`;', '2'],
    // item 45
    ['optional chaining and ??', 'const a = null;\n  return a?.b ?? "d";', 'd'],
    // item 46 (defaults in destructuring: unconfirmed on AWS; V8 semantics here)
    ['destructuring with defaults and rest', 'const { x = 5, ...rest } = { y: 1 };\n  return { x, rest };', { x: 5, rest: { y: 1 } }],
    ['for-of, switch, break', 'let out = "";\n  for (const c of ["a", "b", "c"]) { switch (c) { case "b": out += "B"; break; default: out += c; } }\n  return out;', 'aBc'],
    ['spread and delete', 'const o = { ...{ a: 1 }, b: 2 };\n  delete o.a;\n  return [...[1], ...[2], o];', [1, 2, { b: 2 }]],
    ['bitwise, exponent, typeof, void', 'return [5 & 3, 5 | 3, 5 ^ 3, 1 << 3, -16 >> 2, -16 >>> 28, 2 ** 10, typeof "s", void 0];', [1, 7, 6, 8, -4, 15, 1024, 'string', null]],
    [
      'String methods (§2.4)',
      'const s = "  Hello World ";\n  return [s.trim().toLowerCase(), s.includes("World"), s.trim().split(" "), s.replaceAll("o", "0"), s.trim().slice(0, 5), s.trim().startsWith("He"), s.indexOf("W")];',
      ['hello world', true, ['Hello', 'World'], '  Hell0 W0rld ', 'Hello', true, 8],
    ],
    ['Object helpers (§2.4)', 'const o = { a: 1, b: 2 };\n  return [Object.keys(o), Object.values(o), Object.entries(o), Object.assign({}, o, { c: 3 }), Object.fromEntries([["k", "v"]])];', [['a', 'b'], [1, 2], [['a', 1], ['b', 2]], { a: 1, b: 2, c: 3 }, { k: 'v' }]],
    ['Array helpers (§2.4)', 'const a = [3, 1, 2];\n  return [Array.isArray(a), a.slice().sort(), a.includes(2), a.findLast((x) => x > 1), a.join("-"), a.flat(), [[1], [2]].flatMap((x) => x), a.reduce((s, x) => s + x, 0)];', [true, [1, 2, 3], true, 2, '3-1-2', [3, 1, 2], [1, 2], 6]],
    ['Number, Math, globals (§2.4)', 'return [Number.isInteger(2), parseInt("42", 10), parseFloat("1.5"), isNaN(NaN), Math.max(1, 3), Math.floor(2.7), (3.14159).toFixed(2), encodeURIComponent("a b"), Boolean(0)];', [true, 42, 1.5, true, 3, 2, '3.14', 'a%20b', false]],
    ['JSON', 'return JSON.parse(JSON.stringify({ a: [1, { b: null }] }));', { a: [1, { b: null }] }],
    ['an inherited name assigned on an object (override repair)', 'const o = {};\n  o.toString = "mine";\n  o.constructor = 1;\n  return o;', { toString: 'mine', constructor: 1 }],
  ])('%s', (_name, body, expected) => {
    expect(evaluate(moduleWithRequest(body), 'request')).toEqual(returned(expected));
  });
});

describe('not provided (spec §2.2: "not provided, ReferenceError at runtime")', () => {
  it.each(['Date', 'Map', 'Set', 'Promise', 'Symbol', 'Proxy', 'Reflect', 'RegExp', 'Function', 'eval', 'globalThis', 'require', 'process', 'fetch', 'setTimeout', 'Buffer', 'Error', 'WebAssembly', 'Intl'])(
    '%s',
    (name) => {
      expect(evaluate(moduleWithRequest(`return [${name}];`), 'request')).toEqual(codeError(`code.js:2:11: ReferenceError: ${name} is not defined`));
    },
  );

  it('has util, extensions, runtime and console as globals, with no import', () => {
    expect(evaluate(moduleWithRequest('return [typeof util.time.nowISO8601, typeof extensions.setSubscriptionFilter, typeof runtime.earlyReturn, typeof console.log];'), 'request')).toEqual(
      returned(['function', 'function', 'function', 'function']),
    );
  });

  // spec §2.3 deny-list: methods the lint rule cannot see (untyped receivers, or `Array.from`, which the
  // plugin looks up under the wrong name) fail when called instead of silently working.
  it.each([
    ['ctx.args.s.padStart(4)', 'code.js:2:10: TypeError: ctx.args.s.padStart is not a function'],
    ['Array.from([1])', 'code.js:2:10: TypeError: Array.from is not a function'],
    ['Array.of(1)', 'code.js:2:10: TypeError: Array.of is not a function'],
    ['ctx.args.list.keys()', 'code.js:2:10: TypeError: ctx.args.list.keys is not a function'],
    ['String.fromCharCode(65)', 'code.js:2:10: TypeError: String.fromCharCode is not a function'],
  ])('%s is not implemented', (expression, message) => {
    expect(evaluate(moduleWithRequest(`return ${expression};`), 'request', { arguments: { s: 'ab', list: [1] } })).toEqual(codeError(message));
  });
});
