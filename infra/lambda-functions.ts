/**
 * The definition's Lambda functions as deployed.
 *
 * Code: `lambda.Function` with `Code.fromAsset(dist/functions/<name>)`, the folder the build step
 * (`local/build/lambdas.ts`) writes and the local Lambda runtime runs. The issue suggested
 * `NodejsFunction`; it would bundle each entry a second time with its own esbuild options, so what is
 * tested locally would not be what is deployed. Uploading the very bundle keeps them byte-identical
 * (the infra parity test compares them).
 *
 * Runtime: Node.js 22 on arm64 (the bundles target node20, so one bundle runs in both places; Lambda's
 * nodejs20.x is deprecated). Handler, timeout, memory and environment come from the definition with the
 * local runtime's defaults; permissions are exactly the definition's `tables` grants (by table and
 * index ARN) and, with `callsApi`, `appsync:GraphQL` on this API. Logs go to the function's own log
 * group, of the stage's retention; X-Ray traces connect to the API's.
 */
import { Duration } from 'aws-cdk-lib';
import { IamResource, type GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentValue, LambdaFunctionDefinition } from '../local/definition/types.js';
import { DEFAULT_HANDLER, DEFAULT_MEMORY_SIZE_MB, DEFAULT_TIMEOUT_SECONDS } from '../local/lambda/environment.js';
import { required } from './required.js';
import type { StageSettings } from './stage.js';
import { tableAccessStatements } from './table-access.js';
import type { DeployedTable } from './tables.js';

const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
const LAMBDA_ARCHITECTURE = Architecture.ARM_64;

export interface LambdaFunctionsProps {
  functions: readonly LambdaFunctionDefinition[];
  tables: ReadonlyMap<string, DeployedTable>;
  /** The build step's output folder of a function (holding `index.mjs`). */
  bundleDir(functionName: string): string;
  stage: StageSettings;
}

function functionConstructId(fn: LambdaFunctionDefinition): string {
  return `${fn.name}Function`;
}

/**
 * The environment values known before the API exists (literals, table names). `{ graphqlUrl: true }`
 * values are added by `connectFunctionsToApi`, as the API may itself depend on a function (authorizer).
 */
function initialEnvironment(fn: LambdaFunctionDefinition, tables: ReadonlyMap<string, DeployedTable>): Record<string, string> {
  const environment: Record<string, string> = {
    // The local runtime runs functions with --enable-source-maps: same stack traces in both places.
    NODE_OPTIONS: '--enable-source-maps',
  };
  for (const [key, value] of Object.entries(fn.environment ?? {})) {
    if (typeof value === 'string') environment[key] = value;
    else if ('tableName' in value) environment[key] = required(tables.get(value.tableName), `table ${value.tableName}`).table.tableName;
  }
  return environment;
}

function createFunction(scope: Construct, fn: LambdaFunctionDefinition, props: LambdaFunctionsProps): LambdaFunction {
  const id = functionConstructId(fn);
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.stage.logRetention, removalPolicy: props.stage.removalPolicy });
  // Its own role, writing to its own log group only (CDK's default role gets AWSLambdaBasicExecutionRole: every log group).
  const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Lambda function ${fn.name}` });
  logGroup.grantWrite(role);
  const deployed = new LambdaFunction(scope, id, {
    role,
    code: Code.fromAsset(props.bundleDir(fn.name)),
    handler: `index.${fn.handler ?? DEFAULT_HANDLER}`,
    runtime: LAMBDA_RUNTIME,
    architecture: LAMBDA_ARCHITECTURE,
    timeout: Duration.seconds(fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
    memorySize: fn.memorySize ?? DEFAULT_MEMORY_SIZE_MB,
    environment: initialEnvironment(fn, props.tables),
    tracing: Tracing.ACTIVE,
    logGroup,
    description: `${fn.name} (${fn.entry})`,
  });
  for (const grant of fn.tables ?? []) {
    const { table, definition } = required(props.tables.get(grant.table), `table ${grant.table}`);
    for (const statement of tableAccessStatements(table, definition, grant.access)) deployed.addToRolePolicy(statement);
  }
  return deployed;
}

/** Every function of the definition, by logical name. */
export function createLambdaFunctions(scope: Construct, props: LambdaFunctionsProps): Map<string, LambdaFunction> {
  return new Map(props.functions.map((fn) => [fn.name, createFunction(scope, fn, props)]));
}

function graphqlUrlKeys(environment: Record<string, EnvironmentValue> = {}): string[] {
  return Object.entries(environment).flatMap(([key, value]) => (typeof value === 'object' && 'graphqlUrl' in value ? [key] : []));
}

/**
 * What ties functions to the API once it exists: `{ graphqlUrl: true }` environment values and, for
 * `callsApi`, permission to call it with SigV4. A function that is the API's Lambda authorizer can have
 * neither: the API depends on it, so it cannot depend on the API (CloudFormation would refuse the cycle).
 */
export function connectFunctionsToApi(
  api: GraphqlApi,
  functions: readonly LambdaFunctionDefinition[],
  deployed: ReadonlyMap<string, LambdaFunction>,
  authorizers: ReadonlySet<string>,
): void {
  for (const fn of functions) {
    const target = required(deployed.get(fn.name), `function ${fn.name}`);
    const urlKeys = graphqlUrlKeys(fn.environment);
    if (authorizers.has(fn.name) && (urlKeys.length > 0 || fn.callsApi)) {
      throw new Error(
        `Lambda function '${fn.name}' is the API's authorizer, so it cannot receive the API's URL or permission to call the API (the API depends on it).`,
      );
    }
    for (const key of urlKeys) target.addEnvironment(key, api.graphqlUrl);
    // Server-side callers may call any field the schema opens to IAM (@aws_iam), as locally.
    if (fn.callsApi) api.grant(target, IamResource.all(), 'appsync:GraphQL');
  }
}
