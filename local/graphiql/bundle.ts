/**
 * Builds the GraphiQL page's browser bundle from installed packages (graphiql, @graphiql/toolkit,
 * react, Monaco), so the page works offline. GraphiQL ships no prebuilt browser bundle
 * (dependencies.md, "GraphiQL offline bundle"), so esbuild builds one: about 40 files, 1-2 s.
 *
 * The result is cached under the data directory in a folder named after a hash of everything that
 * shapes it (package versions and our browser sources), so it is built once per version, not per start.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const BROWSER_DIR = fileURLToPath(new URL('./browser/', import.meta.url));
const BUNDLED_PACKAGES = ['graphiql', '@graphiql/toolkit', '@graphiql/react', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql', 'esbuild'];

/** The bundle's entry points, named as the page and `monaco-environment.js` load them. */
const ENTRY_POINTS = {
  main: join(BROWSER_DIR, 'main.js'),
  'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
  'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
  'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
};

/** Builds the bundle if it is not cached yet; resolves with the folder holding it. */
export async function ensureGraphiqlBundle(cacheDir: string): Promise<string> {
  const outputDir = join(cacheDir, `graphiql-${bundleKey()}`);
  if (existsSync(join(outputDir, 'main.js'))) return outputDir;
  // Build into a scratch folder and rename it into place, so that a reader never sees half a bundle.
  const scratchDir = `${outputDir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(cacheDir, { recursive: true });
  try {
    await build({
      entryPoints: ENTRY_POINTS,
      outdir: scratchDir,
      bundle: true,
      format: 'esm',
      splitting: true,
      minify: true,
      platform: 'browser',
      target: 'es2022',
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      assetNames: 'asset-[hash]',
      loader: { '.ttf': 'file' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    if (existsSync(join(outputDir, 'main.js'))) return outputDir; // another process finished first
    await rename(scratchDir, outputDir);
    return outputDir;
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

function bundleKey(): string {
  const hash = createHash('sha256');
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  for (const file of readdirSync(BROWSER_DIR).sort()) hash.update(readFileSync(join(BROWSER_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

function packageVersion(name: string): string {
  const manifest: unknown = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}
