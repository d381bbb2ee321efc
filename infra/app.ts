/**
 * The CDK app (`cdk.json`: `npx tsx infra/app.ts`): loads and validates the definition with the local
 * runtime's loader, runs the build step, and adds the stack `<api name>-<stage>`.
 *
 * Context: `-c stage=dev|prod` (default dev), `-c definition=FILE` (default `infra/definition.ts`).
 * Synthesis needs no AWS account and no network; without credentials the stack is environment-agnostic.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { LambdaBundleError } from '../local/build/lambdas.js';
import { ResolverBuildError } from '../local/build/resolvers.js';
import { DEFAULT_DEFINITION_FILE, loadDefinition } from '../local/definition/load.js';
import { InvalidDefinitionError } from '../local/definition/problems.js';
import { buildBundles } from './bundles.js';
import { deploymentName, LiveboardStack } from './stack.js';
import { stageSettings, UnknownStageError } from './stage.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const app = new App();
  const stage = stageSettings(app.node.tryGetContext('stage'));
  const definitionFile = String(app.node.tryGetContext('definition') ?? DEFAULT_DEFINITION_FILE);
  const definition = await loadDefinition(definitionFile, { projectRoot });
  const bundles = await buildBundles(definition, { projectRoot, outDir: join(projectRoot, 'dist') });
  new LiveboardStack(app, deploymentName(definition, stage), {
    definition,
    projectRoot,
    stage,
    bundles,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  app.synth();
}

/** Errors that are the user's to fix (their messages say what and where); anything else is a bug and keeps its stack. */
const USER_ERRORS = [InvalidDefinitionError, UnknownStageError, ResolverBuildError, LambdaBundleError];

function describeFailure(error: unknown): string {
  if (USER_ERRORS.some((kind) => error instanceof kind)) return (error as Error).message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`infra/app.ts: ${describeFailure(error)}\n`);
  process.exitCode = 1;
});
