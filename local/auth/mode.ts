/**
 * One configured auth mode, as the authenticator composes them (spec §3.1-3.2). Each mode module
 * (`api-key.ts`, `user-pools.ts`, `oidc.ts`, `iam.ts`, `lambda-authorizer.ts`) exports a factory
 * returning one of these.
 */
import type { AuthType } from '../definition/types.js';
import type { AuthenticationOutcome, CredentialsRequest } from './types.js';

export interface AuthMode {
  readonly type: AuthType;
  /** Checks the request's credentials for this mode; never throws for bad credentials. */
  authenticate(request: CredentialsRequest): Promise<AuthenticationOutcome>;
}

/** A JWT mode (Cognito user pools, OIDC) also says which token issuers it owns (spec §3.2 step 3). */
export interface JwtAuthMode extends AuthMode {
  ownsIssuer(issuer: string): boolean;
}

/** Milliseconds since the epoch; injected so that expiry is testable without waiting. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
