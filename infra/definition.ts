/**
 * The liveboard API as AppSync sees it: the single source of truth that the CDK stack
 * (`infra/stack.ts`) and the local runtime (`liveboard start`) both read (architecture.md, "One
 * definition, two targets"). Paths are relative to the project root.
 *
 * - Auth: Cognito user pools by default; AWS_IAM for the `publish*` mutations the Lambda functions
 *   call; API_KEY only for loading the schema (no field allows it; see schema/schema.graphql).
 * - Data: one table, single-table design (resolvers/lib/keys.ts has the layout, shared by resolvers and functions), three GSIs, a stream.
 * - Resolvers: the file name is the resolver map (`resolvers/<Type>.<field>.ts`); board-scoped
 *   pipelines start with `authorizeMember`. The board subscriptions share `boardSubscription.ts` and
 *   the publish mutations share `publishEvent.ts`.
 * - `TABLE_NAME` (API environment variable) names the table in the batch and transaction requests of
 *   the resolvers. It holds the logical name: locally the DynamoDB data source maps it to the physical
 *   table; a deployment sets it to the deployed table's name.
 */
import type { ApiDefinition, PipelineFunctionDefinition, ResolverDefinition } from '../local/definition/types.js';

const TABLE = 'board';
const BOARD_DATA = 'boardTable';

/** Board-scoped mutations and queries whose logic runs in a Lambda function, by function. */
const FUNCTION_FIELDS = {
  cards: ['createCard', 'moveCard', 'deleteCard'],
  members: ['inviteMember', 'changeRole', 'removeMember'],
  deleteBoard: ['deleteBoard'],
} as const;

type BoardFunction = keyof typeof FUNCTION_FIELDS;

const lambdaDataSource = (fn: BoardFunction) => `${fn}Function`;
const invokeFunction = (fn: BoardFunction) => `invoke${fn[0]!.toUpperCase()}${fn.slice(1)}`;

/** Pipeline functions on the board table, each in `resolvers/functions/<name>.ts`. */
const TABLE_FUNCTIONS = [
  'authorizeMember',
  'readItem',
  'findCardBoard',
  'queryBoardItems',
  'queryCardItems',
  'queryActivity',
  'listMyMemberships',
  'getMembershipBoards',
  'updateBoardMeta',
  'reserveColumnPosition',
  'putColumn',
  'updateColumnItem',
  'deleteColumnItem',
  'updateCardItem',
  'putComment',
];

const functions: PipelineFunctionDefinition[] = [
  ...TABLE_FUNCTIONS.map((name) => ({ name, dataSource: BOARD_DATA, code: `resolvers/functions/${name}.ts` })),
  ...(Object.keys(FUNCTION_FIELDS) as BoardFunction[]).map((fn) => ({
    name: invokeFunction(fn),
    dataSource: lambdaDataSource(fn),
    code: 'resolvers/functions/invokeBoardFunction.ts',
  })),
];

const pipeline = (typeName: string, fieldName: string, pipelineFunctions: string[], code = `resolvers/${typeName}.${fieldName}.ts`): ResolverDefinition => ({
  kind: 'PIPELINE',
  typeName,
  fieldName,
  code,
  functions: pipelineFunctions,
});

const unit = (typeName: string, fieldName: string, dataSource: string, code = `resolvers/${typeName}.${fieldName}.ts`): ResolverDefinition => ({
  kind: 'UNIT',
  typeName,
  fieldName,
  dataSource,
  code,
});

const resolvers: ResolverDefinition[] = [
  unit('Query', 'me', 'none'),
  pipeline('Query', 'myBoards', ['listMyMemberships', 'getMembershipBoards']),
  pipeline('Query', 'board', ['authorizeMember', 'queryBoardItems']),
  pipeline('Query', 'card', ['findCardBoard', 'authorizeMember', 'queryCardItems']),
  unit('Query', 'cardsAssignedToMe', BOARD_DATA),
  pipeline('Query', 'boardActivity', ['authorizeMember', 'queryActivity']),

  unit('Mutation', 'createBoard', BOARD_DATA),
  pipeline('Mutation', 'updateBoard', ['authorizeMember', 'updateBoardMeta', 'readItem']),
  pipeline('Mutation', 'addColumn', ['authorizeMember', 'reserveColumnPosition', 'putColumn']),
  pipeline('Mutation', 'updateColumn', ['authorizeMember', 'updateColumnItem', 'readItem']),
  pipeline('Mutation', 'deleteColumn', ['authorizeMember', 'readItem', 'deleteColumnItem']),
  pipeline('Mutation', 'updateCard', ['authorizeMember', 'updateCardItem', 'readItem']),
  pipeline('Mutation', 'addComment', ['authorizeMember', 'putComment']),
  ...(Object.entries(FUNCTION_FIELDS) as Array<[BoardFunction, readonly string[]]>).flatMap(([fn, fields]) =>
    fields.map((field) => pipeline('Mutation', field, ['authorizeMember', invokeFunction(fn)])),
  ),
  ...['publishCardChanged', 'publishColumnChanged', 'publishMembershipChanged'].map((field) => unit('Mutation', field, 'none', 'resolvers/publishEvent.ts')),

  ...['onCardChanged', 'onColumnChanged', 'onCommentAdded', 'onBoardChanged'].map((field) =>
    pipeline('Subscription', field, ['authorizeMember'], 'resolvers/boardSubscription.ts'),
  ),
  unit('Subscription', 'onMembershipChanged', 'none'),
];

/** What every board function gets: the table, and the API to publish events through. */
const functionEnvironment = { TABLE_NAME: { tableName: TABLE }, GRAPHQL_URL: { graphqlUrl: true as const } };

export const definition: ApiDefinition = {
  name: 'liveboard',
  schemaFiles: ['schema/schema.graphql'],
  authentication: {
    default: { type: 'AMAZON_COGNITO_USER_POOLS' },
    additional: [{ type: 'AWS_IAM' }, { type: 'API_KEY', expiresInDays: 365 }],
  },
  environmentVariables: { TABLE_NAME: TABLE },
  tables: [
    {
      name: TABLE,
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      globalSecondaryIndexes: [
        // A user's memberships ("my boards").
        { indexName: 'byUser', partitionKey: { name: 'GSI1PK', type: 'S' }, sortKey: { name: 'GSI1SK', type: 'S' } },
        // Assigned cards by due date (sparse: only assigned cards carry GSI2PK).
        { indexName: 'byAssignee', partitionKey: { name: 'GSI2PK', type: 'S' }, sortKey: { name: 'GSI2SK', type: 'S' } },
        // A card's board from the card's id.
        { indexName: 'byCard', partitionKey: { name: 'GSI3PK', type: 'S' }, projection: 'KEYS_ONLY' },
      ],
      timeToLiveAttribute: 'expiresAt',
      stream: 'NEW_AND_OLD_IMAGES',
    },
  ],
  dataSources: [
    { name: BOARD_DATA, type: 'AMAZON_DYNAMODB', table: TABLE },
    { name: 'none', type: 'NONE' },
    ...(Object.keys(FUNCTION_FIELDS) as BoardFunction[]).map((fn) => ({ name: lambdaDataSource(fn), type: 'AWS_LAMBDA' as const, function: fn })),
  ],
  lambdaFunctions: [
    // A write that loses a race retries on fresh reads; a burst of writers on one column takes a few rounds
    // (AppSync itself waits at most 30 s for a request).
    { name: 'cards', entry: 'functions/cards.ts', environment: functionEnvironment, timeoutSeconds: 25, tables: [{ table: TABLE, access: 'readWrite' }], callsApi: true },
    { name: 'members', entry: 'functions/members.ts', environment: functionEnvironment, timeoutSeconds: 25, tables: [{ table: TABLE, access: 'readWrite' }], callsApi: true },
    {
      name: 'deleteBoard',
      entry: 'functions/delete-board.ts',
      environment: functionEnvironment,
      // A big board takes several pages; an interrupted deletion resumes on the next call.
      timeoutSeconds: 60,
      tables: [{ table: TABLE, access: 'readWrite' }],
      callsApi: true,
    },
  ],
  functions,
  resolvers,
  limits: { queryDepthLimit: 10 },
};
