/**
 * The APPSYNC_JS language subset is enforced when code is loaded, as AppSync enforces it when a
 * resolver is created (spec appsync-js-runtime.md §2.2-2.3, §1.1 local requirement 1): each
 * violation is a LINT_ERROR with its 1-based position and the rule that reported it, and the
 * module does not load.
 */
import { describe, expect, it } from 'vitest';
import { CodeValidationException } from '../../../local/errors.js';
import { loadResolverCode } from '../../../local/runtime/index.js';
import type { CodeError } from '../../../local/runtime/types.js';
import { codeErrorsOf, evaluate, moduleWithRequest, returned } from './helpers.js';

function lintError(rule: string, value: string, line: number, column: number, span: number): CodeError {
  return { errorType: 'LINT_ERROR', value, location: { line, column, span }, rule: `@aws-appsync/${rule}` };
}

describe('language rules (spec §8 items 18-42)', () => {
  it.each<[string, string, CodeError[]]>([
    // spec: appsync-js-runtime.md §8 item 18
    ['ctx.stash = {}', 'ctx.stash = {};', [lintError('no-disallowed-re-assignment', 'ctx is readonly. Adding/Updating stash is not supported.', 2, 3, 9)]],
    // item 19
    ['ctx = {}', 'ctx = {};', [lintError('no-disallowed-re-assignment', 'ctx is readonly and re-assignment is not supported.', 2, 3, 3)]],
    ['delete ctx.info', 'delete ctx.info;', [lintError('no-disallowed-re-assignment', 'ctx is readonly. Adding/Updating info is not supported.', 2, 10, 8)]],
    // item 21
    [
      'for (;;) with ++',
      'for (let i = 0; i < 3; i++) {}',
      [
        lintError('no-for', 'For statements are not supported.', 2, 3, 30),
        lintError('no-disallowed-unary-operators', 'The operator ++ is not supported', 2, 26, 3),
      ],
    ],
    // items 22-24
    ['while', 'while (true) {}', [lintError('no-while', 'While statements are not supported.', 2, 3, 15)]],
    ['do…while', 'do {} while (ctx.x);', [lintError('no-while', 'do...while statements are not supported.', 2, 3, 20)]],
    ['try/catch', 'try { } catch (e) { }', [lintError('no-try', 'Try statements are not supported.', 2, 3, 21)]],
    // item 26
    ['continue', 'for (const x of [1]) { continue; }', [lintError('no-continue', 'Continue statements are not supported', 2, 26, 9)]],
    // items 27-28
    ['x++', 'let x = 1; x++;', [lintError('no-disallowed-unary-operators', 'The operator ++ is not supported', 2, 14, 3)]],
    ['--x', 'let x = 1; --x;', [lintError('no-disallowed-unary-operators', 'The operator -- is not supported', 2, 14, 3)]],
    ['~x', 'const y = ~1;', [lintError('no-disallowed-unary-operators', 'The operator ~ is not supported', 2, 13, 2)]],
    // items 29-36
    ['in', 'const z = "a" in ctx;', [lintError('no-in-operator', 'in operator is not supported. Use Object.hasOwn().', 2, 13, 10)]],
    ['instanceof', 'const w = ctx instanceof Object;', [lintError('no-disallowed-binary-operators', 'The operator instanceof is not supported', 2, 13, 21)]],
    ['async', 'async function f() {}', [lintError('no-async', 'Async functions are not supported.', 2, 3, 21)]],
    ['class', 'class A {}', [lintError('no-classes', 'Class declarations are not supported.', 2, 3, 10)]],
    ['generator', 'function* g() {}', [lintError('no-generators', 'Generator functions are not supported.', 2, 3, 16)]],
    ['this', 'const t = this.x;', [lintError('no-this', 'This expressions are not supported.', 2, 13, 4)]],
    ['regex literal', 'const r = /ab+c/;', [lintError('no-regex', 'Regex literals are not supported.', 2, 13, 6)]],
    ['label', 'lbl: for (const x of [1]) {}', [lintError('no-labels', 'Labeled statements are not supported.', 2, 3, 28)]],
    // items 37-38, 40 (type-aware rules)
    ['recursion', 'function f(n) { return f(n) }', [lintError('no-recursion', 'Recursive function calls not supported. Detected cycle in f <-f', 2, 26, 4)]],
    ['function passing', 'function g(cb) { return cb() }; g(() => 1);', [lintError('no-function-passing', 'Functions can not be passed as an argument', 2, 35, 10)]],
    ['function return', 'const f = () => () => 1;', [lintError('no-function-return', 'returning a function is not allowed', 2, 13, 13)]],
    ['function re-assignment', 'function a() {} const b = a;', [lintError('no-function-reassign', 're-assigning function is not allowed', 2, 25, 5)]],
    // items 41-42
    ['padStart', 'const p = "ab".padStart(4);', [lintError('no-disallowed-methods', 'Method String.padStart is not implemented', 2, 13, 16)]],
    ['Object.freeze', 'Object.freeze({});', [lintError('no-disallowed-methods', 'Method ObjectConstructor.freeze is not implemented', 2, 3, 17)]],
  ])('rejects %s', (_name, body, expected) => {
    expect(codeErrorsOf(moduleWithRequest(`${body}\n  return {};`))).toEqual(expected);
  });

  it('rejects throw (item 25; the plugin has no rule for it, liveboard adds one)', () => {
    expect(codeErrorsOf(moduleWithRequest('throw new Error("x");'))).toEqual([
      { errorType: 'LINT_ERROR', value: 'Throw statements are not supported. Use util.error().', location: { line: 2, column: 3, span: 21 }, rule: 'liveboard/no-throw' },
    ]);
  });

  it('reports every violation of a module, each with its own position', () => {
    const source = [
      'export function request(ctx) {',
      '  let n = 0;',
      '  while (n < 3) { n++; }',
      '  return { n };',
      '}',
      'export function response(ctx) {',
      '  try { return ctx.result; } catch (e) { return null; }',
      '}',
    ].join('\n');
    expect(codeErrorsOf(source)).toEqual([
      lintError('no-while', 'While statements are not supported.', 3, 3, 22),
      lintError('no-disallowed-unary-operators', 'The operator ++ is not supported', 3, 19, 3),
      lintError('no-try', 'Try statements are not supported.', 7, 3, 53),
    ]);
  });

  it('names the file, line, column and rule in the error message', () => {
    const load = () => loadResolverCode(moduleWithRequest('while (true) {}\n  return {};'), { fileName: 'resolvers/Query.loop.js' });
    expect(load).toThrow(CodeValidationException);
    expect(load).toThrow(
      'The code contains one or more errors.\n  resolvers/Query.loop.js:2:3 LINT_ERROR While statements are not supported. (@aws-appsync/no-while)',
    );
  });

  it('accepts what the subset allows (items 18, 27, 29, 39)', () => {
    const source = moduleWithRequest(
      'ctx.stash.x = {};\n  let n = 1;\n  n += 1;\n  const own = Object.hasOwn(ctx.args, "a");\n  return { doubled: [1, 2].map((x) => x * 2), n, own };',
    );
    expect(evaluate(source, 'request', { arguments: { a: 1 } })).toEqual(returned({ doubled: [2, 4], n: 2, own: true }, { stash: { x: {} } }));
  });

  // The column is where the parser notices the problem (here: just past the end of the line).
  it('reports a syntax error as one PARSER_ERROR with a 1-based line (item 125)', () => {
    expect(codeErrorsOf('export function request(ctx) {\n  return { a: "x };\n}\n')).toEqual([
      { errorType: 'PARSER_ERROR', value: 'Parsing error: Unterminated string literal.', location: { line: 2, column: 20, span: -1 } },
    ]);
  });
});
