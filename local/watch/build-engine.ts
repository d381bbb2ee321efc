/**
 * From an API's source files to the engine that serves them: load the schema, bundle and load every
 * resolver and pipeline function's code (checked as AppSync checks it at creation), bind them to their
 * data sources, and stage the Lambda bundles. Used at start and by every hot reload; nothing of the
 * running version is touched until the whole build succeeded, so a broken source leaves it serving.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createFieldAuthorizer } from '../auth/field-authorizer.js';
import { bundleResolvers } from '../build/resolvers.js';
import type { DataSource } from '../datasources/types.js';
import { codeFilesOf } from '../definition/code-files.js';
import type { ApiDefinition } from '../definition/types.js';
import { createEngine, loadSchemaFiles, type Engine, type ResolverBinding } from '../engine/index.js';
import type { LocalLambdaRuntime } from '../lambda/local-lambda-runtime.js';
import { loadResolverCode } from '../runtime/index.js';
import type { ResolverCode } from '../runtime/types.js';
import { stageLambdaBundles } from './lambda-bundles.js';

export interface EngineBuildContext {
  definition: ApiDefinition;
  /** Definition paths are relative to it. */
  rootDir: string;
  /** Bundles go to `<buildDir>/resolvers` and `<buildDir>/functions`. */
  buildDir: string;
  /** By data source name (data sources hold connections; they outlive reloads). */
  dataSources: ReadonlyMap<string, DataSource>;
  lambdas: LocalLambdaRuntime;
}

/** Builds a new engine from the sources; throws, with the running version untouched, if any source is broken. */
export async function buildEngine(context: EngineBuildContext): Promise<Engine> {
  const { definition, rootDir } = context;
  const schema = await loadSchemaFiles(definition.schemaFiles.map((file) => resolve(rootDir, file)));
  const code = await loadAllCode(context);
  const engine = createEngine({
    schema,
    resolvers: bindResolvers(definition, code, context.dataSources),
    fieldAuthorizer: createFieldAuthorizer(schema, definition.authentication),
    ...(definition.limits ? { limits: definition.limits } : {}),
    ...(definition.environmentVariables ? { env: definition.environmentVariables } : {}),
  });
  const lambdaBundles = await stageLambdaBundles(definition.lambdaFunctions, { projectRoot: rootDir, bundleDir: join(context.buildDir, 'functions') });
  await lambdaBundles.install();
  if (lambdaBundles.changed.length > 0) context.lambdas.reload(definition.lambdaFunctions);
  return engine;
}

/** The files an API is built from, for hot reload to watch (Lambda entries stand for what they import). */
export function sourceFilesOf(definition: ApiDefinition, rootDir: string): string[] {
  const files = [...definition.schemaFiles, ...codeFilesOf(definition), ...definition.lambdaFunctions.map((fn) => fn.entry)];
  return [...new Set(files)].map((file) => resolve(rootDir, file));
}

/** Every code file of the definition, bundled once and loaded once, keyed by its definition path. */
async function loadAllCode(context: EngineBuildContext): Promise<Map<string, ResolverCode>> {
  const codeFiles = codeFilesOf(context.definition);
  const bundles = await bundleResolvers(codeFiles, { projectRoot: context.rootDir, bundleDir: join(context.buildDir, 'resolvers') });
  const code = new Map<string, ResolverCode>();
  for (const file of codeFiles) {
    const bundle = bundles.get(file);
    if (bundle === undefined) throw new Error(`the resolver build produced no bundle for ${file}`);
    code.set(file, loadResolverCode(await readFile(bundle, 'utf8'), { fileName: file }));
  }
  return code;
}

function bindResolvers(
  definition: ApiDefinition,
  code: ReadonlyMap<string, ResolverCode>,
  dataSources: ReadonlyMap<string, DataSource>,
): Record<string, ResolverBinding> {
  const codeOf = (file: string): ResolverCode => required(code.get(file), `code ${file}`);
  const dataSource = (name: string): DataSource => required(dataSources.get(name), `data source ${name}`);
  const functions = new Map(definition.functions.map((fn) => [fn.name, { name: fn.name, code: codeOf(fn.code), dataSource: dataSource(fn.dataSource) }]));
  const bindings: Record<string, ResolverBinding> = {};
  for (const resolver of definition.resolvers) {
    const key = `${resolver.typeName}.${resolver.fieldName}`;
    bindings[key] =
      resolver.kind === 'PIPELINE'
        ? { kind: 'PIPELINE', code: codeOf(resolver.code), functions: resolver.functions.map((name) => required(functions.get(name), `function ${name}`)) }
        : {
            kind: 'UNIT',
            dataSource: dataSource(resolver.dataSource),
            ...(resolver.code === undefined ? {} : { code: codeOf(resolver.code) }),
            ...(resolver.maxBatchSize === undefined ? {} : { maxBatchSize: resolver.maxBatchSize }),
          };
  }
  return bindings;
}

/** The definition was validated before the build, so a missing entry is a bug, not bad input. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} missing after definition validation`);
  return value;
}
