/**
 * Bundles the definition's Lambda functions with esbuild: one self-contained ES module per function,
 * `dist/functions/<name>/index.mjs` (+ its source map). These are the very files CDK deploys
 * (`lambda.Code.fromAsset('dist/functions/<name>')`, handler `index.<handler>`) and the local runtime
 * runs (`local/lambda/`), so keep the layout stable.
 *
 * `@aws-sdk/*` stays external: Lambda's Node.js runtime provides it, and locally it resolves from the
 * project's node_modules (the bundles live inside the project).
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, type Message } from 'esbuild';
import type { LambdaFunctionDefinition } from '../definition/types.js';

/** The folder CDK uploads for a function. */
export function lambdaBundleDir(bundleDir: string, functionName: string): string {
  return join(bundleDir, functionName);
}

/** The module Lambda loads (`index.mjs`: the `.mjs` extension makes Node treat it as ESM). */
export function lambdaBundleFile(bundleDir: string, functionName: string): string {
  return join(lambdaBundleDir(bundleDir, functionName), 'index.mjs');
}

export interface LambdaBundle {
  functionName: string;
  file: string;
  bytes: number;
}

/** One or more functions failed to bundle; `message` lists each with esbuild's diagnostics. */
export class LambdaBundleError extends Error {
  constructor(readonly failures: Array<{ functionName: string; entry: string; messages: string[] }>) {
    super(
      [
        `Could not bundle ${failures.length} Lambda function${failures.length === 1 ? '' : 's'}:`,
        ...failures.map(({ functionName, entry, messages }) => [`  ${functionName} (${entry}):`, ...messages.map((text) => `    ${text}`)].join('\n')),
      ].join('\n'),
    );
    this.name = 'LambdaBundleError';
  }
}

function describe(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column}: ` : '';
  return `${where}${message.text}`;
}

/**
 * ESM bundles may contain CommonJS dependencies that call `require` for Node built-ins; ESM has no
 * `require`, so the bundle defines one (the usual banner for ESM Lambda bundles).
 */
const REQUIRE_SHIM = "import { createRequire as __liveboardCreateRequire } from 'node:module'; const require = __liveboardCreateRequire(import.meta.url);";

async function bundleOne(fn: LambdaFunctionDefinition, projectRoot: string, bundleDir: string): Promise<LambdaBundle> {
  const outDir = lambdaBundleDir(bundleDir, fn.name);
  // Start from an empty folder: CDK uploads the whole folder.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const outfile = lambdaBundleFile(bundleDir, fn.name);
  try {
    await build({
      entryPoints: [resolve(projectRoot, fn.entry)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['@aws-sdk/*'],
      sourcemap: true,
      banner: { js: REQUIRE_SHIM },
      absWorkingDir: projectRoot,
      logLevel: 'silent',
    });
  } catch (error) {
    // Leave no half-built folder behind for CDK to upload.
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  return { functionName: fn.name, file: outfile, bytes: (await stat(outfile)).size };
}

/**
 * Bundles every function into `bundleDir` (normally `<projectRoot>/dist/functions`). All functions
 * are attempted; if any fails, one `LambdaBundleError` lists every failure.
 */
export async function bundleLambdaFunctions(
  functions: LambdaFunctionDefinition[],
  options: { projectRoot: string; bundleDir: string },
): Promise<LambdaBundle[]> {
  const settled = await Promise.allSettled(functions.map((fn) => bundleOne(fn, options.projectRoot, options.bundleDir)));
  const failures = settled.flatMap((outcome, index) => {
    if (outcome.status === 'fulfilled') return [];
    const fn = functions[index]!;
    const reason: unknown = outcome.reason;
    const errors = typeof reason === 'object' && reason !== null && 'errors' in reason ? (reason.errors as Message[]) : [];
    const messages = errors.length > 0 ? errors.map(describe) : [reason instanceof Error ? reason.message : String(reason)];
    return [{ functionName: fn.name, entry: fn.entry, messages }];
  });
  if (failures.length > 0) throw new LambdaBundleError(failures);
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<LambdaBundle>).value);
}
