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
import { DEFAULT_DEFINITION_FILE, loadDefinition } from '../local/definition/load.js';
import { buildBundles } from './bundles.js';
import { LiveboardStack, stageName } from './stack.js';
import { stageSettings } from './stage.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const app = new App();
  const stage = stageSettings(app.node.tryGetContext('stage'));
  const definitionFile = String(app.node.tryGetContext('definition') ?? DEFAULT_DEFINITION_FILE);
  const definition = await loadDefinition(definitionFile, { projectRoot });
  const bundles = await buildBundles(definition, { projectRoot, outDir: join(projectRoot, 'dist') });
  new LiveboardStack(app, stageName(definition, stage), {
    definition,
    projectRoot,
    stage,
    bundles,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  app.synth();
}

// An invalid definition, a stage typo or a broken bundle is the user's to fix: say what, without a stack trace.
main().catch((error: unknown) => {
  process.stderr.write(`infra/app.ts: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
