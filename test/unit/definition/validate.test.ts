/** Definition validation: whole problem lists, against the fixture project in test/fixtures/definition. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../../../local/definition/types.js';
import { findDefinitionProblems } from '../../../local/definition/validate.js';
import { definition as valid } from '../../fixtures/definition/valid.js';

const projectRoot = fileURLToPath(new URL('../../fixtures/definition/', import.meta.url));
const problemsOf = (definition: ApiDefinition): Promise<string[]> => findDefinitionProblems(definition, { projectRoot });

describe('findDefinitionProblems', () => {
  it('finds nothing wrong with a valid definition', async () => {
    expect(await problemsOf(valid)).toEqual([]);
  });

  it('reports references to entries that do not exist', async () => {
    const definition: ApiDefinition = {
      ...valid,
      authentication: { default: { type: 'AWS_LAMBDA', function: 'gatekeeper' } },
      dataSources: [...valid.dataSources, { name: 'Comments', type: 'AMAZON_DYNAMODB', table: 'CommentsTable' }, { name: 'Mover', type: 'AWS_LAMBDA', function: 'moveCard' }],
      lambdaFunctions: [{ ...valid.lambdaFunctions[0]!, environment: { TABLE: { tableName: 'Boards' } }, tables: [{ table: 'Cards', access: 'readWrite' }] }],
      functions: [{ name: 'authorize', dataSource: 'Nowhere', code: 'resolvers/authorize.js' }],
      resolvers: [
        { kind: 'UNIT', typeName: 'Query', fieldName: 'getPost', dataSource: 'PostTable', code: 'resolvers/getPost.js' },
        { kind: 'PIPELINE', typeName: 'Mutation', fieldName: 'addPost', code: 'resolvers/addPost.js', functions: ['authorize', 'audit'] },
      ],
    };
    expect(await problemsOf(definition)).toEqual([
      "authentication.default (AWS_LAMBDA): function 'gatekeeper' is not defined in lambdaFunctions",
      "dataSources[4] 'Comments': table 'CommentsTable' is not defined in tables",
      "dataSources[5] 'Mover': function 'moveCard' is not defined in lambdaFunctions",
      "lambdaFunctions[0] 'author': environment.TABLE refers to table 'Boards', which is not defined in tables",
      "lambdaFunctions[0] 'author': tables grant names table 'Cards', which is not defined in tables",
      "functions[0] 'authorize': data source 'Nowhere' is not defined in dataSources",
      "resolvers[0] Query.getPost: data source 'PostTable' is not defined in dataSources",
      "resolvers[1] Mutation.addPost: function 'audit' is not defined in functions",
    ]);
  });

  it('reports duplicate names and two resolvers on one field', async () => {
    const definition: ApiDefinition = {
      ...valid,
      tables: [...valid.tables, { name: 'Posts', partitionKey: { name: 'id', type: 'S' } }],
      dataSources: [...valid.dataSources, { name: 'Local', type: 'NONE' }],
      lambdaFunctions: [...valid.lambdaFunctions, { name: 'author', entry: 'functions/handler.ts' }],
      functions: [...valid.functions, { name: 'savePost', dataSource: 'PostsTable', code: 'resolvers/savePost.js' }],
      resolvers: [...valid.resolvers, { kind: 'UNIT', typeName: 'Query', fieldName: 'getPost', dataSource: 'Local', code: 'resolvers/getPost.js' }],
    };
    expect(await problemsOf(definition)).toEqual([
      "tables[1]: duplicate name 'Posts' (also tables[0])",
      "dataSources[4]: duplicate name 'Local' (also dataSources[2])",
      "lambdaFunctions[2]: duplicate name 'author' (also lambdaFunctions[0])",
      "functions[2]: duplicate name 'savePost' (also functions[1])",
      'resolvers[4] Query.getPost: the field already has a resolver (resolvers[0])',
    ]);
  });

  it('reports resolvers on types or fields the schema lacks (including fields added by extend type)', async () => {
    const definition: ApiDefinition = {
      ...valid,
      resolvers: [
        { kind: 'UNIT', typeName: 'Query', fieldName: 'ping', dataSource: 'Local', code: 'resolvers/listPosts.js' },
        { kind: 'UNIT', typeName: 'Query', fieldName: 'getComment', dataSource: 'Local', code: 'resolvers/listPosts.js' },
        { kind: 'UNIT', typeName: 'Comment', fieldName: 'text', dataSource: 'Local', code: 'resolvers/listPosts.js' },
        { kind: 'UNIT', typeName: 'PostInput', fieldName: 'title', dataSource: 'Local', code: 'resolvers/listPosts.js' },
      ],
    };
    expect(await problemsOf(definition)).toEqual([
      "resolvers[1] Query.getComment: type 'Query' has no field 'getComment' in the schema",
      "resolvers[2] Comment.text: type 'Comment' is not defined in the schema",
      "resolvers[3] PostInput.title: type 'PostInput' is an input type; resolvers attach to fields of object types",
    ]);
  });

  it('reports missing files, unit resolvers without code off Lambda, oversized pipelines and batch sizes', async () => {
    const definition: ApiDefinition = {
      ...valid,
      schemaFiles: ['schema/schema.graphql', 'schema/extension.graphql', 'schema/missing.graphql'],
      lambdaFunctions: [valid.lambdaFunctions[0]!, { name: 'authorizer', entry: 'functions/missing.ts' }],
      functions: [
        ...valid.functions,
        { name: 'extra', dataSource: 'Local', code: 'resolvers/extra.js' },
        ...Array.from({ length: 8 }, (_, index) => ({ name: `step${index}`, dataSource: 'Local', code: 'resolvers/authorize.js' })),
      ],
      resolvers: [
        { kind: 'UNIT', typeName: 'Query', fieldName: 'getPost', dataSource: 'PostsTable' },
        { kind: 'UNIT', typeName: 'Query', fieldName: 'listPosts', dataSource: 'PostsTable', code: 'resolvers/gone.js', maxBatchSize: 5 },
        { kind: 'UNIT', typeName: 'Post', fieldName: 'author', dataSource: 'AuthorLambda', maxBatchSize: 2001 },
        {
          kind: 'PIPELINE',
          typeName: 'Mutation',
          fieldName: 'addPost',
          code: 'resolvers',
          functions: ['authorize', 'savePost', 'extra', 'step0', 'step1', 'step2', 'step3', 'step4', 'step5', 'step6', 'step7'],
        },
      ],
    };
    expect(await problemsOf(definition)).toEqual([
      "schemaFiles[2]: SDL file 'schema/missing.graphql' does not exist",
      "lambdaFunctions[1] 'authorizer': entry file 'functions/missing.ts' does not exist",
      "functions[2] 'extra': code file 'resolvers/extra.js' does not exist",
      "resolvers[0] Query.getPost: a unit resolver without code is a direct Lambda resolver and needs an AWS_LAMBDA data source; 'PostsTable' is AMAZON_DYNAMODB",
      "resolvers[1] Query.listPosts: code file 'resolvers/gone.js' does not exist",
      "resolvers[1] Query.listPosts: maxBatchSize applies only to AWS_LAMBDA data sources; 'PostsTable' is AMAZON_DYNAMODB",
      'resolvers[2] Post.author: maxBatchSize 2001 is out of range (0..2000)',
      "resolvers[3] Mutation.addPost: code file 'resolvers' is not a file",
      // spec: appsync-graphql-engine.md §4.2, §6 (10 functions per pipeline; quota unconfirmed)
      'resolvers[3] Mutation.addPost: a pipeline has at most 10 functions, this one has 11',
    ]);
  });

  it('reports schema files that do not parse, and schemas AppSync refuses', async () => {
    expect(await problemsOf({ ...valid, schemaFiles: ['schema/broken.graphql'], resolvers: [] })).toEqual([
      "schemaFiles[0] 'schema/broken.graphql': Syntax Error: Expected Name, found <EOF>. (line 3, column 1)",
    ]);
    expect(await problemsOf({ ...valid, schemaFiles: ['schema/custom-scalar.graphql'], resolvers: [] })).toEqual([
      "schema: Custom scalars are not supported: scalar Money. Use one of AppSync's scalars.",
    ]);
    expect(await problemsOf({ ...valid, schemaFiles: [], resolvers: [] })).toEqual(['schemaFiles: at least one SDL file is required']);
  });

  it('reports bad authentication settings', async () => {
    const definition: ApiDefinition = {
      ...valid,
      authentication: {
        default: { type: 'API_KEY', expiresInDays: 400 },
        additional: [
          { type: 'API_KEY' },
          { type: 'AMAZON_COGNITO_USER_POOLS', defaultAction: 'DENY', appIdClientRegex: '(' },
          { type: 'OPENID_CONNECT', issuer: '' },
          { type: 'OPENID_CONNECT', issuer: 'https://a.example.com', authTTL: -1 },
          { type: 'OPENID_CONNECT', issuer: 'https://a.example.com' },
          { type: 'AWS_LAMBDA', function: 'authorizer', resultsCacheTtlSeconds: 3601, identityValidationExpression: '[' },
          { type: 'AWS_LAMBDA', function: 'author' },
        ],
      },
    };
    expect(await problemsOf(definition)).toEqual([
      'authentication.default (API_KEY): expiresInDays 400 is out of range (1..365)',
      'authentication.additional[0] (API_KEY): API_KEY is already configured (authentication.default)',
      'authentication.additional[1] (AMAZON_COGNITO_USER_POOLS): defaultAction is only allowed on the default mode',
      'authentication.additional[1] (AMAZON_COGNITO_USER_POOLS): appIdClientRegex is not a valid regular expression: Invalid regular expression: /(/: Unterminated group',
      'authentication.additional[2] (OPENID_CONNECT): issuer is required',
      'authentication.additional[3] (OPENID_CONNECT): authTTL must be a non-negative integer (milliseconds, 0 = no check), got -1',
      "authentication.additional[4] (OPENID_CONNECT): OPENID_CONNECT with issuer 'https://a.example.com' is already configured (authentication.additional[3])",
      'authentication.additional[5] (AWS_LAMBDA): resultsCacheTtlSeconds 3601 is out of range (0..3600)',
      'authentication.additional[5] (AWS_LAMBDA): identityValidationExpression is not a valid regular expression: Invalid regular expression: /[/: Unterminated character class',
      'authentication.additional[6] (AWS_LAMBDA): AWS_LAMBDA is already configured (authentication.additional[5])',
    ]);
  });

  it('reports limits, names and environment variables outside AppSync and Lambda ranges', async () => {
    const definition: ApiDefinition = {
      ...valid,
      name: '',
      environmentVariables: { STAGE: 'local', x: 'short key', LONG: 'v'.repeat(513) },
      tables: [{ ...valid.tables[0]!, localSecondaryIndexes: [{ indexName: 'byAuthor', sortKey: { name: 'at', type: 'N' } }] }, { name: 'ab', partitionKey: { name: 'id', type: 'S' }, localSecondaryIndexes: [{ indexName: 'x', sortKey: { name: 'at', type: 'N' } }] }],
      dataSources: [...valid.dataSources, { name: 'bad-name', type: 'NONE' }, { name: 'Ftp', type: 'HTTP', endpoint: 'ftp://files.example.com' }],
      lambdaFunctions: [
        valid.lambdaFunctions[1]!,
        { name: 'author', entry: 'functions/handler.ts', handler: 'not-valid', timeoutSeconds: 901, memorySize: 64, environment: { AWS_REGION: 'eu-west-1', '1BAD': 'x' } },
      ],
      limits: { queryDepthLimit: 76, resolverCountLimit: 2.5 },
    };
    expect(await problemsOf(definition)).toEqual([
      'name is required',
      "tables[0] 'Posts': index name 'byAuthor' is used more than once",
      "tables[1] 'ab': name must be 3-255 characters among a-z, A-Z, 0-9, '_', '-', '.'",
      "tables[1] 'ab': local secondary indexes need a table with a sort key",
      "dataSources[4] 'bad-name': name must match ^[_A-Za-z][_0-9A-Za-z]*$",
      "dataSources[5] 'Ftp': endpoint 'ftp://files.example.com' is not an http(s) URL",
      "lambdaFunctions[1] 'author': handler 'not-valid' is not a valid export name",
      "lambdaFunctions[1] 'author': timeoutSeconds 901 is out of range (1..900)",
      "lambdaFunctions[1] 'author': memorySize 64 is out of range (128..10240)",
      "lambdaFunctions[1] 'author': environment key 'AWS_REGION' is reserved by Lambda",
      "lambdaFunctions[1] 'author': environment key '1BAD' must start with a letter and contain only letters, digits and '_'",
      "environmentVariables.x: keys start with a letter and have at least two characters among letters, digits and '_'",
      'environmentVariables.LONG: values are at most 512 characters, got 513',
      'limits.queryDepthLimit 76 is out of range (0..75)',
      'limits.resolverCountLimit must be an integer, got 2.5',
    ]);
  });
});
