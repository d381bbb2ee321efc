/**
 * The AWS client stack against the local server, one request per auth mode: Apollo Client 4 with
 * `aws-appsync-auth-link`, which adds each mode's headers itself (its own SigV4 signer for IAM).
 * Spec: appsync-graphql-engine.md §3.2; issue 5 ("as aws-appsync-auth-link does").
 */
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthLink, type AuthOptions } from 'aws-appsync-auth-link';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../local/app.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import { authFixtureDefinition } from '../../fixtures/auth/api/definition.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../../fixtures/auth/oidc-issuer.js';
import { startTestApi, type TestApi } from '../../support/local-api.js';

let api: TestApi;
let provider: LocalOidcIssuer;
let pool: LocalUserPool;

beforeAll(async () => {
  provider = await startOidcIssuer();
  api = await startTestApi({ definition: authFixtureDefinition(provider.issuer) });
  pool = await loadLocalUserPool(api.dataDir);
});

afterAll(async () => {
  await api?.close();
  await provider?.close();
});

async function authTypeWith(auth: AuthOptions): Promise<unknown> {
  // The link's typings name Apollo 3's ApolloLink class; at run time it is an Apollo 4 link (dependencies.md).
  const authLink = createAuthLink({ url: api.url, region: 'us-east-1', auth }) as unknown as ApolloLink;
  const client = new ApolloClient({
    link: ApolloLink.from([authLink, new HttpLink({ uri: api.url })]),
    cache: new InMemoryCache(),
  });
  const result = await client.query<{ whoami: string }>({ query: gql`query WhoAmI { whoami }`, fetchPolicy: 'no-cache' });
  return (JSON.parse(result.data?.whoami ?? 'null') as { authType: string }).authType;
}

describe('aws-appsync-auth-link + Apollo Client against the local server', () => {
  it('authenticates with each of the five modes', async () => {
    const idToken = await pool.mint({ username: 'apollo' });
    const oidcToken = await provider.sign({ iss: provider.issuer, sub: 'apollo', aud: 'web-app', exp: Math.floor(Date.now() / 1000) + 600 });
    expect([
      await authTypeWith({ type: 'API_KEY', apiKey: api.apiKey }),
      await authTypeWith({ type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: async () => idToken }),
      await authTypeWith({ type: 'OPENID_CONNECT', jwtToken: oidcToken }),
      await authTypeWith({
        type: 'AWS_IAM',
        credentials: { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey },
      }),
      await authTypeWith({ type: 'AWS_LAMBDA', token: 'allow-apollo' }),
    ]).toEqual(['API Key Authorization', 'User Pool Authorization', 'Open ID Connect Authorization', 'IAM Authorization', 'Lambda Authorization']);
  });
});
