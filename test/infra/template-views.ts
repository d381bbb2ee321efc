/**
 * What a synthesized CloudFormation template registers, in the shapes of `api-views.ts`, plus the
 * helpers the infra tests use to read templates: resources by type, intrinsic values rendered as
 * readable strings (`${table:Items.Arn}`), IAM statements by principal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import type { LiveboardStack } from '../../infra/stack.js';
import {
  byName,
  GRAPHQL_URL_REFERENCE,
  tableReference,
  type ApiView,
  type IndexView,
  type LambdaView,
  type ResolverView,
  type TableView,
} from './api-views.js';

/** Template JSON: properties are whatever each resource type defines. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

/** The definition's names of the stack's tables and functions, and a readable label for the stack's other key resources, by logical id. */
export interface LogicalNames {
  tables: Map<string, string>;
  functions: Map<string, string>;
  /** `api`, `table:<name>`, `function:<name>`, `userPool`, `userPoolClient`, `apiLogs`, `apiLogsRole`. */
  labels: Map<string, string>;
}

export function logicalNamesOf(stack: LiveboardStack): LogicalNames {
  const logicalId = (construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const tables = new Map([...stack.tables].map(([name, { table }]) => [logicalId(table), name]));
  const functions = new Map([...stack.lambdaFunctions].map(([name, fn]) => [logicalId(fn), name]));
  const labels = new Map<string, string>([
    [logicalId(stack.api), 'api'],
    [logicalId(stack.apiLogging.logGroup), 'apiLogs'],
    [logicalId(stack.apiLogging.role), 'apiLogsRole'],
    ...[...tables].map(([id, name]): [string, string] => [id, `table:${name}`]),
    ...[...functions].map(([id, name]): [string, string] => [id, `function:${name}`]),
    ...(stack.userPool
      ? ([
          [logicalId(stack.userPool.userPool), 'userPool'],
          [logicalId(stack.userPool.client), 'userPoolClient'],
        ] as Array<[string, string]>)
      : []),
  ]);
  return { tables, functions, labels };
}

export function resourcesOfType(template: CfnTemplate, type: string): Array<[string, CfnResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

const label = (logicalId: string, names: LogicalNames): string => names.labels.get(logicalId) ?? logicalId;

/** An intrinsic value as a readable string: `${table:Items}`, `${function:notifier.Arn}`, joins joined. */
export function render(value: unknown, names: LogicalNames): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) {
    const intrinsic = value as Record<string, unknown>;
    if (typeof intrinsic.Ref === 'string') return `\${${label(intrinsic.Ref, names)}}`;
    const getAtt = intrinsic['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `\${${label(String(getAtt[0]), names)}.${String(getAtt[1])}}`;
    const join = intrinsic['Fn::Join'];
    if (Array.isArray(join)) return (join[1] as unknown[]).map((part) => render(part, names)).join(String(join[0]));
  }
  return JSON.stringify(value);
}

/** A template value with every intrinsic rendered (see `render`), for whole-object comparisons. */
export function renderDeep(value: unknown, names: LogicalNames): unknown {
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, names));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::'))) return render(value, names);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderDeep(item, names)]));
}

interface CfnIndex {
  IndexName: string;
  KeySchema: Array<{ AttributeName: string; KeyType: string }>;
  Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
}

const keySchema = (keys: CfnIndex['KeySchema'] = []): string[] => keys.map((key) => `${key.AttributeName} ${key.KeyType}`);

function indexView(index: CfnIndex): IndexView {
  return { name: index.IndexName, keySchema: keySchema(index.KeySchema), projection: index.Projection.ProjectionType, nonKeyAttributes: index.Projection.NonKeyAttributes ?? [] };
}

export function templateTables(template: CfnTemplate, names: LogicalNames): TableView[] {
  return byName(
    resourcesOfType(template, 'AWS::DynamoDB::Table').map(([id, { Properties: table = {} }]) => ({
      name: names.tables.get(id) ?? `<unknown ${id}>`,
      keySchema: keySchema(table.KeySchema),
      attributes: (table.AttributeDefinitions as Array<{ AttributeName: string; AttributeType: string }>).map((a) => `${a.AttributeName} ${a.AttributeType}`).sort(),
      billingMode: table.BillingMode ?? 'PROVISIONED',
      globalIndexes: byName(((table.GlobalSecondaryIndexes ?? []) as CfnIndex[]).map(indexView)),
      localIndexes: byName(((table.LocalSecondaryIndexes ?? []) as CfnIndex[]).map(indexView)),
      stream: table.StreamSpecification?.StreamViewType ?? null,
      timeToLiveAttribute: table.TimeToLiveSpecification?.Enabled ? table.TimeToLiveSpecification.AttributeName : null,
    })),
  );
}

function runtimeOf(properties: Record<string, { Name: string; RuntimeVersion: string } | undefined>): string | null {
  return properties.Runtime ? `${properties.Runtime.Name} ${properties.Runtime.RuntimeVersion}` : null;
}

/** Inline code as bytes (UTF-8, as CloudFormation sends it); an S3 location is not inline code. */
function codeOf(properties: Record<string, unknown>): Buffer | null {
  return typeof properties.Code === 'string' ? Buffer.from(properties.Code, 'utf8') : null;
}

export function templateApi(template: CfnTemplate, names: LogicalNames): ApiView {
  const functionNames = new Map(resourcesOfType(template, 'AWS::AppSync::FunctionConfiguration').map(([id, fn]) => [id, String(fn.Properties?.Name)]));
  const target = (properties: Record<string, any>): string | null => {
    if (properties.DynamoDBConfig) return render(properties.DynamoDBConfig.TableName, names).replace(/^\$\{table:(.*)\}$/, '$1');
    if (properties.LambdaConfig) return render(properties.LambdaConfig.LambdaFunctionArn, names).replace(/^\$\{function:(.*)\.Arn\}$/, '$1');
    if (properties.HttpConfig) return render(properties.HttpConfig.Endpoint, names);
    return null;
  };
  return {
    dataSources: byName(
      resourcesOfType(template, 'AWS::AppSync::DataSource').map(([, { Properties: ds = {} }]) => ({ name: ds.Name, type: ds.Type, target: target(ds) })),
    ),
    pipelineFunctions: byName(
      resourcesOfType(template, 'AWS::AppSync::FunctionConfiguration').map(([, { Properties: fn = {} }]) => ({
        name: fn.Name,
        dataSource: fn.DataSourceName,
        runtime: runtimeOf(fn) ?? '<none>',
        code: codeOf(fn) ?? Buffer.from('<not inline>'),
      })),
    ),
    resolvers: resourcesOfType(template, 'AWS::AppSync::Resolver')
      .map(([, { Properties: resolver = {} }]): ResolverView => ({
        field: `${resolver.TypeName}.${resolver.FieldName}`,
        kind: resolver.Kind,
        dataSource: resolver.DataSourceName ?? null,
        functions: resolver.PipelineConfig
          ? (resolver.PipelineConfig.Functions as Array<{ 'Fn::GetAtt': [string, string] }>).map((ref) => functionNames.get(ref['Fn::GetAtt'][0]) ?? render(ref, names))
          : null,
        runtime: runtimeOf(resolver),
        code: codeOf(resolver),
        maxBatchSize: resolver.MaxBatchSize ?? null,
      }))
      .sort((a, b) => a.field.localeCompare(b.field)),
  };
}

/** The folder `cdk.out` holds for an asset uploaded as `<hash>.zip`. */
function assetDir(assemblyDir: string, s3Key: string): string {
  return join(assemblyDir, `asset.${s3Key.replace(/\.zip$/, '')}`);
}

export function templateLambdaFunctions(template: CfnTemplate, names: LogicalNames, assemblyDir: string): LambdaView[] {
  const environmentValue = (value: unknown): string => {
    const rendered = render(value, names);
    if (rendered === '${api.GraphQLUrl}') return GRAPHQL_URL_REFERENCE;
    const table = /^\$\{table:(.*)\}$/.exec(rendered);
    return table ? tableReference(table[1] ?? '') : rendered;
  };
  return byName(
    resourcesOfType(template, 'AWS::Lambda::Function').map(([id, { Properties: fn = {} }]) => {
      const dir = assetDir(assemblyDir, fn.Code.S3Key);
      return {
        name: names.functions.get(id) ?? `<unknown ${id}>`,
        handler: fn.Handler,
        memorySize: fn.MemorySize,
        timeoutSeconds: fn.Timeout,
        environment: Object.fromEntries(Object.entries((fn.Environment?.Variables ?? {}) as Record<string, unknown>).map(([key, value]) => [key, environmentValue(value)])),
        files: readdirSync(dir).sort(),
        code: readFileSync(join(dir, 'index.mjs')),
      };
    }),
  );
}

export interface IamStatementView {
  /** `function:<name>`, `dataSource:<name>`, or the role's logical id. */
  principal: string;
  actions: string[];
  resources: string[];
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every Allow statement of the template's IAM policies, by the principal whose role it is attached to. */
export function iamStatements(template: CfnTemplate, names: LogicalNames): IamStatementView[] {
  const principals = new Map<string, string>();
  for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) principals.set(fn.Properties?.Role['Fn::GetAtt'][0], `function:${names.functions.get(id) ?? id}`);
  for (const [, ds] of resourcesOfType(template, 'AWS::AppSync::DataSource')) {
    if (ds.Properties?.ServiceRoleArn) principals.set(ds.Properties.ServiceRoleArn['Fn::GetAtt'][0], `dataSource:${ds.Properties.Name}`);
  }
  return resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, policy]) =>
    (policy.Properties?.Roles as Array<{ Ref: string }>).flatMap((role) =>
      (policy.Properties?.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>).map((statement) => ({
        principal: principals.get(role.Ref) ?? role.Ref,
        actions: asList(statement.Action),
        resources: asList(statement.Resource).map((resource) => render(resource, names)),
      })),
    ),
  );
}
