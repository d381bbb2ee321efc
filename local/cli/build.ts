/**
 * `liveboard build [--definition FILE] [--out DIR]`: validates the API definition, then bundles every
 * resolver and pipeline-function code file (`<out>/resolvers`) and every Lambda function
 * (`<out>/functions/<name>/index.mjs`): the files CDK deploys and the local runtime runs. Prints a
 * summary; exits non-zero, saying what is wrong, if the definition is invalid or any bundle fails.
 * Contract: shared/design/architecture.md, "CLI contract". Paths are relative to the current directory
 * (the project root).
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LambdaBundle } from '../build/lambdas.js';
import { codeFilesOf } from '../definition/code-files.js';
import { DEFAULT_DEFINITION_FILE, loadDefinition } from '../definition/load.js';
import type { ApiDefinition } from '../definition/types.js';

const USAGE = `usage: liveboard build [--definition FILE] [--out DIR]   (defaults: ${DEFAULT_DEFINITION_FILE}, dist)`;

interface BuildOptions {
  definitionFile: string;
  outDir: string;
}

function readOptions(args: string[]): BuildOptions | string {
  try {
    const { values } = parseArgs({
      args,
      options: { definition: { type: 'string', default: DEFAULT_DEFINITION_FILE }, out: { type: 'string', default: 'dist' } },
      strict: true,
      allowPositionals: false,
    });
    return { definitionFile: values.definition, outDir: values.out };
  } catch (error) {
    return (error as Error).message;
  }
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

async function describeResolverBundles(bundles: Map<string, string>, projectRoot: string): Promise<string[]> {
  const lines: string[] = [];
  for (const [source, bundle] of bundles) {
    lines.push(`    ${source} → ${relative(projectRoot, bundle)} (${kilobytes((await stat(bundle)).size)})`);
  }
  return lines;
}

function describeLambdaBundles(bundles: LambdaBundle[], projectRoot: string): string[] {
  return bundles.map(({ functionName, file, bytes }) => `    ${functionName} → ${relative(projectRoot, file)} (${kilobytes(bytes)})`);
}

export async function run(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (typeof options === 'string') {
    process.stderr.write(`liveboard build: ${options}\n${USAGE}\n`);
    return 2;
  }
  const projectRoot = process.cwd();
  let definition: ApiDefinition;
  try {
    definition = await loadDefinition(options.definitionFile, { projectRoot });
  } catch (error) {
    // InvalidDefinitionError's message lists every problem; anything else is reported as it is.
    process.stderr.write(`liveboard build: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  // Loaded only now: the resolver build brings in TypeScript and the AppSync lint rules.
  const [{ bundleResolvers }, { bundleLambdaFunctions }] = await Promise.all([import('../build/resolvers.js'), import('../build/lambdas.js')]);
  const outDir = resolve(projectRoot, options.outDir);
  const codeFiles = codeFilesOf(definition);
  // Both steps run to the end so that one run reports every broken file.
  const [resolvers, lambdas] = await Promise.allSettled([
    bundleResolvers(codeFiles, { projectRoot, bundleDir: join(outDir, 'resolvers') }),
    bundleLambdaFunctions(definition.lambdaFunctions, { projectRoot, bundleDir: join(outDir, 'functions') }),
  ]);
  const failures = [resolvers, lambdas].flatMap((step) => (step.status === 'rejected' ? [step.reason instanceof Error ? step.reason.message : String(step.reason)] : []));
  if (resolvers.status === 'rejected' || lambdas.status === 'rejected') {
    process.stderr.write(`liveboard build: failed\n${failures.join('\n')}\n`);
    return 1;
  }

  const summary = [
    `liveboard build: ${definition.name}`,
    `  ${codeFiles.length} resolver code file${codeFiles.length === 1 ? '' : 's'} → ${relative(projectRoot, join(outDir, 'resolvers'))}`,
    ...(await describeResolverBundles(resolvers.value, projectRoot)),
    `  ${lambdas.value.length} Lambda function${lambdas.value.length === 1 ? '' : 's'} → ${relative(projectRoot, join(outDir, 'functions'))}`,
    ...describeLambdaBundles(lambdas.value, projectRoot),
  ];
  process.stdout.write(`${summary.join('\n')}\n`);
  return 0;
}
