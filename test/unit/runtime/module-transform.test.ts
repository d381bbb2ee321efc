/**
 * The module factory (local/runtime/module-transform.ts): imports bound above the code, exports
 * blanked, step counters inserted, and positions mapped back to the submitted text.
 */
import { describe, expect, it } from 'vitest';
import { transformModule, type TransformedModule } from '../../../local/runtime/module-transform.js';
import { createModuleProgram, MODULE_FILE_NAME } from '../../../local/runtime/typescript-program.js';

function transform(source: string): ReturnType<typeof transformModule> {
  return transformModule(createModuleProgram(source).getSourceFile(MODULE_FILE_NAME)!);
}

const SOURCE = `import { util as u, runtime } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
const double = (x) => x * 2;
function handle(ctx) { return ctx; }
export default 1;
export function request(ctx) {
  for (const k of [1]) u.log(k);
  return [1].map(double);
}
const response = (ctx) => ctx.result;
export { response };
`;

describe('transformModule', () => {
  it('keeps every line where it was, binds imports in the header and returns the handlers', () => {
    const { factorySource } = transform(SOURCE) as TransformedModule;
    expect(factorySource.split('\n')).toEqual([
      '(function (__appsync$imports, __appsync$tick) {"use strict";const u = __appsync$imports.utils["util"];const runtime = __appsync$imports.utils["runtime"];const ddb = __appsync$imports.dynamodb;',
      ' '.repeat(56),
      ' '.repeat(51),
      'const double = (x) => (__appsync$tick(),x * 2);',
      'function handle(ctx) {__appsync$tick(); return ctx; }',
      'void           1;',
      '       function request(ctx) {__appsync$tick();',
      '  for (const k of [1]) {__appsync$tick();u.log(k);}',
      '  return [1].map(double);',
      '}',
      'const response = (ctx) => (__appsync$tick(),ctx.result);',
      ' '.repeat(20),
      '',
      ';return { request: request, response: response };',
      '})',
    ]);
  });

  it('maps positions back past the inserted counters, and method calls to the start of the call', () => {
    const { positions } = transform(SOURCE) as TransformedModule;
    expect([positions.toOriginal(3, 40), positions.toOriginal(7, 44), positions.toOriginal(8, 14), positions.toOriginal(10, 49)]).toEqual([
      { line: 3, column: 23 }, // `x` of `x * 2`
      { line: 7, column: 24 }, // `u.log(k)`, reported by V8 at `log`
      { line: 8, column: 10 }, // `[1].map(double)`, reported at `map`
      { line: 10, column: 31 }, // `result` of `ctx.result`
    ]);
  });

  it('lists what keeps a module from loading', () => {
    const source = "export * from '@aws-appsync/utils';\nimport { sql } from '@aws-appsync/utils/ai';\nconst later = import('x');\nconst __appsync$x = 1;\n";
    expect(transform(source)).toEqual({
      problems: [
        { errorType: 'CODE_ERROR', value: 'Identifiers starting with __appsync$ are reserved by the local runtime.', location: { line: 0, column: 0, span: -1 } },
        { errorType: 'CODE_ERROR', value: 'Re-exporting from another module is not supported.', location: { line: 1, column: 1, span: 35 } },
        { errorType: 'CODE_ERROR', value: "The module '@aws-appsync/utils/ai' is not supported by the local runtime.", location: { line: 2, column: 21, span: 23 } },
        { errorType: 'CODE_ERROR', value: 'Dynamic import() is not supported.', location: { line: 3, column: 15, span: 11 } },
        { errorType: 'CODE_ERROR', value: 'The code must export a function named request.', location: { line: 0, column: 0, span: -1 } },
        { errorType: 'CODE_ERROR', value: 'The code must export a function named response.', location: { line: 0, column: 0, span: -1 } },
      ],
    });
  });
});
