/**
 * The contract of `local/auth/`, used by the HTTP server, the engine (field rules) and the real-time
 * endpoint (connection header and each subscription's `extensions.authorization`).
 * Spec: shared/spec/appsync-graphql-engine.md §3.
 */
import type { AuthType } from '../definition/types.js';

/** Who is calling, once a request's credentials were accepted by one of the configured modes. */
export interface AuthContext {
  type: AuthType;
  /** `ctx.identity` as AppSync fills it for this mode (spec §3.8); `null` for API keys. */
  identity: unknown;
  /** Fields the Lambda authorizer denied, as `Type.field` (spec §3.4); empty otherwise. */
  deniedFields: string[];
}

/** The parts of a request the modes look at. Header names are lower-cased. */
export interface CredentialsRequest {
  headers: Record<string, string>;
  sourceIp: string;
  /** For SigV4: the request exactly as it was signed. */
  method: string;
  host: string;
  path: string;
  /** Raw body text (SigV4 signs its hash). */
  body: string;
  /** For the Lambda authorizer event (`requestContext`). */
  graphql?: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null };
}

export type AuthenticationOutcome =
  | { ok: true; auth: AuthContext }
  /**
   * Request-level rejection: body `{"errors":[{"errorType":...,"message":...}]}` with HTTP `statusCode`
   * (401 when absent; IAM signature failures use AWS's 403, spec §3.7).
   */
  | { ok: false; errorType: string; message: string; statusCode?: number };

export interface Authenticator {
  authenticate(request: CredentialsRequest): Promise<AuthenticationOutcome>;
  /**
   * The mode that would check a request with these headers (lower-cased names), without checking
   * anything; `undefined` when no configured mode would take it (the request gets a 401). The HTTP
   * route asks before authenticating, because a Lambda authorizer needs the parsed body (spec §1.3).
   */
  modeFor(headers: Record<string, string>): AuthType | undefined;
}

/** Decides, per field, whether the caller's mode may read it (directive rules, spec §3.3). */
export interface FieldAuthorizer {
  isAllowed(typeName: string, fieldName: string, auth: AuthContext): boolean;
}
