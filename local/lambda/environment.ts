/**
 * The process environment of a local Lambda execution environment: the function's configured
 * variables (with `EnvironmentValue` references resolved) plus the variables the Lambda service sets
 * itself, pointed at local services. Built from scratch (nothing inherited from the server's own
 * environment but `PATH`), as a Lambda function sees only what Lambda gives it.
 */
import type { EnvironmentValue, LambdaFunctionDefinition } from '../definition/types.js';

/** Where a function's references and AWS clients point locally. */
export interface LocalLambdaSettings {
  /** Physical table name of a table of the definition (`{ tableName }` references). */
  tableName(logicalName: string): string;
  /** The local GraphQL URL (`{ graphqlUrl: true }` references); read when an environment starts. */
  graphqlUrl(): string;
  /** DynamoDB Local, given to the AWS SDK as `AWS_ENDPOINT_URL_DYNAMODB`. */
  dynamodbEndpoint: string;
  region: string;
  accountId: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** Lambda's defaults for the settings a definition may omit (Lambda itself defaults to 3 s and 128 MB; the definition format chose these). */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MEMORY_SIZE_MB = 512;
export const DEFAULT_HANDLER = 'handler';

export function resolveEnvironmentValue(value: EnvironmentValue, settings: LocalLambdaSettings): string {
  if (typeof value === 'string') return value;
  if ('tableName' in value) return settings.tableName(value.tableName);
  return settings.graphqlUrl();
}

/**
 * The environment of one execution environment of `fn`, whose bundle lives in `taskRoot`.
 * Reserved names follow Lambda's "Defined runtime environment variables" list; `TZ=:UTC` and
 * `LANG` are Lambda's values.
 */
export function buildFunctionEnvironment(
  fn: LambdaFunctionDefinition,
  settings: LocalLambdaSettings,
  execution: { taskRoot: string; logStreamName: string },
): Record<string, string> {
  const configured: Record<string, string> = {};
  for (const [key, value] of Object.entries(fn.environment ?? {})) {
    configured[key] = resolveEnvironmentValue(value, settings);
  }
  const { credentials } = settings;
  return {
    ...configured,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    _HANDLER: `index.${fn.handler ?? DEFAULT_HANDLER}`,
    LAMBDA_TASK_ROOT: execution.taskRoot,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize ?? DEFAULT_MEMORY_SIZE_MB),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: execution.logStreamName,
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: credentials.sessionToken }),
    // Local only: the SDK reaches DynamoDB Local, and stays quiet about Node 20 (deployed: Node 22).
    AWS_ENDPOINT_URL_DYNAMODB: settings.dynamodbEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export function functionArn(functionName: string, settings: LocalLambdaSettings): string {
  return `arn:aws:lambda:${settings.region}:${settings.accountId}:function:${functionName}`;
}
