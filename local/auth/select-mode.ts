/**
 * Which configured mode handles a request, from its headers alone.
 * Spec: shared/spec/appsync-graphql-engine.md §3.2 (AppSync's precedence is undocumented; this is the
 * spec's recommended algorithm) and appsync-realtime.md §2.3 (same detection on the WebSocket).
 */
import { API_KEY_HEADER } from './api-key.js';
import { bearerToken, peekToken } from './jwt-peek.js';
import type { AuthMode, JwtAuthMode } from './mode.js';
import { unauthorized, UNAUTHORIZED_MESSAGES } from './outcome.js';
import type { AuthenticationOutcome } from './types.js';

export interface ConfiguredModes {
  API_KEY?: AuthMode;
  AWS_IAM?: AuthMode;
  AMAZON_COGNITO_USER_POOLS?: JwtAuthMode;
  OPENID_CONNECT?: JwtAuthMode;
  AWS_LAMBDA?: AuthMode;
}

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * 1. `x-api-key` and API_KEY configured → API_KEY (a bad key is refused, no fallback).
 * 2. `Authorization: AWS4-HMAC-SHA256 ...` and IAM configured → IAM.
 * 3. A JWT whose `iss` a configured user pool or OIDC provider owns → that mode.
 * 4. Any other `Authorization` with a Lambda authorizer configured → Lambda.
 * 5. Otherwise a 401; when IAM is the only mode that could read an `Authorization` value, IAM itself
 *    refuses it with `IncompleteSignatureException`, as AppSync does for a JWT sent to an IAM API
 *    [obs: aws-amplify/amplify-js#7906, #2035].
 */
export function selectMode(
  headers: Record<string, string>,
  modes: ConfiguredModes,
): AuthMode | AuthenticationOutcome {
  if (headers[API_KEY_HEADER] !== undefined && modes.API_KEY) return modes.API_KEY;
  const authorization = headers.authorization;
  if (authorization === undefined || authorization === '') {
    return unauthorized(UNAUTHORIZED_MESSAGES.missingCredentials);
  }
  if (authorization.startsWith(SIGV4_ALGORITHM) && modes.AWS_IAM) return modes.AWS_IAM;

  const jwtModes = [modes.AMAZON_COGNITO_USER_POOLS, modes.OPENID_CONNECT].filter(
    (mode): mode is JwtAuthMode => mode !== undefined,
  );
  const peeked = peekToken(bearerToken(authorization));
  if (peeked.kind === 'jwt' && peeked.issuer !== undefined) {
    const issuer = peeked.issuer;
    const owner = jwtModes.find((mode) => mode.ownsIssuer(issuer));
    if (owner) return owner;
  }
  if (modes.AWS_LAMBDA) return modes.AWS_LAMBDA;
  if (jwtModes.length === 1 && jwtModes[0]) {
    // The only token mode verifies (and refuses) tokens of foreign issuers itself.
    return peeked.kind === 'jwt' ? jwtModes[0] : unauthorized(UNAUTHORIZED_MESSAGES.unparseableJwt);
  }
  if (jwtModes.length > 1) {
    return unauthorized(peeked.kind === 'jwt' ? UNAUTHORIZED_MESSAGES.invalidToken : UNAUTHORIZED_MESSAGES.unparseableJwt);
  }
  if (modes.AWS_IAM) return modes.AWS_IAM;
  return unauthorized(UNAUTHORIZED_MESSAGES.missingCredentials);
}

export function isMode(value: AuthMode | AuthenticationOutcome): value is AuthMode {
  return 'authenticate' in value;
}
