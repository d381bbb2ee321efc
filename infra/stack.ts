/**
 * The API of an `ApiDefinition` on AWS: what `local/` runs on one machine, deployed. Every part comes
 * from the definition (nothing here names a table, a field or a function of the app) and from the
 * bundles the build step wrote; each module of `infra/` turns one section of the definition into
 * constructs, in dependency order: tables → Lambda functions → user pool → API (schema, auth modes,
 * logging, tracing, limits) → data sources → pipeline functions → resolvers → outputs.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import { Definition, GraphqlApi, IntrospectionConfig } from 'aws-cdk-lib/aws-appsync';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { ApiDefinition, ApiLimits } from '../local/definition/types.js';
import { ApiLogging } from './api-logging.js';
import { authModesOf, authorizationConfig, usesAuthType } from './auth-modes.js';
import type { BuiltBundles } from './bundles.js';
import { createDataSources } from './data-sources.js';
import { connectFunctionsToApi, createLambdaFunctions } from './lambda-functions.js';
import { createOutputs } from './outputs.js';
import { required } from './required.js';
import { createPipelineFunctions, createResolvers } from './resolvers.js';
import { schemaFromFiles } from './schema.js';
import type { StageSettings } from './stage.js';
import { createTables, type DeployedTable } from './tables.js';
import { ApiUserPool } from './user-pool.js';

export interface LiveboardStackProps extends StackProps {
  definition: ApiDefinition;
  /** Definition paths (schema files) are relative to it. */
  projectRoot: string;
  stage: StageSettings;
  /** The build step's output for this definition (see `bundles.ts`). */
  bundles: BuiltBundles;
}

/** `<api name>-<stage>`: the stack's, the API's and the user pool's names. */
export function deploymentName(definition: ApiDefinition, stage: StageSettings): string {
  return `${definition.name}-${stage.name}`;
}

/** AppSync's limits and introspection setting; absent values keep AppSync's defaults, as locally. */
function limitProps(limits: ApiLimits = {}) {
  return {
    ...(limits.queryDepthLimit === undefined ? {} : { queryDepthLimit: limits.queryDepthLimit }),
    ...(limits.resolverCountLimit === undefined ? {} : { resolverCountLimit: limits.resolverCountLimit }),
    ...(limits.introspection === undefined ? {} : { introspectionConfig: IntrospectionConfig[limits.introspection] }),
  };
}

/**
 * The API's environment variables (`ctx.env`). A value that is a logical table name stands for that
 * table, as it does for the local DynamoDB data source (which maps logical names in requests to the
 * physical table, `local/dynamodb/tables.ts` `tableNameResolver`): AppSync has no such mapping, so the
 * deployed value is the deployed table's name. Every other value is deployed as written.
 */
function apiEnvironment(environment: Record<string, string>, tables: ReadonlyMap<string, DeployedTable>): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, tables.get(value)?.table.tableName ?? value]));
}

export class LiveboardStack extends Stack {
  readonly api: GraphqlApi;
  /** By the definition's logical names. */
  readonly tables: ReadonlyMap<string, DeployedTable>;
  readonly lambdaFunctions: ReadonlyMap<string, LambdaFunction>;
  readonly userPool: ApiUserPool | undefined;
  readonly apiLogging: ApiLogging;

  constructor(scope: Construct, id: string, props: LiveboardStackProps) {
    super(scope, id, props);
    const { definition, stage, bundles } = props;
    const name = deploymentName(definition, stage);

    this.tables = createTables(this, definition.tables, stage);
    const lambdaFunctions = createLambdaFunctions(this, { functions: definition.lambdaFunctions, tables: this.tables, bundleDir: bundles.lambdaBundleDir, stage });
    this.lambdaFunctions = lambdaFunctions;
    this.userPool = usesAuthType(definition.authentication, 'AMAZON_COGNITO_USER_POOLS') ? new ApiUserPool(this, 'UserPool', { apiName: name, stage }) : undefined;

    this.api = new GraphqlApi(this, 'Api', {
      name,
      definition: Definition.fromSchema(schemaFromFiles(definition.schemaFiles, props.projectRoot)),
      authorizationConfig: authorizationConfig(definition.authentication, {
        ...(this.userPool ? { userPool: this.userPool.userPool } : {}),
        lambdaFunction: (functionName) => required(lambdaFunctions.get(functionName), `function ${functionName}`),
      }),
      xrayEnabled: true,
      ...limitProps(definition.limits),
      ...(definition.environmentVariables ? { environmentVariables: apiEnvironment(definition.environmentVariables, this.tables) } : {}),
    });
    this.apiLogging = new ApiLogging(this, 'ApiLogging', { api: this.api, stage });
    const authorizers = new Set(authModesOf(definition.authentication).flatMap((mode) => (mode.type === 'AWS_LAMBDA' ? [mode.function] : [])));
    connectFunctionsToApi(this.api, definition.lambdaFunctions, lambdaFunctions, authorizers);

    const dataSources = createDataSources(this.api, definition.dataSources, { tables: this.tables, lambdaFunctions });
    const codeResources = { dataSources, bundleOf: bundles.resolverBundle };
    const pipelineFunctions = createPipelineFunctions(this.api, definition.functions, codeResources);
    createResolvers(this.api, definition.resolvers, pipelineFunctions, codeResources);

    createOutputs(this, this.api, this.userPool);
  }
}
