/**
 * The local stand-in for an OIDC provider (`local/auth/local-oidc-key.ts`) and the OIDC mode trusting it
 * besides the provider's discovered keys. Locally minted tokens get every check a provider's token gets
 * (spec: appsync-graphql-engine.md §3.6 OIDC, §3.7 messages, §3.8 identity `{ claims, issuer, sub }`).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import { loadLocalOidcKey, type LocalOidcKey } from '../../../local/auth/local-oidc-key.js';
import type { AuthenticationOutcome } from '../../../local/auth/types.js';
import type { OidcAuthConfig } from '../../../local/definition/types.js';
import { foreignSigner, hs256WithPublicKey, unsignedToken, withTamperedPayload } from '../../fixtures/auth/forged-tokens.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../../fixtures/auth/oidc-issuer.js';
import { graphqlRequest } from '../../fixtures/auth/requests.js';
import { temporaryDataDir } from '../../fixtures/auth/temp-dir.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const NOW_S = NOW / 1000;
const INVALID: AuthenticationOutcome = { ok: false, errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' };
const EXPIRED: AuthenticationOutcome = { ok: false, errorType: 'UnauthorizedException', message: 'Token has expired.' };

let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
let localKey: LocalOidcKey;
let provider: LocalOidcIssuer;
beforeAll(async () => {
  dataDir = await temporaryDataDir();
  localKey = await loadLocalOidcKey(dataDir.path);
  provider = await startOidcIssuer();
});
afterAll(async () => {
  await provider.close();
  await dataDir.remove();
});

function oidc(config: Partial<OidcAuthConfig> = {}) {
  return createAuthenticator(
    { default: { type: 'OPENID_CONNECT', issuer: provider.issuer, clientId: 'web-app', ...config } },
    { now: () => NOW, localOidcKey: localKey },
  );
}
const mint = (overrides: { issuer?: string; audience?: string; now?: number; ttlSeconds?: number } = {}) =>
  localKey.mint({ issuer: provider.issuer, subject: 'carol', audience: 'web-app', now: NOW - 60_000, ...overrides });
const authenticate = async (token: string, config: Partial<OidcAuthConfig> = {}) =>
  oidc(config).authenticate(graphqlRequest({ authorization: token }));

describe('the local OIDC signing key', () => {
  it('is generated once, kept owner-only in <dataDir>/oidc/, and the same key is loaded again', async () => {
    const again = await loadLocalOidcKey(dataDir.path);
    const file = await stat(join(dataDir.path, 'oidc', 'signing-key.json'));
    expect({ kid: again.kid, jwks: again.jwks(), mode: file.mode & 0o777 }).toEqual({ kid: localKey.kid, jwks: localKey.jwks(), mode: 0o600 });
  });

  it('publishes only public key material', () => {
    const [key] = localKey.jwks().keys;
    expect(Object.keys(key ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('mints RS256 tokens with its kid and the OIDC claims: iss, sub, aud, iat, auth_time, exp (+ extra claims)', async () => {
    const token = await localKey.mint({ issuer: 'https://login.example.com', subject: 'carol', audience: 'app', ttlSeconds: 600, claims: { email: 'c@example.com' }, now: NOW });
    const { jti, ...claims } = decodeJwt(token);
    expect({ header: decodeProtectedHeader(token), claims, jti: typeof jti }).toEqual({
      header: { kid: localKey.kid, alg: 'RS256', typ: 'JWT' },
      claims: { email: 'c@example.com', iss: 'https://login.example.com', sub: 'carol', aud: 'app', iat: NOW_S, auth_time: NOW_S, exp: NOW_S + 600 },
      jti: 'string',
    });
  });
});

describe('OPENID_CONNECT mode with the local key', () => {
  it('accepts a locally minted token for the configured issuer and client id, with the OIDC identity', async () => {
    const token = await mint();
    expect(await authenticate(token)).toEqual({
      ok: true,
      auth: { type: 'OPENID_CONNECT', identity: { claims: decodeJwt(token), issuer: provider.issuer, sub: 'carol' }, deniedFields: [] },
    });
  });

  it("still accepts the real provider's tokens, found through discovery", async () => {
    const token = await provider.sign({ iss: provider.issuer, sub: 'dan', aud: 'web-app', exp: NOW_S + 600 });
    expect(await authenticate(token)).toEqual({
      ok: true,
      auth: { type: 'OPENID_CONNECT', identity: { claims: decodeJwt(token), issuer: provider.issuer, sub: 'dan' }, deniedFields: [] },
    });
  });

  it('does not trust the local key when the mode is built without it', async () => {
    const withoutLocalKey = createAuthenticator({ default: { type: 'OPENID_CONNECT', issuer: provider.issuer } }, { now: () => NOW });
    expect(await withoutLocalKey.authenticate(graphqlRequest({ authorization: await mint() }))).toEqual(INVALID);
  });
});

describe('OPENID_CONNECT mode with the local key: attack cases', () => {
  const claims = () => ({ iss: provider.issuer, sub: 'carol', aud: 'web-app', iat: NOW_S - 60, exp: NOW_S + 3600 });
  const cases: Array<[string, () => Promise<string>, Partial<OidcAuthConfig>, AuthenticationOutcome]> = [
    ['attack: forged — a foreign key pair signing with the local kid', async () => (await foreignSigner())(claims(), localKey.kid), {}, INVALID],
    ['attack: alg confusion — alg none (unsigned), claims as the local key would sign them', async () => unsignedToken(claims()), {}, INVALID],
    [
      'attack: alg confusion — HS256 signed with the local public key',
      async () => hs256WithPublicKey(claims(), localKey.jwks().keys[0] ?? {}, localKey.kid),
      {},
      INVALID,
    ],
    ['attack: tampered payload — sub changed after local signing', async () => withTamperedPayload(await mint(), (c) => ({ ...c, sub: 'admin' })), {}, INVALID],
    ['attack: expired locally minted token', async () => mint({ now: NOW - 7200_000, ttlSeconds: 3600 }), {}, EXPIRED],
    ['attack: wrong audience — locally minted for another client id', async () => mint({ audience: 'mobile-app' }), {}, INVALID],
    ['attack: foreign issuer — the local key signing for another iss', async () => mint({ issuer: 'https://evil.example.com' }), {}, INVALID],
    ['attack: iat older than iatTTL — locally minted', async () => mint({ now: NOW - 120_000 }), { iatTTL: 60_000 }, INVALID],
  ];

  it.each(cases)('%s', async (_label, makeToken, config, expected) => {
    expect(await authenticate(await makeToken(), config)).toEqual(expected);
  });
});
