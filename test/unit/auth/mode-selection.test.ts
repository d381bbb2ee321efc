import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, type AuthenticatorDependencies } from '../../../local/auth/authenticator.js';
import { iamUserPrincipal } from '../../../local/auth/iam.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import type { AuthenticationOutcome, Authenticator } from '../../../local/auth/types.js';
import type { AuthenticationConfig, AuthModeConfig } from '../../../local/definition/types.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../../fixtures/auth/oidc-issuer.js';
import { graphqlRequest, GRAPHQL_BODY } from '../../fixtures/auth/requests.js';
import { signedHeaders } from '../../fixtures/auth/sigv4-client.js';
import { temporaryDataDir } from '../../fixtures/auth/temp-dir.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const credentials = { accessKeyId: 'AKIALOCALSELECT00001', secretAccessKey: 'select-secret' };
const unauthorized = (message: string): AuthenticationOutcome => ({ ok: false, errorType: 'UnauthorizedException', message });

let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
let pool: LocalUserPool;
let provider: LocalOidcIssuer;
let deps: AuthenticatorDependencies;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  pool = await loadLocalUserPool(dataDir.path);
  provider = await startOidcIssuer();
  deps = {
    now: () => NOW,
    apiKeys: [{ id: 'da2-good', expires: NOW / 1000 + 3600 }],
    userPool: pool,
    iam: { region: 'us-east-1', principals: [iamUserPrincipal({ ...credentials, accountId: '123456789012', userName: 'ci' })] },
    lambda: { apiId: 'api', accountId: '123456789012', invoke: async () => ({ result: { isAuthorized: true } }) },
  };
});
afterAll(async () => {
  await provider.close();
  await dataDir.remove();
});

const modeConfigs = (): Record<string, AuthModeConfig> => ({
  API_KEY: { type: 'API_KEY' },
  AMAZON_COGNITO_USER_POOLS: { type: 'AMAZON_COGNITO_USER_POOLS' },
  OPENID_CONNECT: { type: 'OPENID_CONNECT', issuer: provider.issuer },
  AWS_IAM: { type: 'AWS_IAM' },
  AWS_LAMBDA: { type: 'AWS_LAMBDA', function: 'authorizer' },
});
function authenticatorWith(...types: string[]): Authenticator {
  const [first, ...rest] = types.map((type) => modeConfigs()[type] as AuthModeConfig);
  return createAuthenticator({ default: first as AuthModeConfig, additional: rest }, deps);
}
async function modeOf(authenticator: Authenticator, headers: Record<string, string>): Promise<string | AuthenticationOutcome> {
  const outcome = await authenticator.authenticate(graphqlRequest(headers));
  return outcome.ok ? outcome.auth.type : outcome;
}
const cognitoToken = () => pool.mint({ username: 'alice', now: NOW });
const oidcToken = () => provider.sign({ iss: provider.issuer, sub: 's', iat: NOW / 1000, exp: NOW / 1000 + 600 });
const sigV4 = () => signedHeaders({ credentials, signingDate: new Date(NOW), body: GRAPHQL_BODY });

// spec: appsync-graphql-engine.md §3.2 (the recommended precedence; AppSync's own is undocumented)
describe('choosing the mode from the headers, with all five modes configured', () => {
  const all = () => authenticatorWith('API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_IAM', 'AWS_LAMBDA');

  it('picks each mode from its own credentials', async () => {
    const authenticator = all();
    expect([
      await modeOf(authenticator, { 'x-api-key': 'da2-good' }),
      await modeOf(authenticator, await sigV4()),
      await modeOf(authenticator, { authorization: await cognitoToken() }),
      await modeOf(authenticator, { authorization: await oidcToken() }),
      await modeOf(authenticator, { authorization: 'opaque-lambda-token' }),
    ]).toEqual(['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA']);
  });

  it('modeFor names the mode that would check the headers without checking them (a bad key still names API_KEY)', async () => {
    const authenticator = all();
    expect([
      authenticator.modeFor({ 'x-api-key': 'da2-bad' }),
      authenticator.modeFor(await sigV4()),
      authenticator.modeFor({ authorization: await cognitoToken() }),
      authenticator.modeFor({ authorization: await oidcToken() }),
      authenticator.modeFor({ authorization: 'opaque-lambda-token' }),
      authenticator.modeFor({}),
    ]).toEqual(['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA', undefined]);
  });

  it('gives x-api-key precedence over Authorization, with no fallback when the key is bad', async () => {
    const authorization = await cognitoToken();
    expect(await modeOf(all(), { 'x-api-key': 'da2-good', authorization })).toBe('API_KEY');
    expect(await modeOf(all(), { 'x-api-key': 'da2-bad', authorization })).toEqual(unauthorized('You are not authorized to make this call.'));
  });

  it('sends a JWT of an unknown issuer to the Lambda authorizer', async () => {
    const foreign = await startOidcIssuer();
    try {
      const token = await foreign.sign({ iss: foreign.issuer, sub: 'x', exp: NOW / 1000 + 60 });
      expect(await modeOf(all(), { authorization: token })).toBe('AWS_LAMBDA');
    } finally {
      await foreign.close();
    }
  });

  it('refuses a request without credentials (item 44)', async () => {
    expect(await modeOf(all(), {})).toEqual(unauthorized('Missing authorization header'));
  });
});

describe('choosing the mode when fewer modes are configured', () => {
  it('answers "Unable to parse JWT token." for a non-JWT on a Cognito API (item 47)', async () => {
    expect(await modeOf(authenticatorWith('API_KEY', 'AMAZON_COGNITO_USER_POOLS'), { authorization: 'not.a.jwt' })).toEqual(
      unauthorized('Unable to parse JWT token.'),
    );
  });

  it('refuses a JWT of an unknown issuer when both token modes are configured, and a non-JWT as unparseable', async () => {
    const authenticator = authenticatorWith('AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT');
    const foreign = await startOidcIssuer();
    try {
      const token = await foreign.sign({ iss: foreign.issuer, sub: 'x' });
      expect(await modeOf(authenticator, { authorization: token })).toEqual(unauthorized('Valid authorization header not provided.'));
      expect(await modeOf(authenticator, { authorization: 'garbage' })).toEqual(unauthorized('Unable to parse JWT token.'));
    } finally {
      await foreign.close();
    }
  });

  it('ignores x-api-key on an API without API_KEY and uses the other credentials', async () => {
    expect(await modeOf(authenticatorWith('AMAZON_COGNITO_USER_POOLS'), { 'x-api-key': 'da2-good', authorization: await cognitoToken() })).toBe(
      'AMAZON_COGNITO_USER_POOLS',
    );
    expect(await modeOf(authenticatorWith('AMAZON_COGNITO_USER_POOLS'), { 'x-api-key': 'da2-good' })).toEqual(unauthorized('Missing authorization header'));
  });

  it('refuses an Authorization header on an API_KEY-only API as missing credentials', async () => {
    expect(await modeOf(authenticatorWith('API_KEY'), { authorization: await cognitoToken() })).toEqual(unauthorized('Missing authorization header'));
  });

  it('refuses a SigV4 header when IAM is not configured', async () => {
    expect(await modeOf(authenticatorWith('API_KEY', 'AMAZON_COGNITO_USER_POOLS'), await sigV4())).toEqual(unauthorized('Unable to parse JWT token.'));
  });
});

describe('configuration errors fail at start-up', () => {
  it.each([
    [{ default: { type: 'API_KEY' }, additional: [{ type: 'API_KEY' }] }, 'auth: mode API_KEY is configured twice (AppSync allows each mode once, spec §3.1)'],
    [{ default: { type: 'AWS_IAM' } }, "auth: mode AWS_IAM is configured but the dependency 'iam' was not given"],
    [{ default: { type: 'AMAZON_COGNITO_USER_POOLS', appIdClientRegex: '(' } }, 'auth: appIdClientRegex is not a valid regular expression: ('],
    [{ default: { type: 'AWS_LAMBDA', function: 'f', identityValidationExpression: '[' } }, 'auth: identityValidationExpression is not a valid regular expression: ['],
  ] as Array<[AuthenticationConfig, string]>)('%j', (config, message) => {
    const { iam: _iam, ...withoutIam } = deps;
    expect(() => createAuthenticator(config, withoutIam)).toThrow(message);
  });
});
