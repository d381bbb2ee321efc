/**
 * AMAZON_COGNITO_USER_POOLS mode, verifying tokens of the local user pool (`local-user-pool.ts`):
 * signature against its JWKS, issuer, expiry, `token_use` id|access, and the client id (`aud` of ID
 * tokens, `client_id` of access tokens) against `appIdClientRegex` when set.
 * Spec: shared/spec/appsync-graphql-engine.md §3.6, §3.7, §3.8 (identity).
 */
import { createLocalJWKSet, type JWTPayload } from 'jose';
import type { UserPoolAuthConfig } from '../definition/types.js';
import { bearerToken } from './jwt-peek.js';
import { verifyJwt } from './jwt-verify.js';
import type { LocalUserPool } from './local-user-pool.js';
import type { Clock, JwtAuthMode } from './mode.js';
import { accepted, unauthorized, UNAUTHORIZED_MESSAGES } from './outcome.js';
import type { CredentialsRequest } from './types.js';
import { wholeMatcher } from './whole-match.js';

/** `ctx.identity` for a user-pool request (spec §3.8). */
export interface CognitoIdentity {
  sub: string;
  issuer: string;
  username: string;
  claims: JWTPayload;
  sourceIp: string[];
  defaultAuthStrategy: 'ALLOW' | 'DENY';
  groups: string[] | null;
}

export function createUserPoolMode(
  config: UserPoolAuthConfig,
  pool: Pick<LocalUserPool, 'issuer' | 'jwks'>,
  now: Clock,
): JwtAuthMode {
  const keys = createLocalJWKSet(pool.jwks());
  const clientIdAllowed =
    config.appIdClientRegex === undefined ? () => true : wholeMatcher(config.appIdClientRegex, 'appIdClientRegex');
  return {
    type: 'AMAZON_COGNITO_USER_POOLS',
    ownsIssuer: (issuer) => issuer === pool.issuer,
    async authenticate(request: CredentialsRequest) {
      const token = bearerToken(request.headers.authorization ?? '');
      const verified = await verifyJwt(token, keys, { issuers: [pool.issuer], algorithms: ['RS256'], now });
      if (!verified.ok) return unauthorized(verified.message);
      const claims = verified.claims;
      const clientId = claims.token_use === 'id' ? claims.aud : claims.token_use === 'access' ? claims.client_id : undefined;
      if (typeof clientId !== 'string' || typeof claims.sub !== 'string') {
        return unauthorized(UNAUTHORIZED_MESSAGES.invalidToken);
      }
      if (!clientIdAllowed(clientId)) {
        return unauthorized(UNAUTHORIZED_MESSAGES.invalidToken);
      }
      const identity: CognitoIdentity = {
        sub: claims.sub,
        issuer: pool.issuer,
        username: String(claims['cognito:username'] ?? claims.username ?? ''),
        claims,
        sourceIp: [request.sourceIp],
        defaultAuthStrategy: config.defaultAction ?? 'ALLOW',
        groups: groupsOf(claims),
      };
      return accepted({ type: 'AMAZON_COGNITO_USER_POOLS', identity, deniedFields: [] });
    },
  };
}

/** The `cognito:groups` claim, or `null` when the user is in no group (Cognito then omits the claim). */
export function groupsOf(claims: JWTPayload): string[] | null {
  const groups = claims['cognito:groups'];
  return Array.isArray(groups) ? groups.map(String) : null;
}
