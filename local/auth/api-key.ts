/**
 * API_KEY mode: the `x-api-key` header must name a known key that has not expired.
 * Spec: shared/spec/appsync-graphql-engine.md §3.5, §3.7, §3.8 (identity `null`).
 */
import type { AuthMode, Clock } from './mode.js';
import { accepted, unauthorized, UNAUTHORIZED_MESSAGES } from './outcome.js';
import type { CredentialsRequest } from './types.js';

/** An API key as AppSync lists it (`ListApiKeys`): `expires` is in epoch **seconds**. */
export interface ApiKey {
  id: string;
  expires: number;
}

export const API_KEY_HEADER = 'x-api-key';

/**
 * `keys` is read on every request, so a caller that adds or rotates keys in place is honoured.
 * A key is valid while `now < expires` (AppSync deletes keys 60 days after expiry, but an expired key
 * is already refused, spec §3.5).
 */
export function createApiKeyMode(keys: readonly ApiKey[], now: Clock): AuthMode {
  return {
    type: 'API_KEY',
    async authenticate(request: CredentialsRequest) {
      const presented = request.headers[API_KEY_HEADER];
      const key = keys.find((candidate) => candidate.id === presented);
      if (key === undefined || key.expires * 1000 <= now()) {
        return unauthorized(UNAUTHORIZED_MESSAGES.notAuthorized);
      }
      return accepted({ type: 'API_KEY', identity: null, deniedFields: [] });
    },
  };
}
