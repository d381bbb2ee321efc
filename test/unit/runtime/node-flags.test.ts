/**
 * The sandbox under Node flags that add globals to every new context. `node --expose-gc` gives each
 * context a non-configurable `gc`, which the realm cannot delete; it must still start, and resolver
 * code must not reach the function (spec appsync-js-runtime.md §2.2: only the language's globals).
 * The global is locked to `undefined`: `typeof gc` reads as for any absent global, but a call is a
 * TypeError where an absent global would be a ReferenceError (only under this flag; ours).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { codeError, returned } from './helpers.js';

const run = promisify(execFile);

/** Evaluates each module's request handler in a child `node <flags> --import tsx`; prints the outcomes as JSON. */
async function evaluateInChild(flags: string[], sources: string[]): Promise<unknown> {
  const script = [
    "const { loadResolverCode } = await import('./local/runtime/index.ts');",
    `const sources = ${JSON.stringify(sources)};`,
    "console.log(JSON.stringify(sources.map((source) => loadResolverCode(source, { fileName: 'code.js' }).evaluate('request', { arguments: { id: '1' } }))));",
  ].join('\n');
  const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(stdout) as unknown;
}

describe('node --expose-gc', () => {
  it('starts the sandbox, evaluates resolvers, and keeps gc out of their reach', async () => {
    const sources = [
      'export function request(ctx) {\n  return { id: ctx.args.id, gc: typeof gc };\n}\nexport function response(ctx) { return ctx.result; }\n',
      'export function request(ctx) {\n  return gc();\n}\nexport function response(ctx) { return ctx.result; }\n',
    ];
    expect(await evaluateInChild(['--expose-gc'], sources)).toEqual([
      returned({ id: '1', gc: 'undefined' }),
      codeError('code.js:2:10: TypeError: gc is not a function'),
    ]);
  });
});
