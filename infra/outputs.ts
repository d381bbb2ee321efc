/**
 * What a client needs to reach the deployed API (the same things `liveboard start` prints for the
 * local one): its URLs, the API key, the user pool and app client, the region.
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { CfnGraphQLApi, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { Construct } from 'constructs';
import type { ApiUserPool } from './user-pool.js';

/** Output names, stable for scripts and the README. */
export const OUTPUT_NAMES = {
  graphqlUrl: 'GraphqlUrl',
  realtimeUrl: 'RealtimeUrl',
  apiId: 'ApiId',
  apiKey: 'ApiKey',
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  region: 'Region',
} as const;

export function createOutputs(scope: Construct, api: GraphqlApi, userPool: ApiUserPool | undefined): void {
  const output = (id: string, value: string, description: string) => new CfnOutput(scope, id, { value, description });
  output(OUTPUT_NAMES.graphqlUrl, api.graphqlUrl, 'GraphQL endpoint (HTTP POST)');
  output(OUTPUT_NAMES.realtimeUrl, (api.node.defaultChild as CfnGraphQLApi).attrRealtimeUrl, 'Real-time (WebSocket) endpoint for subscriptions');
  output(OUTPUT_NAMES.apiId, api.apiId, 'AppSync API id');
  if (api.apiKey !== undefined) output(OUTPUT_NAMES.apiKey, api.apiKey, 'API key (x-api-key header)');
  if (userPool) {
    output(OUTPUT_NAMES.userPoolId, userPool.userPool.userPoolId, 'Cognito user pool id');
    output(OUTPUT_NAMES.userPoolClientId, userPool.client.userPoolClientId, 'Cognito app client id (public client, no secret)');
  }
  output(OUTPUT_NAMES.region, Stack.of(scope).region, 'AWS region of the API');
}
