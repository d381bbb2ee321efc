/**
 * Building authentication outcomes, and the request-level 401 messages AppSync answers with.
 * Spec: shared/spec/appsync-graphql-engine.md §3.7.
 */
import { UnauthorizedException, type AppSyncError } from '../errors.js';
import type { AuthContext, AuthenticationOutcome } from './types.js';

/**
 * AppSync's request-level 401 messages (spec §3.7). Which situation gets which text is partly
 * unconfirmed; each entry says where its wording comes from.
 */
export const UNAUTHORIZED_MESSAGES = {
  /** No `x-api-key` and no `Authorization` at all [obs: aws-amplify/amplify-cli#1770, amplify-js#4270]. */
  missingCredentials: 'Missing authorization header',
  /** A JWT that is not a JWT [obs, spec §3.7]. */
  unparseableJwt: 'Unable to parse JWT token.',
  /** A JWT that parses but fails verification (signature, issuer, client id, token use) [obs, spec §3.7]. */
  invalidToken: 'Valid authorization header not provided.',
  /** A JWT past its `exp` (spec §3.7, unconfirmed wording). */
  expiredToken: 'Token has expired.',
  /** Unknown or expired API key; Lambda authorizer deny or failure (spec §3.5, §3.7, commonly reported). */
  notAuthorized: 'You are not authorized to make this call.',
} as const;

export function accepted(auth: AuthContext): AuthenticationOutcome {
  return { ok: true, auth };
}

/** A rejection carrying one error of the catalogue (`local/errors.ts`). */
export function rejected(error: AppSyncError, statusCode = 401): AuthenticationOutcome {
  return statusCode === 401
    ? { ok: false, errorType: error.errorType, message: error.message }
    : { ok: false, errorType: error.errorType, message: error.message, statusCode };
}

/** The usual 401 `UnauthorizedException` rejection. */
export function unauthorized(message: string): AuthenticationOutcome {
  return rejected(new UnauthorizedException(message));
}
