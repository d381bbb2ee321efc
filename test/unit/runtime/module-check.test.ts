/**
 * The load-time checks in batches and their verdict store (local/runtime/module-check.ts): a batch
 * shares one TypeScript program yet reports each module as AppSync would alone (`code.js(line,col)`,
 * spec appsync-js-runtime.md intro), and a store's verdicts stand in for checking.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintResolverSources, prepareModule, prepareModules, textHash, type Verdict, type VerdictStore } from '../../../local/runtime/module-check.js';
import { transformModule } from '../../../local/runtime/module-transform.js';
import { parseModule } from '../../../local/runtime/typescript-program.js';

/** A store in memory that records what it was given. */
class RecordingStore implements VerdictStore {
  readonly verdicts = new Map<string, Verdict>();
  get(key: string): Verdict | undefined {
    return this.verdicts.get(key);
  }
  set(key: string, verdict: Verdict): void {
    this.verdicts.set(key, verdict);
  }
}

const handlers = (request: string) => `import { util } from '@aws-appsync/utils';\nexport function request(ctx) { ${request} }\nexport function response(ctx) { return ctx.result; }\n`;

describe('prepareModules', () => {
  it('checks a batch with one program and reports each module as if it were alone', () => {
    const passing = handlers('return {};');
    const unknownMember = handlers('return util.nope();');
    // No import or export: a script, whose globals must not reach the other modules (it gets its own program).
    const script = 'var util = { nope() {} };\nfunction request(ctx) { while (ctx) {} return util.nope(); }\n';
    const broken = 'export function request(ctx) { return {; }\n';
    expect(prepareModules([passing, unknownMember, script, broken])).toEqual([
      transformModule(parseModule(passing)),
      {
        problems: [{ errorType: 'CODE_ERROR', value: "code.js(2,44): error TS2339: Property 'nope' does not exist on type 'Util'.", location: { line: 2, column: 44, span: 4 } }],
      },
      {
        problems: [
          { errorType: 'CODE_ERROR', value: 'The code must export a function named request.', location: { line: 0, column: 0, span: -1 } },
          { errorType: 'CODE_ERROR', value: 'The code must export a function named response.', location: { line: 0, column: 0, span: -1 } },
          { errorType: 'LINT_ERROR', value: 'While statements are not supported.', location: { line: 2, column: 25, span: 14 }, rule: '@aws-appsync/no-while' },
        ],
      },
      { problems: [{ errorType: 'PARSER_ERROR', value: 'Parsing error: Property assignment expected.', location: { line: 1, column: 40, span: -1 } }] },
    ]);
    // The same module alone (a single-module program) gets the same verdict.
    expect(prepareModule(handlers('return  util.nope();'))).toEqual({
      problems: [{ errorType: 'CODE_ERROR', value: "code.js(2,45): error TS2339: Property 'nope' does not exist on type 'Util'.", location: { line: 2, column: 45, span: 4 } }],
    });
  });

  it('stores the verdict of each module it checks, by the hash of its text', () => {
    const store = new RecordingStore();
    const passing = handlers('return { stored: true };');
    const failing = handlers('return util.stored();');
    prepareModules([passing, failing], store);
    expect(store.verdicts).toEqual(
      new Map([
        [`module:${textHash(passing)}`, { problems: [] }],
        [
          `module:${textHash(failing)}`,
          { problems: [{ errorType: 'CODE_ERROR', value: "code.js(2,44): error TS2339: Property 'stored' does not exist on type 'Util'.", location: { line: 2, column: 44, span: 6 } }] },
        ],
      ]),
    );
  });

  it('takes a stored verdict instead of checking: problems as stored, or the factory of code that passed', () => {
    const claimedBroken = handlers('return { claimed: "broken" };');
    const claimedPassing = handlers('return { claimed: "passing" };');
    const problems = [{ errorType: 'LINT_ERROR' as const, value: 'Stored problem.', location: { line: 2, column: 1, span: 3 }, rule: 'stored/rule' }];
    const store = new RecordingStore();
    store.set(`module:${textHash(claimedBroken)}`, { problems });
    store.set(`module:${textHash(claimedPassing)}`, { problems: [] });
    expect(prepareModules([claimedBroken, claimedPassing], store)).toEqual([{ problems }, transformModule(parseModule(claimedPassing))]);
  });
});

describe('lintResolverSources', () => {
  const fixture = (name: string) => path.resolve('test/fixtures/runtime/resolvers', name);

  it('lints every source with one program and stores each verdict with the project files it depends on', async () => {
    const files = await Promise.all(['Query.getItem.ts', 'broken/Query.loop.ts'].map(async (name) => ({ fileName: fixture(name), text: await readFile(fixture(name), 'utf8') })));
    const store = new RecordingStore();
    const problems = lintResolverSources(files, store);
    expect(problems).toEqual([
      [],
      [{ errorType: 'LINT_ERROR', value: 'While statements are not supported.', location: { line: 6, column: 3, span: 39 }, rule: '@aws-appsync/no-while' }],
    ]);
    const hashOf = async (name: string) => textHash(await readFile(fixture(name), 'utf8'));
    const inputs = Object.fromEntries(
      await Promise.all(['Query.getItem.ts', 'lib/keys.ts', 'broken/Query.loop.ts'].map(async (name) => [fixture(name), await hashOf(name)] as const)),
    );
    expect(store.verdicts).toEqual(
      new Map(files.map(({ fileName, text }, index) => [`source:${fileName}\0${textHash(text)}`, { problems: problems[index], inputs }])),
    );
  });
});
