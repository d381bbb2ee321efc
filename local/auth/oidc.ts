/**
 * OPENID_CONNECT mode: tokens of any OIDC provider, verified against the keys its discovery document
 * points to (`<issuer>/.well-known/openid-configuration` → `jwks_uri`), with `aud` matched against the
 * `clientId` regular expression and the `iatTTL` / `authTTL` windows.
 * Locally, the keys of the local stand-in for the provider (`local-oidc-key.ts`, what
 * `liveboard token --oidc` signs with) are trusted too, selected by the token's `kid`; every other check
 * is the same for them.
 * Spec: shared/spec/appsync-graphql-engine.md §3.1, §3.6, §3.8 (identity `{ claims, issuer, sub }`).
 */
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { OidcAuthConfig } from '../definition/types.js';
import { bearerToken } from './jwt-peek.js';
import { ASYMMETRIC_ALGORITHMS, verifyJwt } from './jwt-verify.js';
import type { Clock, JwtAuthMode } from './mode.js';
import { accepted, unauthorized, UNAUTHORIZED_MESSAGES } from './outcome.js';
import type { CredentialsRequest } from './types.js';
import { wholeMatcher } from './whole-match.js';

/** `ctx.identity` for an OIDC request (spec §3.8). */
export interface OidcIdentity {
  claims: JWTPayload;
  issuer: string;
  sub: string;
}

/** The issuer without a trailing `/`: AppSync ignores it when comparing (spec §3.2 step 3). */
function normalizeIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}

/** `localKeys`: the local stand-in's public keys (`LocalOidcKey.jwks()`), trusted besides the provider's. */
export function createOidcMode(config: OidcAuthConfig, now: Clock, localKeys?: JSONWebKeySet): JwtAuthMode {
  const issuer = normalizeIssuer(config.issuer);
  const keys = localKeys ? localOrDiscoveredKeys(localKeys, discoveredKeys(issuer)) : discoveredKeys(issuer);
  const audienceAllowed = config.clientId ? wholeMatcher(config.clientId, 'OIDC clientId') : undefined;
  return {
    type: 'OPENID_CONNECT',
    ownsIssuer: (candidate) => normalizeIssuer(candidate) === issuer,
    async authenticate(request: CredentialsRequest) {
      const token = bearerToken(request.headers.authorization ?? '');
      const verified = await verifyJwt(token, keys, {
        issuers: [issuer, `${issuer}/`],
        algorithms: ASYMMETRIC_ALGORITHMS,
        now,
      });
      if (!verified.ok) return unauthorized(verified.message);
      const claims = verified.claims;
      if (typeof claims.sub !== 'string' || !withinTtls(config, claims, now()) || !audienceMatches(audienceAllowed, claims)) {
        return unauthorized(UNAUTHORIZED_MESSAGES.invalidToken);
      }
      const identity: OidcIdentity = { claims, issuer: String(claims.iss), sub: claims.sub };
      return accepted({ type: 'OPENID_CONNECT', identity, deniedFields: [] });
    },
  };
}

/** `clientId` (a regular expression, spec §3.1) must match one of the token's audiences when configured. */
function audienceMatches(allowed: ((audience: string) => boolean) | undefined, claims: JWTPayload): boolean {
  if (!allowed) return true;
  const audiences = Array.isArray(claims.aud) ? claims.aud : claims.aud === undefined ? [] : [claims.aud];
  return audiences.some(allowed);
}

/** `iatTTL` / `authTTL` in milliseconds; 0 or absent = no check (spec §3.1, §3.6). */
function withinTtls(config: OidcAuthConfig, claims: JWTPayload, nowMs: number): boolean {
  return withinTtl(config.iatTTL, claims.iat, nowMs) && withinTtl(config.authTTL, claims.auth_time, nowMs);
}

function withinTtl(ttlMs: number | undefined, claimSeconds: unknown, nowMs: number): boolean {
  if (!ttlMs) return true;
  return typeof claimSeconds === 'number' && nowMs - claimSeconds * 1000 <= ttlMs;
}

/**
 * A token whose `kid` names a local key is verified with that key (no discovery: offline there is no
 * provider); any other token with the provider's keys.
 */
function localOrDiscoveredKeys(localKeys: JSONWebKeySet, discovered: JWTVerifyGetKey): JWTVerifyGetKey {
  const local = createLocalJWKSet(localKeys);
  const localKids = new Set(localKeys.keys.map((key) => key.kid));
  return (header, token) => (header.kid !== undefined && localKids.has(header.kid) ? local(header, token) : discovered(header, token));
}

/**
 * The provider's keys, discovered on first use and then cached by jose (which refetches the JWKS
 * when it meets an unknown `kid`). A failed discovery is retried on the next request.
 */
function discoveredKeys(issuer: string): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  return async (header, token) => {
    keySet ??= discoverJwksUri(issuer).then(
      (uri) => createRemoteJWKSet(uri),
      (error: unknown) => {
        keySet = undefined;
        throw error;
      },
    );
    return (await keySet)(header, token);
  };
}

async function discoverJwksUri(issuer: string): Promise<URL> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`OIDC discovery for ${issuer} answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: unknown };
  if (typeof document.jwks_uri !== 'string') throw new Error(`OIDC discovery for ${issuer} has no jwks_uri`);
  return new URL(document.jwks_uri);
}
