import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../local/auth/authenticator.js';
import type { AuthenticationOutcome } from '../../../local/auth/types.js';
import type { OidcAuthConfig } from '../../../local/definition/types.js';
import { foreignSigner, hs256WithPublicKey, unsignedToken, withTamperedPayload } from '../../fixtures/auth/forged-tokens.js';
import { startOidcIssuer, type LocalOidcIssuer } from '../../fixtures/auth/oidc-issuer.js';
import { graphqlRequest } from '../../fixtures/auth/requests.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const NOW_S = NOW / 1000;
const INVALID: AuthenticationOutcome = { ok: false, errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' };
const EXPIRED: AuthenticationOutcome = { ok: false, errorType: 'UnauthorizedException', message: 'Token has expired.' };

let provider: LocalOidcIssuer;
let ecProvider: LocalOidcIssuer;
beforeAll(async () => {
  provider = await startOidcIssuer({ alg: 'RS256', pathPrefix: '/realms/test' });
  ecProvider = await startOidcIssuer({ alg: 'ES256' });
});
afterAll(async () => {
  await provider.close();
  await ecProvider.close();
});

function oidc(config: Partial<OidcAuthConfig> = {}, issuer = provider.issuer) {
  return createAuthenticator({ default: { type: 'OPENID_CONNECT', issuer, ...config } }, { now: () => NOW });
}
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: provider.issuer,
  sub: 'user-123',
  aud: 'web-app',
  iat: NOW_S - 60,
  auth_time: NOW_S - 120,
  exp: NOW_S + 3600,
  ...extra,
});

// spec: appsync-graphql-engine.md §3.6 (OIDC), §3.8 (identity; conformance items 51, 69)
describe('OPENID_CONNECT mode: accepted tokens', () => {
  it('discovers the JWKS, verifies the token and fills ctx.identity { claims, issuer, sub }', async () => {
    const token = await provider.sign(claims({ email: 'u@example.com' }));
    expect(await oidc({ clientId: 'web-.*' }).authenticate(graphqlRequest({ authorization: token }))).toEqual({
      ok: true,
      auth: { type: 'OPENID_CONNECT', identity: { claims: claims({ email: 'u@example.com' }), issuer: provider.issuer, sub: 'user-123' }, deniedFields: [] },
    });
    expect(provider.requests.slice(0, 2)).toEqual(['/realms/test/.well-known/openid-configuration', '/realms/test/keys']);
  });

  it('fetches discovery and keys once, then serves later tokens from cache', async () => {
    const authenticator = oidc();
    const before = provider.requests.length;
    for (const sub of ['a', 'b', 'c']) {
      expect((await authenticator.authenticate(graphqlRequest({ authorization: await provider.sign(claims({ sub })) }))).ok).toBe(true);
    }
    expect(provider.requests.length - before).toBe(2);
  });

  it('ignores a trailing slash on the configured issuer, and accepts ES256 providers', async () => {
    const token = await ecProvider.sign(claims({ iss: ecProvider.issuer }));
    expect((await oidc({}, `${ecProvider.issuer}/`).authenticate(graphqlRequest({ authorization: token }))).ok).toBe(true);
  });

  it('accepts tokens inside iatTTL and authTTL, and any audience of a list matching clientId', async () => {
    const token = await provider.sign(claims({ aud: ['other', 'web-app'] }));
    const outcome = await oidc({ clientId: 'web-app', iatTTL: 60_000, authTTL: 120_000 }).authenticate(graphqlRequest({ authorization: token }));
    expect(outcome.ok).toBe(true);
  });
});

describe('OPENID_CONNECT mode: attack cases', () => {
  const cases: Array<[string, () => Promise<string>, Partial<OidcAuthConfig>, AuthenticationOutcome]> = [
    ['attack: forged — signed by a foreign key pair with the provider kid', async () => (await foreignSigner())(claims(), 'oidc-test-key'), {}, INVALID],
    ['attack: alg confusion — alg none', async () => unsignedToken(claims()), {}, INVALID],
    [
      'attack: alg confusion — HS256 signed with the provider public key',
      async () => {
        const jwks = (await (await fetch(`${provider.issuer}/keys`)).json()) as { keys: object[] };
        return hs256WithPublicKey(claims(), jwks.keys[0] ?? {}, 'oidc-test-key');
      },
      {},
      INVALID,
    ],
    ['attack: tampered payload — sub changed', async () => withTamperedPayload(await provider.sign(claims()), (c) => ({ ...c, sub: 'admin' })), {}, INVALID],
    ['attack: expired token', async () => provider.sign(claims({ exp: NOW_S - 1 })), {}, EXPIRED],
    ['attack: wrong audience — aud outside clientId', async () => provider.sign(claims({ aud: 'mobile-app' })), { clientId: 'web-app' }, INVALID],
    ['attack: wrong audience — no aud at all with clientId set', async () => provider.sign(claims({ aud: undefined })), { clientId: 'web-app' }, INVALID],
    ['attack: iat older than iatTTL', async () => provider.sign(claims({ iat: NOW_S - 61 })), { iatTTL: 60_000 }, INVALID],
    ['attack: auth_time older than authTTL', async () => provider.sign(claims({ auth_time: NOW_S - 121 })), { authTTL: 120_000 }, INVALID],
    ['attack: authTTL set and auth_time missing', async () => provider.sign(claims({ auth_time: undefined })), { authTTL: 120_000 }, INVALID],
    ['attack: foreign issuer — the provider key signing for another iss', async () => provider.sign(claims({ iss: 'https://evil.example.com' })), {}, INVALID],
  ];

  it.each(cases)('%s', async (_label, makeToken, config, expected) => {
    expect(await oidc(config).authenticate(graphqlRequest({ authorization: await makeToken() }))).toEqual(expected);
  });

  it('refuses tokens (401, no crash) while the provider is down, and recovers when it is back', async () => {
    const flaky = await startOidcIssuer();
    try {
      const token = await flaky.sign(claims({ iss: flaky.issuer }));
      const authenticator = oidc({}, flaky.issuer);
      flaky.setAvailable(false);
      expect(await authenticator.authenticate(graphqlRequest({ authorization: token }))).toEqual(INVALID);
      flaky.setAvailable(true);
      expect((await authenticator.authenticate(graphqlRequest({ authorization: token }))).ok).toBe(true);
    } finally {
      await flaky.close();
    }
  });
});
