/**
 * One plain shape for "what an API registers", filled once from the local runtime's side
 * (`local-views.ts`) and once from a synthesized template (`template-views.ts`), so that the parity
 * test compares whole values. Lists are sorted by name; absent settings are `null`.
 */

export interface IndexView {
  name: string;
  /** `['owner HASH', 'createdAt RANGE']`. */
  keySchema: string[];
  projection: string;
  nonKeyAttributes: string[];
}

export interface TableView {
  name: string;
  keySchema: string[];
  /** `['PK S', ...]`, sorted. */
  attributes: string[];
  billingMode: string;
  globalIndexes: IndexView[];
  localIndexes: IndexView[];
  stream: string | null;
  timeToLiveAttribute: string | null;
}

export interface DataSourceView {
  name: string;
  type: string;
  /** Logical table name (DynamoDB), function name (Lambda), endpoint (HTTP); null for NONE. */
  target: string | null;
}

export interface PipelineFunctionView {
  name: string;
  dataSource: string;
  runtime: string;
  code: Buffer;
}

export interface ResolverView {
  /** `Type.field`. */
  field: string;
  kind: 'UNIT' | 'PIPELINE';
  dataSource: string | null;
  functions: string[] | null;
  runtime: string | null;
  code: Buffer | null;
  maxBatchSize: number | null;
}

export interface LambdaView {
  name: string;
  handler: string;
  memorySize: number;
  timeoutSeconds: number;
  /** References shown as `<table Items>` and `<graphql url>`. */
  environment: Record<string, string>;
  /** The files of the deployed folder, and the module Lambda loads. */
  files: string[];
  code: Buffer;
}

export interface ApiView {
  dataSources: DataSourceView[];
  pipelineFunctions: PipelineFunctionView[];
  resolvers: ResolverView[];
}

export const APPSYNC_JS = 'APPSYNC_JS 1.0.0';

/** How both views spell environment references. */
export const tableReference = (logicalName: string): string => `<table ${logicalName}>`;
export const GRAPHQL_URL_REFERENCE = '<graphql url>';

export function byName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}
