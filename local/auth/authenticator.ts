/**
 * `createAuthenticator`: the API's default mode plus its additional modes, composed into one
 * `Authenticator` that picks the mode from the request's headers (spec §3.1-3.2) and lets that mode
 * check the credentials. Used by the HTTP server for every request and by the real-time endpoint for
 * the connection header and each subscription's `extensions.authorization`.
 */
import type { AuthenticationConfig, AuthModeConfig } from '../definition/types.js';
import { createApiKeyMode, type ApiKey } from './api-key.js';
import { createIamMode, type IamDependencies } from './iam.js';
import { createLambdaAuthorizerMode, type LambdaAuthorizerDependencies } from './lambda-authorizer.js';
import type { LocalOidcKey } from './local-oidc-key.js';
import type { LocalUserPool } from './local-user-pool.js';
import { systemClock, type Clock } from './mode.js';
import { createOidcMode } from './oidc.js';
import { isMode, selectMode, type ConfiguredModes } from './select-mode.js';
import type { Authenticator, CredentialsRequest } from './types.js';
import { createUserPoolMode } from './user-pools.js';

/** What the configured modes need besides the definition. Only the configured modes' parts are required. */
export interface AuthenticatorDependencies {
  /** Defaults to the system clock. */
  now?: Clock;
  /** API_KEY: the API's keys (read on every request). */
  apiKeys?: readonly ApiKey[];
  /** AMAZON_COGNITO_USER_POOLS: the local user pool (`loadLocalUserPool(dataDir)`). */
  userPool?: Pick<LocalUserPool, 'issuer' | 'jwks'>;
  /**
   * OPENID_CONNECT, optional: the local stand-in for the provider (`loadLocalOidcKey(dataDir)`), whose
   * tokens are accepted besides the provider's own.
   */
  localOidcKey?: Pick<LocalOidcKey, 'jwks'>;
  /** AWS_IAM: the API's region and the principals whose credentials it trusts. */
  iam?: IamDependencies;
  /** AWS_LAMBDA: how to invoke the authorizer function, and the API's ids for its event. */
  lambda?: LambdaAuthorizerDependencies;
}

export function createAuthenticator(config: AuthenticationConfig, deps: AuthenticatorDependencies): Authenticator {
  const modes = buildModes(config, deps);
  return {
    async authenticate(request: CredentialsRequest) {
      const selected = selectMode(request.headers, modes);
      return isMode(selected) ? selected.authenticate(request) : selected;
    },
    modeFor(headers: Record<string, string>) {
      const selected = selectMode(headers, modes);
      return isMode(selected) ? selected.type : undefined;
    },
  };
}

function buildModes(config: AuthenticationConfig, deps: AuthenticatorDependencies): ConfiguredModes {
  const now = deps.now ?? systemClock;
  const modes: ConfiguredModes = {};
  for (const modeConfig of [config.default, ...(config.additional ?? [])]) {
    if (modes[modeConfig.type]) {
      throw new Error(`auth: mode ${modeConfig.type} is configured twice (AppSync allows each mode once, spec §3.1)`);
    }
    addMode(modes, modeConfig, deps, now);
  }
  return modes;
}

function addMode(modes: ConfiguredModes, modeConfig: AuthModeConfig, deps: AuthenticatorDependencies, now: Clock): void {
  const type = modeConfig.type;
  switch (type) {
    case 'API_KEY':
      modes.API_KEY = createApiKeyMode(required(deps.apiKeys, 'apiKeys', type), now);
      return;
    case 'AMAZON_COGNITO_USER_POOLS':
      modes.AMAZON_COGNITO_USER_POOLS = createUserPoolMode(modeConfig, required(deps.userPool, 'userPool', type), now);
      return;
    case 'OPENID_CONNECT':
      modes.OPENID_CONNECT = createOidcMode(modeConfig, now, deps.localOidcKey?.jwks());
      return;
    case 'AWS_IAM':
      modes.AWS_IAM = createIamMode(required(deps.iam, 'iam', type), now);
      return;
    case 'AWS_LAMBDA':
      modes.AWS_LAMBDA = createLambdaAuthorizerMode(modeConfig, required(deps.lambda, 'lambda', type), now);
      return;
  }
}

function required<T>(value: T | undefined, name: string, mode: string): T {
  if (value === undefined) throw new Error(`auth: mode ${mode} is configured but the dependency '${name}' was not given`);
  return value;
}
