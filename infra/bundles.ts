/**
 * Runs the build step before synthesis, so that `cdk synth` works from a clean clone: the resolver and
 * pipeline-function code (`local/build/resolvers.ts`) and the Lambda functions (`local/build/lambdas.ts`)
 * are bundled into `<outDir>/resolvers` and `<outDir>/functions`, exactly as `liveboard build` and the
 * local runtime bundle them. The stack then deploys these files as they are.
 */
import { join } from 'node:path';
import { bundleLambdaFunctions, lambdaBundleDir } from '../local/build/lambdas.js';
import { bundleResolvers } from '../local/build/resolvers.js';
import { codeFilesOf } from '../local/definition/code-files.js';
import type { ApiDefinition } from '../local/definition/types.js';
import { required } from './required.js';

export interface BuiltBundles {
  /** The bundle file of a code file of the definition (as the definition spells its path). */
  resolverBundle(codeFile: string): string;
  /** The folder holding a Lambda function's `index.mjs`. */
  lambdaBundleDir(functionName: string): string;
}

export async function buildBundles(definition: ApiDefinition, options: { projectRoot: string; outDir: string }): Promise<BuiltBundles> {
  const functionsDir = join(options.outDir, 'functions');
  const [resolverBundles] = await Promise.all([
    bundleResolvers(codeFilesOf(definition), { projectRoot: options.projectRoot, bundleDir: join(options.outDir, 'resolvers') }),
    bundleLambdaFunctions(definition.lambdaFunctions, { projectRoot: options.projectRoot, bundleDir: functionsDir }),
  ]);
  return {
    resolverBundle: (codeFile) => required(resolverBundles.get(codeFile), `the bundle of ${codeFile}`),
    lambdaBundleDir: (functionName) => lambdaBundleDir(functionsDir, functionName),
  };
}
