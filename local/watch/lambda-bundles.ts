/**
 * Installing Lambda bundles without ever leaving a broken one in place: functions are bundled into a
 * staging folder, and only when every one of them built are the changed ones moved into the folder the
 * local Lambda runtime loads from. A broken edit therefore leaves the last good bundle serving, also
 * for environments that start later (hot reload's promise).
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { bundleLambdaFunctions, lambdaBundleDir, lambdaBundleFile } from '../build/lambdas.js';
import type { LambdaFunctionDefinition } from '../definition/types.js';

export interface StagedLambdaBundles {
  /** Names of the functions whose bundle differs from the installed one. */
  changed: string[];
  /** Moves the changed bundles into place. */
  install(): Promise<void>;
  /** Drops the staging folder without installing. */
  discard(): Promise<void>;
}

/** Bundles every function into `<bundleDir>.staging`; throws `LambdaBundleError` if any fails. */
export async function stageLambdaBundles(
  functions: LambdaFunctionDefinition[],
  options: { projectRoot: string; bundleDir: string },
): Promise<StagedLambdaBundles> {
  const stagingDir = `${options.bundleDir}.staging`;
  await rm(stagingDir, { recursive: true, force: true });
  const discard = () => rm(stagingDir, { recursive: true, force: true });
  try {
    await bundleLambdaFunctions(functions, { projectRoot: options.projectRoot, bundleDir: stagingDir });
  } catch (error) {
    await discard();
    throw error;
  }
  const changed: string[] = [];
  for (const fn of functions) {
    const staged = await readFile(lambdaBundleFile(stagingDir, fn.name));
    const installed = await readFile(lambdaBundleFile(options.bundleDir, fn.name)).catch(() => undefined);
    if (installed === undefined || !staged.equals(installed)) changed.push(fn.name);
  }
  return {
    changed,
    discard,
    install: async () => {
      await mkdir(options.bundleDir, { recursive: true });
      for (const name of changed) {
        await rm(lambdaBundleDir(options.bundleDir, name), { recursive: true, force: true });
        await rename(lambdaBundleDir(stagingDir, name), lambdaBundleDir(options.bundleDir, name));
      }
      await discard();
    },
  };
}

