/**
 * What the local runtime registers for a definition, taken from the local runtime's own code paths:
 * tables as `ensureTables` creates them in DynamoDB Local (read back with DescribeTable), resolver code
 * as `bundleResolvers` bundles it for the engine (`local/watch/build-engine.ts`), Lambda bundles as
 * `bundleLambdaFunctions` writes them for the local Lambda runtime, and each function's handler, memory
 * and environment as `buildFunctionEnvironment` gives them to a local execution environment.
 */
import { readdir, readFile } from 'node:fs/promises';
import { DescribeTableCommand, DescribeTimeToLiveCommand, type DynamoDBClient, type KeySchemaElement, type Projection } from '@aws-sdk/client-dynamodb';
import { codeFilesOf } from '../../local/definition/code-files.js';
import { bundleLambdaFunctions, lambdaBundleDir, lambdaBundleFile } from '../../local/build/lambdas.js';
import { bundleResolvers } from '../../local/build/resolvers.js';
import type { ApiDefinition, LambdaFunctionDefinition } from '../../local/definition/types.js';
import { buildFunctionEnvironment, DEFAULT_TIMEOUT_SECONDS, type LocalLambdaSettings } from '../../local/lambda/environment.js';
import {
  APPSYNC_JS,
  byName,
  GRAPHQL_URL_REFERENCE,
  tableReference,
  type ApiView,
  type IndexView,
  type LambdaView,
  type TableView,
} from './api-views.js';

const keySchema = (keys: KeySchemaElement[] = []): string[] => keys.map((key) => `${key.AttributeName} ${key.KeyType}`);

function indexView(index: { IndexName?: string; KeySchema?: KeySchemaElement[]; Projection?: Projection }): IndexView {
  return {
    name: index.IndexName ?? '',
    keySchema: keySchema(index.KeySchema),
    projection: index.Projection?.ProjectionType ?? '',
    nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [],
  };
}

/** The tables as DynamoDB Local holds them after the local runtime created them under `prefix`. */
export async function localTables(client: DynamoDBClient, definition: ApiDefinition, physicalName: (logicalName: string) => string): Promise<TableView[]> {
  const views: TableView[] = [];
  for (const { name } of definition.tables) {
    const table = (await client.send(new DescribeTableCommand({ TableName: physicalName(name) }))).Table;
    const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: physicalName(name) }))).TimeToLiveDescription;
    views.push({
      name,
      keySchema: keySchema(table?.KeySchema),
      attributes: (table?.AttributeDefinitions ?? []).map((attribute) => `${attribute.AttributeName} ${attribute.AttributeType}`).sort(),
      billingMode: table?.BillingModeSummary?.BillingMode ?? '',
      globalIndexes: byName((table?.GlobalSecondaryIndexes ?? []).map(indexView)),
      localIndexes: byName((table?.LocalSecondaryIndexes ?? []).map(indexView)),
      stream: table?.StreamSpecification?.StreamEnabled ? (table.StreamSpecification.StreamViewType ?? '') : null,
      timeToLiveAttribute: ttl?.TimeToLiveStatus === 'ENABLED' ? (ttl.AttributeName ?? '') : null,
    });
  }
  return byName(views);
}

/** Resolver bundles as the local engine gets them, by definition code path. */
export async function localResolverCode(definition: ApiDefinition, options: { projectRoot: string; bundleDir: string }): Promise<Map<string, Buffer>> {
  const bundles = await bundleResolvers(codeFilesOf(definition), options);
  const code = new Map<string, Buffer>();
  for (const [file, bundle] of bundles) code.set(file, await readFile(bundle));
  return code;
}

/** Data sources, pipeline functions and resolvers as the local engine binds them (`build-engine.ts`). */
export function localApi(definition: ApiDefinition, code: ReadonlyMap<string, Buffer>): ApiView {
  const codeOf = (file: string): Buffer => {
    const bundle = code.get(file);
    if (!bundle) throw new Error(`no local bundle for ${file}`);
    return bundle;
  };
  return {
    dataSources: byName(
      definition.dataSources.map((dataSource) => ({
        name: dataSource.name,
        type: dataSource.type,
        target:
          dataSource.type === 'AMAZON_DYNAMODB' ? dataSource.table : dataSource.type === 'AWS_LAMBDA' ? dataSource.function : dataSource.type === 'HTTP' ? dataSource.endpoint : null,
      })),
    ),
    pipelineFunctions: byName(definition.functions.map((fn) => ({ name: fn.name, dataSource: fn.dataSource, runtime: APPSYNC_JS, code: codeOf(fn.code) }))),
    resolvers: definition.resolvers
      .map((resolver) => ({
        field: `${resolver.typeName}.${resolver.fieldName}`,
        kind: resolver.kind,
        dataSource: resolver.kind === 'UNIT' ? resolver.dataSource : null,
        functions: resolver.kind === 'PIPELINE' ? resolver.functions : null,
        runtime: resolver.code === undefined ? null : APPSYNC_JS,
        code: resolver.code === undefined ? null : codeOf(resolver.code),
        maxBatchSize: resolver.kind === 'UNIT' ? (resolver.maxBatchSize ?? null) : null,
      }))
      .sort((a, b) => a.field.localeCompare(b.field)),
  };
}

/** References rendered the way `template-views.ts` renders the template's. */
const REFERENCE_SETTINGS: LocalLambdaSettings = {
  tableName: tableReference,
  graphqlUrl: () => GRAPHQL_URL_REFERENCE,
  dynamodbEndpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accountId: '123456789012',
  credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
};

/**
 * The local Lambda runtime starts every function with `--enable-source-maps`
 * (`local/lambda/execution-environment.ts`); deployed, `NODE_OPTIONS` says the same.
 */
const SOURCE_MAPS = { NODE_OPTIONS: '--enable-source-maps' };

async function lambdaView(fn: LambdaFunctionDefinition, bundleDir: string): Promise<LambdaView> {
  const environment = buildFunctionEnvironment(fn, REFERENCE_SETTINGS, { taskRoot: lambdaBundleDir(bundleDir, fn.name), logStreamName: 'unused' });
  const configured = Object.fromEntries(Object.keys(fn.environment ?? {}).map((key) => [key, environment[key] ?? '']));
  return {
    name: fn.name,
    handler: environment._HANDLER ?? '',
    memorySize: Number(environment.AWS_LAMBDA_FUNCTION_MEMORY_SIZE),
    timeoutSeconds: fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    environment: { ...SOURCE_MAPS, ...configured },
    files: (await readdir(lambdaBundleDir(bundleDir, fn.name))).sort(),
    code: await readFile(lambdaBundleFile(bundleDir, fn.name)),
  };
}

/** The Lambda functions as the local Lambda runtime runs them, bundled into `bundleDir`. */
export async function localLambdaFunctions(definition: ApiDefinition, options: { projectRoot: string; bundleDir: string }): Promise<LambdaView[]> {
  await bundleLambdaFunctions(definition.lambdaFunctions, options);
  return byName(await Promise.all(definition.lambdaFunctions.map((fn) => lambdaView(fn, options.bundleDir))));
}
