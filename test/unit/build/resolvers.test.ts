/**
 * The resolver build step (local/build/resolvers.ts): esbuild bundles in AppSync's accepted form,
 * the 32,768-character limit (spec appsync-js-runtime.md §1.1), and the AppSync checks on the
 * TypeScript source and on the bundle.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleResolver, bundleResolvers, ResolverBuildError, resolverBundlePath } from '../../../local/build/resolvers.js';

const projectRoot = path.resolve('test/fixtures/runtime');

const GET_ITEM_BUNDLE = `// test/fixtures/runtime/resolvers/Query.getItem.ts
import { util } from "@aws-appsync/utils";
import * as ddb from "@aws-appsync/utils/dynamodb";

// test/fixtures/runtime/resolvers/lib/keys.ts
function itemKey(id) {
  return { id };
}

// test/fixtures/runtime/resolvers/Query.getItem.ts
function request(ctx) {
  console.log("getting", ctx.args.id);
  return ddb.get({ key: itemKey(ctx.args.id) });
}
function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
export {
  request,
  response
};
`;

/** The problems a failing build reports (and proof that it failed with a ResolverBuildError). */
async function problemsOf(build: Promise<unknown>): Promise<unknown> {
  const error = await build.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ResolverBuildError)) throw new Error(`expected a ResolverBuildError, got ${String(error)}`);
  return error.problems;
}

let bundleDir: string;
beforeEach(async () => {
  bundleDir = await mkdtemp(path.join(tmpdir(), 'liveboard-resolvers-'));
});
afterEach(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

describe('bundleResolvers', () => {
  it('writes one ESM file per code file: helpers bundled, AppSync modules imported, no source map', async () => {
    const bundles = await bundleResolvers(['resolvers/Query.getItem.ts'], { projectRoot, bundleDir });
    expect(bundles).toEqual(new Map([['resolvers/Query.getItem.ts', path.join(bundleDir, 'Query.getItem.js')]]));
    expect(await readFile(path.join(bundleDir, 'Query.getItem.js'), 'utf8')).toEqual(GET_ITEM_BUNDLE);
  });

  it('keeps the folders below resolvers/', () => {
    expect(resolverBundlePath('resolvers/pipeline/1-authorize.ts', { projectRoot, bundleDir: '/out' })).toEqual('/out/pipeline/1-authorize.js');
    expect(resolverBundlePath('other/Query.x.ts', { projectRoot, bundleDir: '/out' })).toEqual('/out/other/Query.x.js');
  });

  it('reports every problem of every file, with file, line, column and rule, and writes no bundle for them', async () => {
    const build = bundleResolvers(['resolvers/Query.getItem.ts', 'resolvers/broken/Query.loop.ts', 'resolvers/broken/Query.unknownHelper.ts', 'resolvers/missing.ts'], {
      projectRoot,
      bundleDir,
    });
    expect(await problemsOf(build)).toEqual(
      [
        { file: 'resolvers/broken/Query.loop.ts', message: 'resolvers/broken/Query.loop.ts:6:3: LINT_ERROR While statements are not supported. (@aws-appsync/no-while)' },
        {
          file: 'resolvers/broken/Query.unknownHelper.ts',
          message:
            'resolvers/broken/Query.unknownHelper.ts (bundled):4:14: CODE_ERROR code.js(4,14): error TS2339: Property \'nope\' does not exist on type \'typeof import("/node_modules/@aws-appsync/utils/dynamodb")\'.',
        },
        { file: 'resolvers/missing.ts', message: 'resolvers/missing.ts: cannot read the file (ENOENT)' },
      ],
    );
    await expect(stat(path.join(bundleDir, 'broken', 'Query.loop.js'))).rejects.toThrow('ENOENT');
  });
});

describe('bundleResolver', () => {
  it('refuses a bundle over 32,768 characters, naming the file and its size', async () => {
    const file = path.join(bundleDir, 'Query.huge.ts');
    await writeFile(file, `export function request() { return { blob: "${'x'.repeat(40_000)}" }; }\nexport function response() { return null; }\n`);
    // The bundle: esbuild's `// <path>` line, then the two functions (40,119 characters).
    const size = `// ${path.relative(process.cwd(), file)}\n`.length + 40_119;
    expect(await problemsOf(bundleResolver(file))).toEqual([
      { file, message: `${file}: the bundle is ${size.toLocaleString('en-US')} characters; AppSync accepts at most 32,768 (split the resolver or import less)` },
    ]);
  });

  it('reports a syntax error with its position', async () => {
    const file = path.join(bundleDir, 'Query.broken.ts');
    await writeFile(file, 'export function request() {\n  return {;\n}\n');
    expect(await problemsOf(bundleResolver(file))).toEqual([{ file, message: `${path.relative(process.cwd(), file)}:2:11: Expected identifier but found ";"` }]);
  });
});
