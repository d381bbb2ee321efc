/**
 * `liveboard build` as a user runs it: the real CLI in a child process, in the fixture project
 * (test/fixtures/definition), writing real bundles. Lives with the Lambda tests because the Lambda
 * bundles are what it mainly adds to the resolver build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../../../bin/liveboard.js', import.meta.url));
const PROJECT = fileURLToPath(new URL('../../../fixtures/definition/', import.meta.url));

function liveboardBuild(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, 'build', ...args], { cwd: PROJECT, encoding: 'utf8' });
  return { status, stdout, stderr };
}

describe('liveboard build', () => {
  const outDir = join(tmpdir(), `liveboard-build-${randomUUID()}`);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('bundles every resolver code file and every Lambda function and prints a summary', async () => {
    const { status, stdout, stderr } = liveboardBuild(['--definition', 'valid.ts', '--out', outDir]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const out = relative(PROJECT, outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const size = String.raw`\(\d+\.\d kB\)`;
    const lines = [
      'liveboard build: fixture-api',
      `  5 resolver code files → ${out}/resolvers`,
      ...['resolvers/getPost.js', 'resolvers/listPosts.js', 'resolvers/addPost.js', 'resolvers/authorize.js', 'resolvers/savePost.js'].map(
        (file) => String.raw`    ${file} → ${out}/resolvers/\S+ ${size}`,
      ),
      `  2 Lambda functions → ${out}/functions`,
      String.raw`    author → ${out}/functions/author/index.mjs ${size}`,
      String.raw`    authorizer → ${out}/functions/authorizer/index.mjs ${size}`,
    ];
    expect(stdout).toMatch(new RegExp(`^${lines.join('\n')}\n$`));
    expect(await readdir(join(outDir, 'functions'))).toEqual(['author', 'authorizer']);
    expect(await readdir(join(outDir, 'functions', 'author'))).toEqual(['index.mjs', 'index.mjs.map']);
  });

  it('refuses an invalid definition, listing every problem, and builds nothing', () => {
    const failedOut = join(outDir, 'invalid');
    expect(liveboardBuild(['--definition', 'invalid.ts', '--out', failedOut])).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        'liveboard build: Invalid API definition in invalid.ts (2 problems):',
        "  - dataSources[4] 'Orphan': table 'Missing' is not defined in tables",
        '  - limits.queryDepthLimit 100 is out of range (0..75)',
        '',
      ].join('\n'),
    });
    expect(existsSync(failedOut)).toBe(false);
  });

  it('explains unknown options', () => {
    expect(liveboardBuild(['--target', 'x'])).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        "liveboard build: Unknown option '--target'",
        'usage: liveboard build [--definition FILE] [--out DIR]   (defaults: infra/definition.ts, dist)',
        '',
      ].join('\n'),
    });
  });
});
