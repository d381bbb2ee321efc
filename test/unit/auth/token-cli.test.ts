import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLocalUserPool, subjectFor } from '../../../local/auth/local-user-pool.js';
import { parseTtl, run } from '../../../local/cli/token.js';
import { temporaryDataDir } from '../../fixtures/auth/temp-dir.js';

let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
let stdout: string[];
let stderr: string[];
beforeEach(async () => {
  dataDir = await temporaryDataDir();
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await dataDir.remove();
});

describe('liveboard token', () => {
  it('prints only a JWT that the local pool verifies, with the requested user, groups, type and ttl', async () => {
    const code = await run(['--user', 'alice', '--group', 'admin', '--group', 'editors', '--type', 'access', '--ttl', '15m', '--data-dir', dataDir.path]);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toHaveLength(1);
    const token = stdout[0]?.trimEnd() ?? '';
    expect(stdout[0]).toBe(`${token}\n`);
    const pool = await loadLocalUserPool(dataDir.path);
    const { payload } = await jwtVerify(token, createLocalJWKSet(pool.jwks()), { issuer: pool.issuer });
    expect({
      sub: payload.sub,
      username: payload.username,
      groups: payload['cognito:groups'],
      tokenUse: payload.token_use,
      lifetime: (payload.exp ?? 0) - (payload.iat ?? 0),
    }).toEqual({ sub: subjectFor(pool.userPoolId, 'alice'), username: 'alice', groups: ['admin', 'editors'], tokenUse: 'access', lifetime: 900 });
  });

  it.each([
    [[], '--user is required'],
    [['--user', 'a', '--ttl', 'soon'], "--ttl must look like 3600, 90s, 15m, 1h or 7d, not 'soon'"],
    [['--user', 'a', '--type', 'refresh'], "--type must be id or access, not 'refresh'"],
  ])('refuses %j with exit code 2 and a message on stderr', async (args, message) => {
    expect(await run([...args, '--data-dir', dataDir.path])).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr.join('')).toContain(`liveboard token: ${message}\n`);
  });

  it('parses TTLs', () => {
    expect([parseTtl('90'), parseTtl('90s'), parseTtl('15m'), parseTtl('1h'), parseTtl('7d'), parseTtl('0'), parseTtl('1w')]).toEqual([
      90, 90, 900, 3600, 604800, undefined, undefined,
    ]);
  });
});
