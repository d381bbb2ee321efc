import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLocalUserPool, subjectFor } from '../../../local/auth/local-user-pool.js';
import { decodePayload } from '../../fixtures/auth/forged-tokens.js';
import { temporaryDataDir } from '../../fixtures/auth/temp-dir.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const NOW_S = NOW / 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_liveboard';

let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
beforeEach(async () => {
  dataDir = await temporaryDataDir();
});
afterEach(() => dataDir.remove());

describe('local Cognito user pool', () => {
  it('generates its key pair once and keeps it in the data directory (owner-only file)', async () => {
    const first = await loadLocalUserPool(dataDir.path);
    const second = await loadLocalUserPool(dataDir.path);
    expect(second.jwks()).toEqual(first.jwks());
    const file = join(dataDir.path, 'cognito', 'user-pool.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // A token minted by one loaded instance verifies against the other's JWKS.
    const token = await first.mint({ username: 'alice' });
    await expect(jwtVerify(token, createLocalJWKSet(second.jwks()), { issuer: second.issuer })).resolves.toBeDefined();
    expect(JSON.parse(await readFile(file, 'utf8')).kid).toBe(first.jwks().keys[0]?.kid);
  });

  it('agrees on one key pair when loaded concurrently for the first time', async () => {
    const pools = await Promise.all([1, 2, 3, 4].map(() => loadLocalUserPool(dataDir.path)));
    const kids = new Set(pools.map((pool) => pool.jwks().keys[0]?.kid));
    expect(kids.size).toBe(1);
  });

  it('publishes only public key material in its JWKS', async () => {
    const pool = await loadLocalUserPool(dataDir.path);
    const jwks = pool.jwks();
    expect(jwks).toEqual({
      keys: [{ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: expect.any(String), alg: 'RS256', use: 'sig' }],
    });
  });

  it('mints ID tokens with Cognito claims', async () => {
    const pool = await loadLocalUserPool(dataDir.path);
    const token = await pool.mint({ username: 'alice', groups: ['admin'], ttlSeconds: 600, now: NOW });
    expect(decodeProtectedHeader(token)).toEqual({ kid: pool.jwks().keys[0]?.kid, alg: 'RS256' });
    expect(decodePayload(token)).toEqual({
      sub: subjectFor('us-east-1_liveboard', 'alice'),
      'cognito:groups': ['admin'],
      email_verified: true,
      iss: ISSUER,
      'cognito:username': 'alice',
      aud: 'liveboardlocalappclient1',
      token_use: 'id',
      auth_time: NOW_S,
      exp: NOW_S + 600,
      iat: NOW_S,
      email: 'alice@example.com',
      origin_jti: expect.stringMatching(UUID),
      event_id: expect.stringMatching(UUID),
      jti: expect.stringMatching(UUID),
    });
  });

  it('mints access tokens with Cognito claims (client_id, scope, username; no groups claim without groups)', async () => {
    const pool = await loadLocalUserPool(dataDir.path);
    const token = await pool.mint({ username: 'bob', tokenUse: 'access', now: NOW });
    expect(decodePayload(token)).toEqual({
      sub: subjectFor('us-east-1_liveboard', 'bob'),
      iss: ISSUER,
      client_id: 'liveboardlocalappclient1',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: NOW_S,
      exp: NOW_S + 3600,
      iat: NOW_S,
      username: 'bob',
      origin_jti: expect.stringMatching(UUID),
      event_id: expect.stringMatching(UUID),
      jti: expect.stringMatching(UUID),
    });
  });

  it('gives each user name a stable UUID sub, different between users', () => {
    expect(subjectFor('p', 'alice')).toBe(subjectFor('p', 'alice'));
    expect(subjectFor('p', 'alice')).not.toBe(subjectFor('p', 'bob'));
    expect(subjectFor('p', 'alice')).toMatch(UUID);
  });
});
