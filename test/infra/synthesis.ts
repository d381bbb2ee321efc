/**
 * The infra suite's one synthesis: every definition under test at every stage, as stacks of one CDK
 * app with `cdk.json`'s context (the feature flags `cdk synth` uses), synthesized once. Each definition
 * is loaded with the local runtime's loader and built with the app's build step (`infra/bundles.ts`),
 * as `infra/app.ts` does. CloudFormation schema validation is left to `npm run synth`: it costs many
 * seconds per run and checks CDK's output, not this project's choices.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBundles } from '../../infra/bundles.js';
import { deploymentName, LiveboardStack } from '../../infra/stack.js';
import { stageSettings, type StageName, type StageSettings } from '../../infra/stage.js';
import { loadDefinition } from '../../local/definition/load.js';
import type { ApiDefinition } from '../../local/definition/types.js';
import { logicalNamesOf, type CfnTemplate, type LogicalNames } from './template-views.js';

export interface SynthesizedStack {
  definitionFile: string;
  definition: ApiDefinition;
  stage: StageSettings;
  stack: LiveboardStack;
  template: Template;
  json: CfnTemplate;
  names: LogicalNames;
}

export interface Synthesis {
  /** Holds the build output (`deploy/`), the cloud assembly (`cdk.out/`) and whatever tests add. */
  workDir: string;
  assemblyDir: string;
  /** `Date.now()` before the stacks were constructed and after synthesis, for values computed from the clock (API key expiry). */
  startedAt: number;
  finishedAt: number;
  stack(definitionFile: string, stage: StageName): SynthesizedStack;
  close(): Promise<void>;
}

function cdkJsonContext(projectRoot: string): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export async function synthesize(projectRoot: string, definitionFiles: readonly string[], stages: readonly StageName[]): Promise<Synthesis> {
  const workDir = await mkdtemp(join(tmpdir(), 'liveboard-infra-'));
  const assemblyDir = join(workDir, 'cdk.out');
  const app = new App({ outdir: assemblyDir, context: cdkJsonContext(projectRoot), builtinCloudFormationValidation: false });
  const stacks: Array<Omit<SynthesizedStack, 'template' | 'json'>> = [];
  const startedAt = Date.now();
  for (const definitionFile of definitionFiles) {
    const definition = await loadDefinition(definitionFile, { projectRoot });
    const bundles = await buildBundles(definition, { projectRoot, outDir: join(workDir, 'deploy', definition.name) });
    for (const name of stages) {
      const stage = stageSettings(name);
      const stack = new LiveboardStack(app, deploymentName(definition, stage), { definition, projectRoot, stage, bundles });
      stacks.push({ definitionFile, definition, stage, stack, names: logicalNamesOf(stack) });
    }
  }
  const assembly = app.synth();
  const finishedAt = Date.now();
  const synthesized = stacks.map((entry): SynthesizedStack => {
    const json = assembly.getStackByName(entry.stack.stackName).template as CfnTemplate;
    return { ...entry, json, template: Template.fromJSON(json as unknown as Record<string, unknown>) };
  });
  return {
    workDir,
    assemblyDir,
    startedAt,
    finishedAt,
    stack: (definitionFile, stage) => {
      const found = synthesized.find((entry) => entry.definitionFile === definitionFile && entry.stage.name === stage);
      if (!found) throw new Error(`no synthesized stack for ${definitionFile} at stage ${stage}`);
      return found;
    },
    close: () => rm(workDir, { recursive: true, force: true }),
  };
}
