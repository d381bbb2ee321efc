/**
 * The API definition format: the API as AppSync sees it, as plain typed data.
 *
 * One value of `ApiDefinition` (the app's lives in `infra/definition.ts`) feeds both targets:
 * the CDK stack (`infra/stack.ts`) and the local AppSync runtime (`local/`). Paths are relative
 * to the project root. Names (`name` fields) are logical names used to cross-reference entries;
 * the physical names (table names, function names) are decided by each target.
 */

/** AppSync's authorization types, spelled as AppSync spells them. */
export type AuthType =
  | 'API_KEY'
  | 'AMAZON_COGNITO_USER_POOLS'
  | 'OPENID_CONNECT'
  | 'AWS_IAM'
  | 'AWS_LAMBDA';

export interface ApiKeyAuthConfig {
  type: 'API_KEY';
  /** Lifetime of the generated keys in days (AppSync: 1..365, default 7). */
  expiresInDays?: number;
}

export interface UserPoolAuthConfig {
  type: 'AMAZON_COGNITO_USER_POOLS';
  /** Only for the default mode: ALLOW lets a valid token reach fields without directives. */
  defaultAction?: 'ALLOW' | 'DENY';
  /** Regular expression the token's client id must match (AppSync `appIdClientRegex`). */
  appIdClientRegex?: string;
}

export interface OidcAuthConfig {
  type: 'OPENID_CONNECT';
  issuer: string;
  clientId?: string;
  /** Milliseconds a token is accepted after `auth_time` (0 = no limit). */
  authTTL?: number;
  /** Milliseconds a token is accepted after `iat` (0 = no limit). */
  iatTTL?: number;
}

export interface IamAuthConfig {
  type: 'AWS_IAM';
}

export interface LambdaAuthConfig {
  type: 'AWS_LAMBDA';
  /** Name of an entry of `lambdaFunctions`. */
  function: string;
  /** Seconds an authorizer answer is cached (AppSync default 300, max 3600). */
  resultsCacheTtlSeconds?: number;
  /** Regular expression a token must match before the authorizer is called. */
  identityValidationExpression?: string;
}

export type AuthModeConfig =
  | ApiKeyAuthConfig
  | UserPoolAuthConfig
  | OidcAuthConfig
  | IamAuthConfig
  | LambdaAuthConfig;

export interface AuthenticationConfig {
  default: AuthModeConfig;
  additional?: AuthModeConfig[];
}

export type KeyAttributeType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyAttributeType;
}

export type IndexProjection = 'ALL' | 'KEYS_ONLY' | { include: string[] };

export interface GlobalSecondaryIndex {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Default 'ALL'. */
  projection?: IndexProjection;
}

export interface LocalSecondaryIndex {
  indexName: string;
  sortKey: KeyAttribute;
  /** Default 'ALL'. */
  projection?: IndexProjection;
}

export type StreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';

export interface TableDefinition {
  /** Logical name, referenced by data sources and Lambda environments. */
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes?: GlobalSecondaryIndex[];
  localSecondaryIndexes?: LocalSecondaryIndex[];
  timeToLiveAttribute?: string;
  stream?: StreamViewType;
}

export interface DynamoDbDataSource {
  name: string;
  type: 'AMAZON_DYNAMODB';
  /** Name of an entry of `tables`. */
  table: string;
}

export interface LambdaDataSource {
  name: string;
  type: 'AWS_LAMBDA';
  /** Name of an entry of `lambdaFunctions`. */
  function: string;
}

export interface NoneDataSource {
  name: string;
  type: 'NONE';
}

export interface HttpDataSource {
  name: string;
  type: 'HTTP';
  /** Base URL, e.g. `https://api.example.com`; request `resourcePath`s are appended. */
  endpoint: string;
}

export type DataSourceDefinition =
  | DynamoDbDataSource
  | LambdaDataSource
  | NoneDataSource
  | HttpDataSource;

export type DataSourceType = DataSourceDefinition['type'];

/**
 * A Lambda environment value: a literal, or a reference each target resolves to its own value
 * (the physical table name, the API's GraphQL URL).
 */
export type EnvironmentValue = string | { tableName: string } | { graphqlUrl: true };

export interface TableGrant {
  /** Name of an entry of `tables`. */
  table: string;
  access: 'read' | 'readWrite';
}

export interface LambdaFunctionDefinition {
  /** Logical name, referenced by data sources and the Lambda auth mode. */
  name: string;
  /** Handler source file (TypeScript), bundled by the build step. */
  entry: string;
  /** Exported handler name. Default `handler`. */
  handler?: string;
  environment?: Record<string, EnvironmentValue>;
  /** Seconds. Default 10. */
  timeoutSeconds?: number;
  /** MB. Default 512. */
  memorySize?: number;
  /** Tables the function touches, for least-privilege grants. */
  tables?: TableGrant[];
  /** True when the function calls the GraphQL API with SigV4 (IAM auth). */
  callsApi?: boolean;
}

export interface PipelineFunctionDefinition {
  name: string;
  /** Name of an entry of `dataSources`. */
  dataSource: string;
  /** APPSYNC_JS source file (`resolvers/**.ts`). */
  code: string;
}

export interface UnitResolverDefinition {
  kind: 'UNIT';
  typeName: string;
  fieldName: string;
  dataSource: string;
  /** APPSYNC_JS source file. Absent only for a direct Lambda resolver. */
  code?: string;
  /** Lambda data sources only: batch size for BatchInvoke (0..2000). */
  maxBatchSize?: number;
}

export interface PipelineResolverDefinition {
  kind: 'PIPELINE';
  typeName: string;
  fieldName: string;
  /** APPSYNC_JS source file with the before (`request`) and after (`response`) handlers. */
  code: string;
  /** Names of entries of `functions`, in order (at most 10). */
  functions: string[];
}

export type ResolverDefinition = UnitResolverDefinition | PipelineResolverDefinition;

export interface ApiLimits {
  /** 0 or absent = no limit; otherwise 1..75. */
  queryDepthLimit?: number;
  /** 0 or absent = 10,000; otherwise 1..10,000. */
  resolverCountLimit?: number;
  introspection?: 'ENABLED' | 'DISABLED';
}

export interface ApiDefinition {
  name: string;
  /** SDL files of the API (not including `schema/appsync.graphql`, which the runtime adds). */
  schemaFiles: string[];
  authentication: AuthenticationConfig;
  /** GraphQL API environment variables (`ctx.env`). */
  environmentVariables?: Record<string, string>;
  tables: TableDefinition[];
  dataSources: DataSourceDefinition[];
  lambdaFunctions: LambdaFunctionDefinition[];
  functions: PipelineFunctionDefinition[];
  resolvers: ResolverDefinition[];
  limits?: ApiLimits;
}
