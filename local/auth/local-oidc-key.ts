/**
 * The local stand-in for an OIDC provider: offline there is no provider to sign in with, so the local
 * runtime keeps an RS256 signing key of its own in `<dataDir>/oidc/signing-key.json` and
 * `liveboard token --oidc` mints tokens with it for the issuer the definition configures. The OIDC mode
 * (`oidc.ts`) accepts tokens signed by this key (picked by its `kid`) *in addition to* the keys the real
 * provider publishes through discovery, and verifies them exactly the same way (signature, algorithm,
 * `iss`, `aud`, `exp`, TTLs). AppSync itself knows nothing of this key: it exists only locally, like
 * the local Cognito user pool (`local-user-pool.ts`).
 * Spec: shared/spec/appsync-graphql-engine.md §3.1, §3.6 (OIDC claims checked), §3.8.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { DEFAULT_DATA_DIR } from './local-user-pool.js';
import { generateSigningKey, loadOrCreateStateFile, signerOf } from './local-state-file.js';

/** The audience of locally minted tokens when the definition configures no `clientId`. */
export const DEFAULT_LOCAL_OIDC_AUDIENCE = 'liveboard-local';

export interface OidcMintOptions {
  /** `iss`: the OIDC issuer the API is configured with. */
  issuer: string;
  /** `sub`. */
  subject: string;
  /** `aud` (default `liveboard-local`). */
  audience?: string;
  /** Lifetime in seconds (default 3600). */
  ttlSeconds?: number;
  /** Further claims (e.g. `email`, `name`); the standard claims above win over them. */
  claims?: Record<string, unknown>;
  /** Issue time in ms since the epoch (default now). */
  now?: number;
}

export interface LocalOidcKey {
  readonly kid: string;
  /** The public key, as a provider's `jwks_uri` document lists its keys. */
  jwks(): JSONWebKeySet;
  mint(options: OidcMintOptions): Promise<string>;
}

/** Loads the key kept in `<dataDir>/oidc/signing-key.json`, creating it on first use. */
export async function loadLocalOidcKey(dataDir: string = DEFAULT_DATA_DIR): Promise<LocalOidcKey> {
  const stored = await loadOrCreateStateFile(join(dataDir, 'oidc', 'signing-key.json'), generateSigningKey);
  const signer = await signerOf(stored);
  return {
    kid: stored.kid,
    jwks: signer.jwks,
    async mint(options) {
      const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
      const claims = {
        ...options.claims,
        iss: options.issuer,
        sub: options.subject,
        aud: options.audience ?? DEFAULT_LOCAL_OIDC_AUDIENCE,
        iat: issuedAt,
        auth_time: issuedAt,
        exp: issuedAt + (options.ttlSeconds ?? 3600),
        jti: randomUUID(),
      };
      return signer.sign(claims, { typ: 'JWT' });
    },
  };
}
