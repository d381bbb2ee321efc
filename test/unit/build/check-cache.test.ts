/**
 * The build's verdict store on disk (local/build/check-cache.ts) and its use by `bundleResolvers`: a
 * rebuild into the same bundle directory takes the stored verdicts instead of checking again, as long
 * as the tools, the checks and every project file a verdict was reached with are unchanged.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskVerdictStore } from '../../../local/build/check-cache.js';
import { bundleResolvers, ResolverBuildError } from '../../../local/build/resolvers.js';
import { textHash } from '../../../local/runtime/module-check.js';

let projectRoot: string;
let bundleDir: string;
beforeEach(async () => {
  projectRoot = await mkdtemp(path.join(tmpdir(), 'liveboard-check-cache-'));
  bundleDir = path.join(projectRoot, 'dist', 'resolvers');
  await mkdir(path.join(projectRoot, 'resolvers', 'lib'), { recursive: true });
});
afterEach(async () => {
  await rm(projectRoot, { recursive: true, force: true });
});

/** A resolver and its helper, with text never seen before in this process (so no in-memory verdict). */
async function writeResolver(): Promise<{ resolver: string; helper: string; resolverText: string }> {
  const nonce = randomBytes(6).toString('hex');
  const resolver = path.join(projectRoot, 'resolvers', 'Query.item.ts');
  const helper = path.join(projectRoot, 'resolvers', 'lib', 'ids.ts');
  const resolverText = `import { idOf } from './lib/ids.js';\nexport function request(ctx: { args: { id: string } }) { return { id: idOf(ctx.args.id), nonce: '${nonce}' }; }\nexport function response(ctx: { result: unknown }) { return ctx.result; }\n`;
  await writeFile(helper, `export function idOf(id: string) { return \`item#\${id}\`; }\n`);
  await writeFile(resolver, resolverText);
  return { resolver, helper, resolverText };
}

const storeFile = () => path.join(bundleDir, '.checks.json');
const readStore = async () => JSON.parse(await readFile(storeFile(), 'utf8')) as { tools: string; verdicts: Record<string, unknown> };

async function problemsOf(build: Promise<unknown>): Promise<unknown> {
  const error = await build.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ResolverBuildError)) throw new Error(`expected a ResolverBuildError, got ${String(error)}`);
  return error.problems;
}

describe('bundleResolvers with its verdict store', () => {
  it('keeps the verdicts of the source (with the files it was checked with) and of the bundle', async () => {
    const { resolver, helper, resolverText } = await writeResolver();
    const bundles = await bundleResolvers(['resolvers/Query.item.ts'], { projectRoot, bundleDir });
    const bundle = await readFile(bundles.get('resolvers/Query.item.ts')!, 'utf8');
    const { tools, verdicts } = await readStore();
    expect({ tools, verdicts }).toEqual({
      tools,
      verdicts: {
        [`source:${resolver}\0${textHash(resolverText)}`]: { problems: [], inputs: { [resolver]: textHash(resolverText), [helper]: textHash(await readFile(helper, 'utf8')) } },
        [`module:${textHash(bundle)}`]: { problems: [] },
      },
    });
  });

  it('takes a stored verdict instead of linting again', async () => {
    const { resolver, resolverText } = await writeResolver();
    const storedProblem = { errorType: 'LINT_ERROR', value: 'Stored problem.', location: { line: 2, column: 1, span: 3 }, rule: 'stored/rule' };
    // The tools key of this machine comes from a store written by a first build (of another text).
    await bundleResolvers(['resolvers/Query.item.ts'], { projectRoot, bundleDir });
    const { tools } = await readStore();
    const changedText = resolverText.replace('nonce', 'changed');
    await writeFile(resolver, changedText);
    await writeFile(storeFile(), JSON.stringify({ tools, verdicts: { [`source:${resolver}\0${textHash(changedText)}`]: { problems: [storedProblem], inputs: { [resolver]: textHash(changedText) } } } }));
    expect(await problemsOf(bundleResolvers(['resolvers/Query.item.ts'], { projectRoot, bundleDir }))).toEqual([
      { file: 'resolvers/Query.item.ts', message: 'resolvers/Query.item.ts:2:1: LINT_ERROR Stored problem. (stored/rule)' },
    ]);
  });

  it('checks again when a file the verdict was reached with has changed, or the tools have', async () => {
    const { resolver, helper, resolverText } = await writeResolver();
    const storedProblem = { errorType: 'LINT_ERROR', value: 'Stored problem.', location: { line: 2, column: 1, span: 3 }, rule: 'stored/rule' };
    await bundleResolvers(['resolvers/Query.item.ts'], { projectRoot, bundleDir });
    const { tools } = await readStore();
    const texts = [resolverText.replace('nonce', 'second'), resolverText.replace('nonce', 'third')];
    const stale = (text: string) => ({ problems: [storedProblem], inputs: { [resolver]: textHash(text), [helper]: textHash('an older helper') } });
    await writeFile(resolver, texts[0]!);
    await writeFile(storeFile(), JSON.stringify({ tools, verdicts: { [`source:${resolver}\0${textHash(texts[0]!)}`]: stale(texts[0]!) } }));
    expect(await bundleResolvers(['resolvers/Query.item.ts'], { projectRoot, bundleDir })).toEqual(new Map([['resolvers/Query.item.ts', path.join(bundleDir, 'Query.item.js')]]));

    const current = { problems: [storedProblem], inputs: { [resolver]: textHash(texts[1]!) } };
    await writeFile(resolver, texts[1]!);
    await writeFile(storeFile(), JSON.stringify({ tools: 'other tools', verdicts: { [`source:${resolver}\0${textHash(texts[1]!)}`]: current } }));
    expect(await bundleResolvers(['resolvers/Query.item.ts'], { projectRoot, bundleDir })).toEqual(new Map([['resolvers/Query.item.ts', path.join(bundleDir, 'Query.item.js')]]));
  });
});

describe('DiskVerdictStore', () => {
  it('is empty when its file is missing or unreadable, and writes nothing until a verdict is added', async () => {
    await mkdir(bundleDir, { recursive: true });
    await writeFile(storeFile(), '{ not json');
    const store = DiskVerdictStore.open(bundleDir);
    expect(store.get('module:x')).toEqual(undefined);
    await store.save();
    expect(await readFile(storeFile(), 'utf8')).toEqual('{ not json');
    store.set('module:x', { problems: [] });
    await store.save();
    expect(DiskVerdictStore.open(bundleDir).get('module:x')).toEqual({ problems: [] });
  });
});
