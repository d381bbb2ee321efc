import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import { environmentIamPrincipals, iamUserPrincipal } from '../../../local/auth/iam.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import { connectionCredentialsRequest, normalizeHeaderObject, subscriptionCredentialsRequest } from '../../../local/auth/realtime-credentials.js';
import type { Authenticator } from '../../../local/auth/types.js';
import { signedHeaders } from '../../fixtures/auth/sigv4-client.js';
import { temporaryDataDir } from '../../fixtures/auth/temp-dir.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const credentials = { accessKeyId: 'AKIALOCALREALTIME001', secretAccessKey: 'realtime-secret' };
const context = { graphqlPath: '/graphql', sourceIp: '192.0.2.1' };
const SUBSCRIPTION = JSON.stringify({ query: 'subscription { onAddPost { id } }', variables: {} });

let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
let pool: LocalUserPool;
let authenticator: Authenticator;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  pool = await loadLocalUserPool(dataDir.path);
  authenticator = createAuthenticator(
    { default: { type: 'API_KEY' }, additional: [{ type: 'AMAZON_COGNITO_USER_POOLS' }, { type: 'AWS_IAM' }] },
    {
      now: () => NOW,
      apiKeys: [{ id: 'da2-realtime', expires: NOW / 1000 + 60 }],
      userPool: pool,
      iam: { region: 'us-east-1', principals: [iamUserPrincipal({ ...credentials, accountId: '123456789012', userName: 'rt' })] },
    },
  );
});
afterAll(() => dataDir.remove());

// spec: appsync-realtime.md §2.2-2.3 (header objects per mode, keys case-insensitive), §5
describe('real-time credentials', () => {
  it('builds the connection request: POST <graphql>/connect, body {}, lower-cased string headers', () => {
    expect(
      connectionCredentialsRequest({ Host: 'example.com:4000', 'X-Api-Key': 'da2-realtime', 'x-amz-date': '20261123T120000Z', ignored: 42 }, context),
    ).toEqual({
      headers: { host: 'example.com:4000', 'x-api-key': 'da2-realtime', 'x-amz-date': '20261123T120000Z' },
      sourceIp: '192.0.2.1',
      method: 'POST',
      host: 'example.com:4000',
      path: '/graphql/connect',
      body: '{}',
    });
    expect([normalizeHeaderObject(null), normalizeHeaderObject(['x']), normalizeHeaderObject('header')]).toEqual([{}, {}, {}]);
  });

  it('authenticates connection headers of the API key and Cognito clients', async () => {
    const apiKey = await authenticator.authenticate(connectionCredentialsRequest({ host: 'h', 'x-api-key': 'da2-realtime' }, context));
    const cognito = await authenticator.authenticate(
      connectionCredentialsRequest({ host: 'h', Authorization: await pool.mint({ username: 'sub', now: NOW }) }, context),
    );
    expect([apiKey.ok && apiKey.auth.type, cognito.ok && cognito.auth.type]).toEqual(['API_KEY', 'AMAZON_COGNITO_USER_POOLS']);
    expect(await authenticator.authenticate(connectionCredentialsRequest({ host: 'h' }, context))).toEqual({
      ok: false,
      errorType: 'UnauthorizedException',
      message: 'Missing authorization header',
    });
  });

  it("verifies a start message's IAM signature over POST /graphql with payload.data as the body", async () => {
    const authorization = await signedHeaders({ credentials, signingDate: new Date(NOW), path: '/graphql', body: SUBSCRIPTION, applyChecksum: false });
    const graphql = { query: 'subscription { onAddPost { id } }', variables: {} };
    const start = await authenticator.authenticate(subscriptionCredentialsRequest(authorization, SUBSCRIPTION, graphql, context));
    expect(start.ok && start.auth.type).toBe('AWS_IAM');
    // attack: the signature of one subscription replayed for another document
    const other = JSON.stringify({ query: 'subscription { onDeletePost { id } }', variables: {} });
    const replayed = await authenticator.authenticate(subscriptionCredentialsRequest(authorization, other, graphql, context));
    expect(replayed).toEqual({
      ok: false,
      errorType: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      statusCode: 403,
    });
  });
});

describe('environmentIamPrincipals', () => {
  it('trusts the environment credentials as the IAM user local-developer, and nothing without them', () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIADEV', AWS_SECRET_ACCESS_KEY: 'dev-secret', AWS_SESSION_TOKEN: 'tok' };
    expect(environmentIamPrincipals(env, '111122223333')).toEqual([
      {
        accessKeyId: 'AKIADEV',
        secretAccessKey: 'dev-secret',
        sessionToken: 'tok',
        accountId: '111122223333',
        userArn: 'arn:aws:iam::111122223333:user/local-developer',
        username: iamUserPrincipal({ accessKeyId: 'x', secretAccessKey: 'y', accountId: '111122223333', userName: 'local-developer' }).username,
      },
    ]);
    expect([environmentIamPrincipals({}, '1'), environmentIamPrincipals({ AWS_ACCESS_KEY_ID: 'A' }, '1')]).toEqual([[], []]);
  });
});
