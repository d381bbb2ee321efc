/** The Lambda build step: real esbuild bundles of the fixture handlers, in the layout CDK deploys. */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleLambdaFunctions, lambdaBundleFile } from '../../../../local/build/lambdas.js';
import { fixtureFunctions, PROJECT_ROOT } from '../../../fixtures/lambda/functions.js';

describe('bundleLambdaFunctions', () => {
  const bundleDir = join(tmpdir(), `liveboard-bundles-${randomUUID()}`, 'functions');
  afterAll(() => rm(join(bundleDir, '..'), { recursive: true, force: true }));

  it('writes one ESM module and its source map per function, keeping @aws-sdk/* external', async () => {
    const bundles = await bundleLambdaFunctions([fixtureFunctions.dynamodb, fixtureFunctions.echo], { projectRoot: PROJECT_ROOT, bundleDir });
    expect(bundles).toEqual([
      { functionName: 'dynamodb', file: join(bundleDir, 'dynamodb', 'index.mjs'), bytes: expect.any(Number) },
      { functionName: 'echo', file: join(bundleDir, 'echo', 'index.mjs'), bytes: expect.any(Number) },
    ]);
    expect(await readdir(bundleDir)).toEqual(['dynamodb', 'echo']);
    expect(await readdir(join(bundleDir, 'dynamodb'))).toEqual(['index.mjs', 'index.mjs.map']);
    const code = await readFile(lambdaBundleFile(bundleDir, 'dynamodb'), 'utf8');
    expect(code).toContain('from "@aws-sdk/client-dynamodb"');
    expect(code).toMatch(/^export \{\n {2}handler\n\};$/m);
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
  });

  it('reports every function that fails, with esbuild\'s diagnostics, and leaves no folder for it', async () => {
    const functions = [
      { name: 'syntax', entry: 'test/fixtures/lambda/syntax-error.js' },
      { name: 'missing', entry: 'test/fixtures/lambda/missing.ts' },
      fixtureFunctions.echo,
    ];
    await expect(bundleLambdaFunctions(functions, { projectRoot: PROJECT_ROOT, bundleDir })).rejects.toHaveProperty(
      'message',
      [
        'Could not bundle 2 Lambda functions:',
        '  syntax (test/fixtures/lambda/syntax-error.js):',
        '    test/fixtures/lambda/syntax-error.js:3:20: Expected "}" but found ";"',
        '  missing (test/fixtures/lambda/missing.ts):',
        `    Could not resolve "${join(PROJECT_ROOT, 'test/fixtures/lambda/missing.ts')}"`,
      ].join('\n'),
    );
    expect((await readdir(bundleDir)).sort()).toEqual(['dynamodb', 'echo']);
  });
});
