/**
 * The board app on the local runtime for integration tests: the app's own definition
 * (`infra/definition.ts`) served by `startTestApi` (DynamoDB Local, real Lambda bundles, real HTTP),
 * users with real tokens from the local Cognito issuer, and GraphQL calls as those users.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { expect } from 'vitest';
import { loadLocalUserPool, subjectFor, type LocalUserPool } from '../../../../local/auth/local-user-pool.js';
import { localDynamoDbClient } from '../../../../local/dynamodb/launcher.js';
import { physicalTableName } from '../../../../local/dynamodb/tables.js';
import { definition } from '../../../../infra/definition.js';
import { post, startTestApi, type TestApi } from '../../../support/local-api.js';
import { inject } from 'vitest';

export interface User {
  name: string;
  /** The Cognito `sub`: what the board calls the user's id. */
  id: string;
  token: string;
}

export interface GraphQLAnswer {
  data: Record<string, any> | null;
  errors?: Array<Record<string, unknown>>;
}

export interface BoardApi {
  api: TestApi;
  pool: LocalUserPool;
  /** A user of the local pool (a token minted now, valid for an hour). */
  user(name: string): Promise<User>;
  /** A GraphQL request as `user`; the HTTP status must be 200. */
  gql(user: User, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** Every item of the board table, for checking what is stored (or left behind). */
  scanTable(): Promise<Array<Record<string, any>>>;
  close(): Promise<void>;
}

export async function startBoardApi(): Promise<BoardApi> {
  const api = await startTestApi({ definition, log: () => undefined });
  const pool = await loadLocalUserPool(api.dataDir);
  const dynamodb = localDynamoDbClient(inject('dynamodbEndpoint'));
  const tableName = physicalTableName('board', api.tablePrefix);
  return {
    api,
    pool,
    user: async (name) => ({ name, id: subjectFor(pool.userPoolId, name), token: await pool.mint({ username: name }) }),
    gql: async (user, query, variables) => {
      const answer = await post(api.url, variables === undefined ? { query } : { query, variables }, { authorization: user.token });
      expect(answer.status).toBe(200);
      return answer.body as GraphQLAnswer;
    },
    scanTable: async () => {
      const items: Array<Record<string, any>> = [];
      let startKey: Record<string, any> | undefined;
      do {
        const page = await dynamodb.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
        items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return items;
    },
    close: async () => {
      dynamodb.destroy();
      await api.close();
    },
  };
}
