/**
 * Local auth state kept in the data directory (`<dataDir>/cognito/`, `<dataDir>/oidc/`, `<dataDir>/iam/`):
 * a JSON file created once, on first use, and read back afterwards, so that the server and the
 * `liveboard token` command agree on the same keys and credentials across runs.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

/**
 * Reads `file`, or creates it with `create()` when it does not exist. Creation is atomic (write to a
 * temporary file, then hard-link it into place), so two processes starting together agree on one
 * value: the loser of the race reads the winner's. The file is private (mode 0600): it holds keys.
 */
export async function loadOrCreateStateFile<T>(file: string, create: () => Promise<T>): Promise<T> {
  return (await readState<T>(file)) ?? (await createState(file, await create()));
}

async function readState<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`auth: cannot read the local state file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

async function createState<T>(file: string, value: T): Promise<T> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${randomUUID()}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(value, null, 2), { mode: 0o600 });
  try {
    await link(temporary, file);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readState<T>(file);
    if (winner === undefined) throw error;
    return winner;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** An RS256 signing key as JWKs, its `kid` being the RFC 7638 thumbprint of the public key. */
export interface StoredSigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKey(): Promise<StoredSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' },
  };
}

/** A stored key at work: its public half as a JWKS, and RS256 JWTs whose header names it by `kid`. */
export interface JwtSigner {
  jwks(): JSONWebKeySet;
  /** `header` adds to `{ kid, alg }` (e.g. `typ`, which OIDC providers set and Cognito does not). */
  sign(claims: Record<string, unknown>, header?: { typ?: string }): Promise<string>;
}

export async function signerOf(stored: StoredSigningKey): Promise<JwtSigner> {
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  return {
    jwks: () => ({ keys: [{ ...stored.publicJwk }] }),
    sign: (claims, header = {}) => new SignJWT(claims).setProtectedHeader({ kid: stored.kid, alg: 'RS256', ...header }).sign(privateKey),
  };
}
