/**
 * JWT verification shared by the Cognito user pool and OIDC modes: a real signature check against the
 * issuer's keys with jose, the issuer, and the expiry. Mode-specific claims (token use, client id, TTLs)
 * are checked by the modes. Spec: shared/spec/appsync-graphql-engine.md §3.6, §3.7.
 */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { peekToken } from './jwt-peek.js';
import type { Clock } from './mode.js';
import { UNAUTHORIZED_MESSAGES } from './outcome.js';

/**
 * Signature algorithms a token may use. Only asymmetric ones: `none` and the HMAC family are refused,
 * so a token "signed" with the issuer's public key as an HMAC secret (algorithm confusion) never passes.
 */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export type JwtVerification = { ok: true; claims: JWTPayload } | { ok: false; message: string };

export interface JwtExpectations {
  /** Accepted `iss` values. */
  issuers: string[];
  algorithms: string[];
  now: Clock;
}

export async function verifyJwt(token: string, keys: JWTVerifyGetKey, expected: JwtExpectations): Promise<JwtVerification> {
  if (peekToken(token).kind !== 'jwt') return { ok: false, message: UNAUTHORIZED_MESSAGES.unparseableJwt };
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: expected.issuers,
      algorithms: expected.algorithms,
      currentDate: new Date(expected.now()),
    });
    return { ok: true, claims: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, message: UNAUTHORIZED_MESSAGES.expiredToken };
    return { ok: false, message: UNAUTHORIZED_MESSAGES.invalidToken };
  }
}
