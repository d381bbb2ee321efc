/**
 * The CDK stack (`infra/`) against the local runtime, from the same definitions: the app's
 * (`infra/definition.ts`) and the infra fixture's, which uses every kind of entry. One synthesis serves
 * the whole file (see `synthesis.ts`).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModesOf } from '../../infra/auth-modes.js';
import { OUTPUT_NAMES } from '../../infra/outputs.js';
import { STAGE_NAMES } from '../../infra/stage.js';
import type { ApiDefinition, TableDefinition, TableGrant } from '../../local/definition/types.js';
import { buildAppSyncSchema, loadSchemaFiles, readAppSyncPrelude } from '../../local/engine/index.js';
import { createSuiteTables, type SuiteTables } from '../support/tables.js';
import { localApi, localLambdaFunctions, localResolverCode, localTables } from './local-views.js';
import { synthesize, type Synthesis, type SynthesizedStack } from './synthesis.js';
import { iamStatements, render, renderDeep, resourcesOfType, templateApi, templateLambdaFunctions, templateTables, type IamStatementView } from './template-views.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE_DEFINITION = 'test/fixtures/infra/definition.ts';
const APP_DEFINITION = 'infra/definition.ts';
const DEFINITIONS = [APP_DEFINITION, FIXTURE_DEFINITION];

let synthesis: Synthesis;

beforeAll(async () => {
  synthesis = await synthesize(PROJECT_ROOT, DEFINITIONS, STAGE_NAMES);
});

afterAll(async () => {
  await synthesis?.close();
});

const dev = (definitionFile: string): SynthesizedStack => synthesis.stack(definitionFile, 'dev');
const prod = (definitionFile: string): SynthesizedStack => synthesis.stack(definitionFile, 'prod');

/** The single resource of a type, as [logical id, properties]. */
function single(synthesized: SynthesizedStack, type: string): [string, Record<string, unknown>] {
  const found = resourcesOfType(synthesized.json, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return [id, resource.Properties ?? {}];
}

const READ_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const WRITE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
/** X-Ray's trace-writing actions have no resource-level permissions: `*` is their only resource. */
const XRAY_ACTIONS = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

/** The DynamoDB statements a principal should have for one table: the table, then its indexes (read through Query/Scan). */
function expectedTableGrant(principal: string, table: TableDefinition, access: TableGrant['access']): IamStatementView[] {
  const indexes = [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])].map((index) => index.indexName);
  return [
    { principal, actions: access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS].sort(), resources: [`\${table:${table.name}.Arn}`] },
    ...(indexes.length === 0
      ? []
      : [
          {
            principal,
            actions: ['dynamodb:Query', 'dynamodb:Scan'],
            resources: indexes.map((index) => `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${table:${table.name}}/index/${index}`),
          },
        ]),
  ];
}

function expectedDynamoDbGrants(definition: ApiDefinition): IamStatementView[] {
  const table = (name: string): TableDefinition => definition.tables.find((entry) => entry.name === name)!;
  return [
    ...definition.lambdaFunctions.flatMap((fn) => (fn.tables ?? []).flatMap((grant) => expectedTableGrant(`function:${fn.name}`, table(grant.table), grant.access))),
    ...definition.dataSources.flatMap((ds) => (ds.type === 'AMAZON_DYNAMODB' ? expectedTableGrant(`dataSource:${ds.name}`, table(ds.table), 'readWrite') : [])),
  ];
}

const normalized = (statements: IamStatementView[]): IamStatementView[] =>
  statements
    .map((statement) => ({ ...statement, actions: [...statement.actions].sort(), resources: [...statement.resources].sort() }))
    .sort((a, b) => `${a.principal} ${a.resources[0]}`.localeCompare(`${b.principal} ${b.resources[0]}`));

describe.each(DEFINITIONS)('%s', (definitionFile) => {
  describe('parity with the local runtime', () => {
    let tables: SuiteTables;

    afterAll(async () => {
      await tables?.drop();
    });

    it('deploys exactly the tables and indexes the local runtime creates', async () => {
      const { definition, json, names } = dev(definitionFile);
      tables = await createSuiteTables('infra', definition.tables);
      expect(templateTables(json, names)).toEqual(await localTables(tables.client, definition, tables.physicalName));
    });

    it('registers exactly the data sources, pipeline functions and resolvers the local engine binds, with the local bundles byte for byte', async () => {
      const { definition, json, names } = dev(definitionFile);
      const code = await localResolverCode(definition, { projectRoot: PROJECT_ROOT, bundleDir: join(synthesis.workDir, 'local', definition.name, 'resolvers') });
      expect(templateApi(json, names)).toEqual(localApi(definition, code));
    });

    it('deploys exactly the Lambda functions the local Lambda runtime runs: same bundle bytes, handler, memory, timeout and environment', async () => {
      const { definition, json, names } = dev(definitionFile);
      const local = await localLambdaFunctions(definition, { projectRoot: PROJECT_ROOT, bundleDir: join(synthesis.workDir, 'local', definition.name, 'functions') });
      expect(templateLambdaFunctions(json, names, synthesis.assemblyDir)).toEqual(local);
    });

    it("deploys the schema the local engine serves, without AppSync's own definitions (schema/appsync.graphql)", async () => {
      const { definition } = dev(definitionFile);
      const [, schema] = single(dev(definitionFile), 'AWS::AppSync::GraphQLSchema');
      const deployed = String(schema.Definition);
      const prelude = await readAppSyncPrelude();
      const preludeNames = new Set(parse(prelude).definitions.flatMap((node) => ('name' in node && node.name ? [node.name.value] : [])));
      const redeclared = parse(deployed).definitions.flatMap((node) => ('name' in node && node.name && preludeNames.has(node.name.value) ? [node.name.value] : []));
      expect({ redeclared, schema: printSchema(buildAppSyncSchema([deployed], prelude)) }).toEqual({
        redeclared: [],
        schema: printSchema(await loadSchemaFiles(definition.schemaFiles.map((file) => resolve(PROJECT_ROOT, file)))),
      });
    });
  });

  describe.each(STAGE_NAMES)('stage %s', (stage) => {
    const synthesized = (): SynthesizedStack => synthesis.stack(definitionFile, stage);
    const retentionDays = stage === 'prod' ? 90 : 7;

    it('gives every table on-demand billing and point-in-time recovery', () => {
      const found = synthesized().template.findResources('AWS::DynamoDB::Table');
      expect(Object.values(found).map((table) => [table.Properties.BillingMode, table.Properties.PointInTimeRecoverySpecification])).toEqual(
        synthesized().definition.tables.map(() => ['PAY_PER_REQUEST', { PointInTimeRecoveryEnabled: true }]),
      );
    });

    it('runs every Lambda function on Node.js 22 / arm64, traced, logging to a log group with the stage retention; no other function', () => {
      const { json, names, definition } = synthesized();
      const functions = resourcesOfType(json, 'AWS::Lambda::Function').map(([id, fn]) => ({
        name: names.functions.get(id) ?? id,
        runtime: fn.Properties?.Runtime,
        architectures: fn.Properties?.Architectures,
        tracing: fn.Properties?.TracingConfig,
        logRetentionDays: json.Resources[fn.Properties?.LoggingConfig.LogGroup.Ref]?.Properties?.RetentionInDays,
      }));
      expect(functions).toEqual(
        definition.lambdaFunctions.map((fn) => ({ name: fn.name, runtime: 'nodejs22.x', architectures: ['arm64'], tracing: { Mode: 'Active' }, logRetentionDays: retentionDays })),
      );
    });

    it("grants each function exactly its definition's table access and each DynamoDB data source its own table, by table and index ARN", () => {
      const { json, names, definition } = synthesized();
      const actual = iamStatements(json, names).filter((statement) => statement.actions.some((action) => action.startsWith('dynamodb:')));
      expect(normalized(actual)).toEqual(normalized(expectedDynamoDbGrants(definition)));
    });

    it('uses no wildcard action, no `*` resource except for X-Ray, no wildcard in a DynamoDB resource, and no managed or inline role policy', () => {
      const { json, names } = synthesized();
      const statements = iamStatements(json, names);
      expect({
        wildcardActions: statements.filter((statement) => statement.actions.some((action) => action.includes('*'))),
        starResources: statements.filter((statement) => statement.resources.includes('*') && !statement.actions.every((action) => XRAY_ACTIONS.includes(action))),
        dynamoDbWildcards: statements.filter(
          (statement) => statement.actions.some((action) => action.startsWith('dynamodb:')) && statement.resources.some((resource) => resource.includes('*')),
        ),
        rolesWithOtherPolicies: resourcesOfType(json, 'AWS::IAM::Role').filter(([, role]) => role.Properties?.ManagedPolicyArns || role.Properties?.Policies),
      }).toEqual({ wildcardActions: [], starResources: [], dynamoDbWildcards: [], rolesWithOtherPolicies: [] });
    });

    it("configures the definition's auth modes, field-level logging into the API's own log group, and X-Ray", () => {
      const { json, names, definition } = synthesized();
      const [, api] = single(synthesized(), 'AWS::AppSync::GraphQLApi');
      const logicalIdOf = (label: string): string => [...names.labels].find(([, value]) => value === label)?.[0] ?? `<no ${label}>`;
      const additional = (api.AdditionalAuthenticationProviders ?? []) as Array<{ AuthenticationType: string }>;
      expect({
        modes: [api.AuthenticationType, ...additional.map((mode) => mode.AuthenticationType)],
        logConfig: renderDeep(api.LogConfig, names),
        xrayEnabled: api.XrayEnabled,
        logGroup: renderDeep(json.Resources[logicalIdOf('apiLogs')]?.Properties, names),
        loggingPermissions: iamStatements(json, names).filter((statement) => statement.principal === logicalIdOf('apiLogsRole')),
      }).toEqual({
        modes: authModesOf(definition.authentication).map((mode) => mode.type),
        logConfig: { CloudWatchLogsRoleArn: '${apiLogsRole.Arn}', FieldLogLevel: stage === 'prod' ? 'ERROR' : 'ALL', ExcludeVerboseContent: stage === 'prod' },
        xrayEnabled: true,
        logGroup: { LogGroupName: '/aws/appsync/apis/${api.ApiId}', RetentionInDays: retentionDays },
        loggingPermissions: [
          { principal: logicalIdOf('apiLogsRole'), actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['${apiLogs.Arn}'] },
        ],
      });
    });

    it("sets the API's environment variables as defined, a logical table name becoming the deployed table's name", () => {
      const { names, definition } = synthesized();
      const [, api] = single(synthesized(), 'AWS::AppSync::GraphQLApi');
      const tableNames = new Set(definition.tables.map((table) => table.name));
      expect(renderDeep(api.EnvironmentVariables ?? {}, names)).toEqual(
        Object.fromEntries(Object.entries(definition.environmentVariables ?? {}).map(([key, value]) => [key, tableNames.has(value) ? `\${table:${value}}` : value])),
      );
    });

    it('outputs what a client needs: URLs, API key, user pool and client ids, region', () => {
      const { json, names, definition } = synthesized();
      const modes = authModesOf(definition.authentication).map((mode) => mode.type);
      const apiKeys = resourcesOfType(json, 'AWS::AppSync::ApiKey');
      expect(Object.fromEntries(Object.entries(json.Outputs ?? {}).map(([name, output]) => [name, render(output.Value, names)]))).toEqual({
        [OUTPUT_NAMES.graphqlUrl]: '${api.GraphQLUrl}',
        [OUTPUT_NAMES.realtimeUrl]: '${api.RealtimeUrl}',
        [OUTPUT_NAMES.apiId]: '${api.ApiId}',
        ...(modes.includes('API_KEY') ? { [OUTPUT_NAMES.apiKey]: `\${${apiKeys[0]?.[0]}.ApiKey}` } : {}),
        ...(modes.includes('AMAZON_COGNITO_USER_POOLS') ? { [OUTPUT_NAMES.userPoolId]: '${userPool}', [OUTPUT_NAMES.userPoolClientId]: '${userPoolClient}' } : {}),
        [OUTPUT_NAMES.region]: '${AWS::Region}',
      });
    });

    it(stage === 'prod' ? 'retains and protects every table, the user pool and the log groups' : 'deletes tables, user pool and log groups with the stack', () => {
      const { json } = synthesized();
      const stateful = ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::Logs::LogGroup'].flatMap((type) => resourcesOfType(json, type));
      const protection = (type: string): unknown => {
        if (type === 'AWS::DynamoDB::Table') return stage === 'prod';
        if (type === 'AWS::Cognito::UserPool') return stage === 'prod' ? 'ACTIVE' : 'INACTIVE';
        return null;
      };
      const policy = stage === 'prod' ? 'Retain' : 'Delete';
      expect(
        stateful.map(([id, resource]) => ({
          id,
          deletionPolicy: resource.DeletionPolicy,
          updateReplacePolicy: resource.UpdateReplacePolicy,
          protection: resource.Properties?.DeletionProtectionEnabled ?? resource.Properties?.DeletionProtection ?? null,
        })),
      ).toEqual(stateful.map(([id, resource]) => ({ id, deletionPolicy: policy, updateReplacePolicy: policy, protection: protection(resource.Type) })));
    });
  });

  it('has the resources of the snapshot in every stage (review changes to it)', () => {
    const resourceList = (synthesized: SynthesizedStack): string[] =>
      Object.entries(synthesized.json.Resources)
        .map(([id, resource]) => `${resource.Type} ${id}`)
        .sort();
    expect(resourceList(prod(definitionFile))).toEqual(resourceList(dev(definitionFile)));
    expect(resourceList(dev(definitionFile))).toMatchSnapshot();
  });
});

describe('the infra fixture', () => {
  it('configures the API exactly as its definition says (auth mode settings, limits, environment, names)', () => {
    const synthesized = dev(FIXTURE_DEFINITION);
    const [, api] = single(synthesized, 'AWS::AppSync::GraphQLApi');
    expect(renderDeep(api, synthesized.names)).toEqual({
      Name: 'infra-fixture-dev',
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      UserPoolConfig: { UserPoolId: '${userPool}', AwsRegion: '${AWS::Region}', DefaultAction: 'ALLOW', AppIdClientRegex: '^[a-z0-9]+$' },
      AdditionalAuthenticationProviders: [
        { AuthenticationType: 'API_KEY' },
        { AuthenticationType: 'AWS_IAM' },
        { AuthenticationType: 'OPENID_CONNECT', OpenIDConnectConfig: { Issuer: 'https://issuer.example.com', ClientId: 'fixture-client', AuthTTL: 3_600_000, IatTTL: 0 } },
        {
          AuthenticationType: 'AWS_LAMBDA',
          LambdaAuthorizerConfig: { AuthorizerUri: '${function:authorizer.Arn}', AuthorizerResultTtlInSeconds: 60, IdentityValidationExpression: '^Bearer .+$' },
        },
      ],
      EnvironmentVariables: { GREETING: 'hello', AUDIT_TABLE: '${table:Audit}' },
      IntrospectionConfig: 'DISABLED',
      QueryDepthLimit: 8,
      ResolverCountLimit: 500,
      LogConfig: { CloudWatchLogsRoleArn: '${apiLogsRole.Arn}', FieldLogLevel: 'ALL', ExcludeVerboseContent: false },
      XrayEnabled: true,
    });
  });

  it('lets only this API invoke the Lambda authorizer', () => {
    const synthesized = dev(FIXTURE_DEFINITION);
    const [, permission] = single(synthesized, 'AWS::Lambda::Permission');
    expect(renderDeep(permission, synthesized.names)).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: '${function:authorizer.Arn}',
      Principal: 'appsync.amazonaws.com',
      SourceArn: '${api.Arn}',
    });
  });

  it('gives the API key the lifetime of the definition, counted from the time the app is built', () => {
    const [, key] = single(dev(FIXTURE_DEFINITION), 'AWS::AppSync::ApiKey');
    const days30 = 30 * 86_400;
    expect(key.Expires).toBeGreaterThanOrEqual(Math.floor(synthesis.startedAt / 1000) + days30);
    expect(key.Expires).toBeLessThanOrEqual(Math.ceil(synthesis.finishedAt / 1000) + days30);
  });

  it('names the API, the stack and the user pool after the stage', () => {
    expect(
      STAGE_NAMES.map((stage) => {
        const synthesized = synthesis.stack(FIXTURE_DEFINITION, stage);
        return { stack: synthesized.stack.stackName, api: single(synthesized, 'AWS::AppSync::GraphQLApi')[1].Name, pool: single(synthesized, 'AWS::Cognito::UserPool')[1].UserPoolName };
      }),
    ).toEqual([
      { stack: 'infra-fixture-dev', api: 'infra-fixture-dev', pool: 'infra-fixture-dev-users' },
      { stack: 'infra-fixture-prod', api: 'infra-fixture-prod', pool: 'infra-fixture-prod-users' },
    ]);
  });
});
