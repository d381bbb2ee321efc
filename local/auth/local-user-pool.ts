/**
 * The local Cognito user pool: an RS256 key pair generated once per data directory and kept there, the
 * public JWKS document (served by the server at `/.well-known/jwks.json`, as Cognito serves
 * `<issuer>/.well-known/jwks.json`), and minting of ID and access tokens with Cognito's claims.
 * Used by `liveboard token`, by the server, and by tests. Verification lives in `user-pools.ts`.
 * Spec: shared/spec/appsync-graphql-engine.md §3.6, §3.8.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { generateSigningKey, loadOrCreateStateFile, signerOf, type StoredSigningKey } from './local-state-file.js';

/** The data directory `liveboard start` and `liveboard token` use unless `--data-dir` or `LIVEBOARD_DATA_DIR` says otherwise. */
export const DEFAULT_DATA_DIR = '.liveboard';

/** Cognito's scope on access tokens issued by a sign-in. */
const ACCESS_TOKEN_SCOPE = 'aws.cognito.signin.user.admin';

/** What is stored in `<dataDir>/cognito/user-pool.json` (the private key included: it is local dev data). */
interface StoredUserPool extends StoredSigningKey {
  region: string;
  userPoolId: string;
  clientId: string;
}

export type TokenUse = 'id' | 'access';

export interface MintOptions {
  username: string;
  groups?: string[];
  tokenUse?: TokenUse;
  /** Lifetime in seconds (default 3600, Cognito's default). */
  ttlSeconds?: number;
  /** ID tokens only; default `<username>@example.com`. */
  email?: string;
  /** Defaults to the pool's app client id; another value lets tests exercise `appIdClientRegex`. */
  clientId?: string;
  /** Issue time in ms since the epoch (default now). */
  now?: number;
}

export interface LocalUserPool {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`, Cognito's issuer format. */
  readonly issuer: string;
  /** The public keys, as Cognito's `/.well-known/jwks.json` lists them. */
  jwks(): JSONWebKeySet;
  mint(options: MintOptions): Promise<string>;
}

/** Cognito's issuer URL for a pool (spec §3.2 step 3, §3.6). */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/**
 * A stable `sub` per user name: Cognito gives each user a UUID that never changes; locally it is
 * derived from the pool and the user name so that tokens minted at different times agree.
 */
export function subjectFor(userPoolId: string, username: string): string {
  const hex = createHash('sha256').update(`${userPoolId}\0${username}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Loads the pool kept in `<dataDir>/cognito/user-pool.json`, creating it on first use. */
export async function loadLocalUserPool(dataDir: string = DEFAULT_DATA_DIR): Promise<LocalUserPool> {
  return await userPoolFrom(await loadOrCreateStateFile(join(dataDir, 'cognito', 'user-pool.json'), createStored));
}

async function createStored(): Promise<StoredUserPool> {
  const region = 'us-east-1';
  return { region, userPoolId: `${region}_liveboard`, clientId: 'liveboardlocalappclient1', ...(await generateSigningKey()) };
}

async function userPoolFrom(stored: StoredUserPool): Promise<LocalUserPool> {
  const signer = await signerOf(stored);
  const issuer = cognitoIssuer(stored.region, stored.userPoolId);
  return {
    region: stored.region,
    userPoolId: stored.userPoolId,
    clientId: stored.clientId,
    issuer,
    jwks: signer.jwks,
    async mint(options) {
      const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
      return signer.sign(cognitoClaims(stored, issuer, options, issuedAt));
    },
  };
}

/** The claims Cognito puts in ID and access tokens (order as Cognito emits them, for readability). */
function cognitoClaims(stored: StoredUserPool, issuer: string, options: MintOptions, issuedAt: number): Record<string, unknown> {
  const tokenUse = options.tokenUse ?? 'id';
  const groups = options.groups ?? [];
  const clientId = options.clientId ?? stored.clientId;
  const sub = subjectFor(stored.userPoolId, options.username);
  const times = { auth_time: issuedAt, exp: issuedAt + (options.ttlSeconds ?? 3600), iat: issuedAt };
  const sessionIds = { origin_jti: randomUUID(), event_id: randomUUID(), jti: randomUUID() };
  const groupsClaim = groups.length > 0 ? { 'cognito:groups': groups } : {};
  if (tokenUse === 'id') {
    return {
      sub,
      ...groupsClaim,
      email_verified: true,
      iss: issuer,
      'cognito:username': options.username,
      aud: clientId,
      token_use: 'id',
      ...times,
      email: options.email ?? `${options.username}@example.com`,
      ...sessionIds,
    };
  }
  return {
    sub,
    ...groupsClaim,
    iss: issuer,
    client_id: clientId,
    token_use: 'access',
    scope: ACCESS_TOKEN_SCOPE,
    ...times,
    username: options.username,
    ...sessionIds,
  };
}
