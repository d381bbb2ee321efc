/**
 * The AWS client stack against the local server, one request per auth mode: Apollo Client 4 with
 * `aws-appsync-auth-link`, which adds each mode's headers itself (its own SigV4 signer for IAM).
 * Spec: appsync-graphql-engine.md §3.2; issue 5 ("as aws-appsync-auth-link does").
 */
import { createRequire } from 'node:module';
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import type { AuthOptions, createAuthLink as CreateAuthLink } from 'aws-appsync-auth-link';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../local/app.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import { authFixtureDefinition } from '../../fixtures/auth/api/definition.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../../fixtures/auth/oidc-issuer.js';
import { startTestApi, type TestApi } from '../../support/local-api.js';

/**
 * The link's CommonJS build: its ES module build imports `Sha256` from @aws-crypto/sha256-js 1.x, a
 * CommonJS package whose re-exported names Node's ESM loader cannot see, so IAM signing fails there
 * ("Sha256 is not a constructor") — a client bug under Node ESM, not a server matter.
 */
const { createAuthLink } = createRequire(import.meta.url)('aws-appsync-auth-link') as { createAuthLink: typeof CreateAuthLink };

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

/**
 * Apollo 4 adds `extensions.clientLibrary` to the body it sends, while the auth link signs the body
 * without it, so IAM requests fail the signature check (as they would on AppSync). `transport: false`
 * turns that extension off; `signedBodyMatches: false` keeps it, to show the server notices.
 */
function clientWith(auth: AuthOptions, signedBodyMatches = true): ApolloClient {
  // The link's typings name Apollo 3's ApolloLink class; at run time it is an Apollo 4 link (dependencies.md).
  const authLink = createAuthLink({ url: api.url, region: 'us-east-1', auth }) as unknown as ApolloLink;
  return new ApolloClient({
    link: ApolloLink.from([authLink, new HttpLink({ uri: api.url })]),
    cache: new InMemoryCache(),
    ...(signedBodyMatches ? { enhancedClientAwareness: { transport: false as const } } : {}),
  });
}

const WHOAMI = gql`
  query WhoAmI {
    whoami
  }
`;

async function authTypeWith(auth: AuthOptions): Promise<unknown> {
  const result = await clientWith(auth).query<{ whoami: string }>({ query: WHOAMI, fetchPolicy: 'no-cache' });
  return (JSON.parse(result.data?.whoami ?? 'null') as { authType: string }).authType;
}

const functionCredentials = { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey };

describe('aws-appsync-auth-link + Apollo Client against the local server', () => {
  it('authenticates with each of the five modes', async () => {
    const idToken = await pool.mint({ username: 'apollo' });
    const oidcToken = await provider.sign({ iss: provider.issuer, sub: 'apollo', aud: 'web-app', exp: Math.floor(Date.now() / 1000) + 600 });
    expect([
      await authTypeWith({ type: 'API_KEY', apiKey: api.apiKey }),
      await authTypeWith({ type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: async () => idToken }),
      await authTypeWith({ type: 'OPENID_CONNECT', jwtToken: oidcToken }),
      await authTypeWith({ type: 'AWS_IAM', credentials: functionCredentials }),
      await authTypeWith({ type: 'AWS_LAMBDA', token: 'allow-apollo' }),
    ]).toEqual(['API Key Authorization', 'User Pool Authorization', 'Open ID Connect Authorization', 'IAM Authorization', 'Lambda Authorization']);
  });

  it('refuses an IAM request whose body differs from the signed one (Apollo 4 body extension)', async () => {
    const query = clientWith({ type: 'AWS_IAM', credentials: functionCredentials }, false).query({ query: WHOAMI, fetchPolicy: 'no-cache' });
    await expect(query).rejects.toMatchObject({ statusCode: 403 });
  });
});
