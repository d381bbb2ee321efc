/**
 * Reading a bearer token's issuer without trusting it, to pick the mode that will verify it
 * (spec §3.2 step 3). Verification proper is in `jwt-verify.ts`.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * Longest `Authorization` token accepted. AppSync does not document a limit for JWTs (the Lambda
 * token limit is 2048 characters, spec §3.4); real Cognito tokens are 1-2 KB, and AWS front doors
 * cap a header at about 8 KB, so anything longer is refused before decoding (unconfirmed value).
 */
export const MAX_JWT_LENGTH = 8192;

export type PeekedToken = { kind: 'jwt'; issuer: string | undefined } | { kind: 'not-a-jwt' };

/** Cognito tokens come without a `Bearer ` prefix; a prefixed one is accepted too (spec §3.2, unconfirmed). */
export function bearerToken(authorization: string): string {
  return authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : authorization;
}

export function peekToken(token: string): PeekedToken {
  if (token.length > MAX_JWT_LENGTH) return { kind: 'not-a-jwt' };
  try {
    decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    return { kind: 'jwt', issuer: typeof claims.iss === 'string' ? claims.iss : undefined };
  } catch {
    return { kind: 'not-a-jwt' };
  }
}
