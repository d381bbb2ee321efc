/**
 * `createAuthenticator`: the API's default mode plus its additional modes, composed into one
 * `Authenticator` that picks the mode from the request's headers (spec §3.1-3.2) and lets that mode
 * check the credentials. Used by the HTTP server for every request and by the real-time endpoint for
 * the connection header and each subscription's `extensions.authorization`.
 */
import type { AuthenticationConfig, AuthModeConfig } from '../definition/types.js';
import { createApiKeyMode, type ApiKey } from './api-key.js';
import { systemClock, type AuthMode, type Clock } from './mode.js';
import { isMode, selectMode, type ConfiguredModes } from './select-mode.js';
import type { Authenticator, CredentialsRequest } from './types.js';

/** What the configured modes need besides the definition. Only the configured modes' parts are required. */
export interface AuthenticatorDependencies {
  /** Defaults to the system clock. */
  now?: Clock;
  /** API_KEY: the API's keys (read on every request). */
  apiKeys?: readonly ApiKey[];
}

export function createAuthenticator(config: AuthenticationConfig, deps: AuthenticatorDependencies): Authenticator {
  const modes = buildModes(config, deps);
  return {
    async authenticate(request: CredentialsRequest) {
      const selected = selectMode(request.headers, modes);
      return isMode(selected) ? selected.authenticate(request) : selected;
    },
  };
}

function buildModes(config: AuthenticationConfig, deps: AuthenticatorDependencies): ConfiguredModes {
  const now = deps.now ?? systemClock;
  const modes: ConfiguredModes = {};
  const all = [config.default, ...(config.additional ?? [])];
  for (const modeConfig of all) {
    if (modes[modeConfig.type]) {
      throw new Error(`auth: mode ${modeConfig.type} is configured twice (AppSync allows each mode once, spec §3.1)`);
    }
    const mode = createMode(modeConfig, modeConfig === config.default, deps, now);
    Object.assign(modes, { [modeConfig.type]: mode });
  }
  return modes;
}

function createMode(
  modeConfig: AuthModeConfig,
  _isDefault: boolean,
  deps: AuthenticatorDependencies,
  now: Clock,
): AuthMode {
  switch (modeConfig.type) {
    case 'API_KEY':
      return createApiKeyMode(required(deps.apiKeys, 'apiKeys', modeConfig.type), now);
    default:
      throw new Error(`auth: mode ${modeConfig.type} is not available yet`);
  }
}

function required<T>(value: T | undefined, name: string, mode: string): T {
  if (value === undefined) throw new Error(`auth: mode ${mode} is configured but the dependency '${name}' was not given`);
  return value;
}
