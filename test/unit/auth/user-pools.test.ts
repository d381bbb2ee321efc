import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import { loadLocalUserPool, subjectFor, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import type { Authenticator } from '../../../local/auth/types.js';
import type { UserPoolAuthConfig } from '../../../local/definition/types.js';
import {
  decodePayload,
  foreignSigner,
  hs256WithPublicKey,
  unsignedToken,
  withTamperedPayload,
} from '../../fixtures/auth/forged-tokens.js';
import { graphqlRequest } from '../../fixtures/auth/requests.js';
import { temporaryDataDir } from '../../fixtures/auth/temp-dir.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const NOW_S = NOW / 1000;
const INVALID = { ok: false, errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' };
const UNPARSEABLE = { ok: false, errorType: 'UnauthorizedException', message: 'Unable to parse JWT token.' };
const EXPIRED = { ok: false, errorType: 'UnauthorizedException', message: 'Token has expired.' };

let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
let pool: LocalUserPool;

function authenticatorFor(config: UserPoolAuthConfig): Authenticator {
  return createAuthenticator({ default: config }, { userPool: pool, now: () => NOW });
}

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  pool = await loadLocalUserPool(dataDir.path);
});
afterAll(() => dataDir.remove());

// spec: appsync-graphql-engine.md §3.6 (validation), §3.8 (identity), conformance items 48-50, 68
describe('AMAZON_COGNITO_USER_POOLS mode: accepted tokens', () => {
  const authenticator = () => authenticatorFor({ type: 'AMAZON_COGNITO_USER_POOLS' });

  it('accepts an ID token and fills ctx.identity as AppSync does', async () => {
    const token = await pool.mint({ username: 'alice', groups: ['admin', 'editors'], now: NOW });
    const claims = decodePayload(token);
    expect(await authenticator().authenticate(graphqlRequest({ authorization: token }, { sourceIp: '10.0.0.7' }))).toEqual({
      ok: true,
      auth: {
        type: 'AMAZON_COGNITO_USER_POOLS',
        identity: {
          sub: subjectFor(pool.userPoolId, 'alice'),
          issuer: pool.issuer,
          username: 'alice',
          claims,
          sourceIp: ['10.0.0.7'],
          defaultAuthStrategy: 'ALLOW',
          groups: ['admin', 'editors'],
        },
        deniedFields: [],
      },
    });
  });

  it('accepts an access token (username from `username`, no groups → null)', async () => {
    const token = await pool.mint({ username: 'bob', tokenUse: 'access', now: NOW });
    expect(await authenticator().authenticate(graphqlRequest({ authorization: token }))).toEqual({
      ok: true,
      auth: {
        type: 'AMAZON_COGNITO_USER_POOLS',
        identity: {
          sub: subjectFor(pool.userPoolId, 'bob'),
          issuer: pool.issuer,
          username: 'bob',
          claims: decodePayload(token),
          sourceIp: ['127.0.0.1'],
          defaultAuthStrategy: 'ALLOW',
          groups: null,
        },
        deniedFields: [],
      },
    });
  });

  it('reports defaultAuthStrategy DENY when the default mode says so', async () => {
    const token = await pool.mint({ username: 'carol', now: NOW });
    const outcome = await authenticatorFor({ type: 'AMAZON_COGNITO_USER_POOLS', defaultAction: 'DENY' }).authenticate(
      graphqlRequest({ authorization: token }),
    );
    expect(outcome.ok && (outcome.auth.identity as { defaultAuthStrategy: string }).defaultAuthStrategy).toBe('DENY');
  });

  it('accepts a token whose client id matches appIdClientRegex (whole match)', async () => {
    const token = await pool.mint({ username: 'dave', clientId: 'web-client-1', now: NOW });
    const outcome = await authenticatorFor({ type: 'AMAZON_COGNITO_USER_POOLS', appIdClientRegex: 'web-client-\\d' }).authenticate(
      graphqlRequest({ authorization: token }),
    );
    expect(outcome.ok).toBe(true);
  });

  it('accepts a token sent with a Bearer prefix (spec §3.2, unconfirmed)', async () => {
    const token = await pool.mint({ username: 'erin', now: NOW });
    expect((await authenticator().authenticate(graphqlRequest({ authorization: `Bearer ${token}` }))).ok).toBe(true);
  });
});

// Attack cases: every one must be refused with a 401 and nothing else (spec §3.6, §3.7).
describe('AMAZON_COGNITO_USER_POOLS mode: attack cases', () => {
  const authenticator = () => authenticatorFor({ type: 'AMAZON_COGNITO_USER_POOLS', appIdClientRegex: 'liveboardlocalappclient1' });
  const validClaims = () => decodePayload(tokenForClaims);
  let tokenForClaims: string;
  beforeAll(async () => {
    tokenForClaims = await pool.mint({ username: 'mallory', groups: ['users'], now: NOW });
  });
  const kid = () => pool.jwks().keys[0]?.kid ?? '';

  const cases: Array<[string, () => Promise<string>, object]> = [
    ['attack: forged — signed by a foreign key pair with the pool kid', async () => (await foreignSigner())(validClaims(), kid()), INVALID],
    ['attack: forged — signed by a foreign key pair with its own kid', async () => (await foreignSigner())(validClaims(), 'foreign'), INVALID],
    ['attack: alg confusion — alg none, empty signature', async () => unsignedToken(validClaims()), INVALID],
    [
      'attack: alg confusion — HS256 signed with the public key',
      async () => hs256WithPublicKey(validClaims(), pool.jwks().keys[0] ?? {}, kid()),
      INVALID,
    ],
    [
      'attack: tampered payload — groups escalated, signature kept',
      async () => withTamperedPayload(tokenForClaims, (claims) => ({ ...claims, 'cognito:groups': ['admin'] })),
      INVALID,
    ],
    [
      'attack: tampered payload — exp extended, signature kept',
      async () => withTamperedPayload(await pool.mint({ username: 'm', now: NOW - 7200_000 }), (claims) => ({ ...claims, exp: NOW_S + 3600 })),
      INVALID,
    ],
    ['attack: expired token', async () => pool.mint({ username: 'm', now: NOW - 3601_000 }), EXPIRED],
    ['attack: expired access token', async () => pool.mint({ username: 'm', tokenUse: 'access', now: NOW - 7200_000 }), EXPIRED],
    [
      'attack: foreign issuer — another pool\'s token signed by its own key',
      async () => (await foreignSigner())({ ...validClaims(), iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' }, kid()),
      INVALID,
    ],
    ['attack: wrong audience — client id outside appIdClientRegex', async () => pool.mint({ username: 'm', clientId: 'evil-client', now: NOW }), INVALID],
    [
      'attack: wrong audience — regex only matched as a substring',
      async () => pool.mint({ username: 'm', clientId: 'xliveboardlocalappclient1x', now: NOW }),
      INVALID,
    ],
    ['attack: oversize token (over 8 KB)', async () => `${tokenForClaims}${'A'.repeat(9000)}`, UNPARSEABLE],
    ['attack: not a JWT at all', async () => 'not.a.jwt', UNPARSEABLE],
    ['attack: JWT with signature segment removed', async () => tokenForClaims.split('.').slice(0, 2).join('.'), UNPARSEABLE],
    ['attack: empty Authorization value', async () => '', { ok: false, errorType: 'UnauthorizedException', message: 'Missing authorization header' }],
  ];

  it.each(cases)('%s', async (_label, makeToken, expected) => {
    const token = await makeToken();
    expect(await authenticator().authenticate(graphqlRequest({ authorization: token }))).toEqual(expected);
  });

  it('attack: token_use other than id|access (signed by the pool) is refused', async () => {
    const signed = await signWithPool({ ...validClaims(), token_use: 'refresh' });
    expect(await authenticator().authenticate(graphqlRequest({ authorization: signed }))).toEqual(INVALID);
  });

  it('attack: issuer claim of another pool, signed with the pool key, is refused', async () => {
    const signed = await signWithPool({ ...validClaims(), iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' });
    expect(await authenticator().authenticate(graphqlRequest({ authorization: signed }))).toEqual(INVALID);
  });
});

/** Signs arbitrary claims with the pool's own private key, read from its data directory. */
async function signWithPool(claims: Record<string, unknown>): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { importJWK, SignJWT } = await import('jose');
  const stored = JSON.parse(await readFile(`${dataDir.path}/cognito/user-pool.json`, 'utf8')) as { privateJwk: object; kid: string };
  const key = await importJWK(stored.privateJwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: stored.kid }).sign(key);
}
