/**
 * The committed generated files are what `npm run codegen` produces now: codegen runs here with the
 * project's codegen.yml, in memory (nothing is written), and each output must equal its committed file.
 * A schema or operation change without a codegen run fails here, not in production (issue 9).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/local-api.js';

interface GeneratedFile {
  filename: string;
  content: string;
}

async function generateInMemory(): Promise<GeneratedFile[]> {
  const { config } = await loadCodegenConfig({ configFilePath: join(PROJECT_ROOT, 'codegen.yml') });
  const outputs = (await generate({ ...config, cwd: PROJECT_ROOT, silent: true }, false)) as GeneratedFile[];
  return outputs.map(({ filename, content }) => ({ filename, content }));
}

describe('generated code', () => {
  it('is up to date: codegen.yml produces exactly the committed files (run `npm run codegen`)', async () => {
    const generated = await generateInMemory();
    const committed = await Promise.all(
      generated.map(async ({ filename }) => ({ filename, content: await readFile(join(PROJECT_ROOT, filename), 'utf8').catch(() => '(missing)') })),
    );
    expect(generated.map(({ filename }) => filename)).toEqual(['resolvers/generated/schema-types.ts', 'client/generated/operations.ts']);
    expect(committed).toEqual(generated);
  });
});
