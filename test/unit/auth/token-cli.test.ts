import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_ACCOUNT_ID } from '../../../local/app.js';
import { environmentIamPrincipals, iamUserPrincipal } from '../../../local/auth/iam.js';
import { loadLocalIamUser } from '../../../local/auth/local-iam-user.js';
import { loadLocalOidcKey } from '../../../local/auth/local-oidc-key.js';
import { loadLocalUserPool, subjectFor } from '../../../local/auth/local-user-pool.js';
import { readOptions } from '../../../local/cli/start.js';
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

  it('reads the data directory from LIVEBOARD_DATA_DIR when --data-dir is absent, as liveboard start does', async () => {
    expect(await run(['--user', 'alice'], { LIVEBOARD_DATA_DIR: dataDir.path })).toBe(0);
    const pool = await loadLocalUserPool(dataDir.path);
    const { payload } = await jwtVerify(stdout.join('').trim(), createLocalJWKSet(pool.jwks()), { issuer: pool.issuer });
    const start = readOptions([], { LIVEBOARD_DATA_DIR: dataDir.path });
    const startWithFlag = readOptions(['--data-dir', 'elsewhere'], { LIVEBOARD_DATA_DIR: dataDir.path });
    expect([payload['cognito:username'], typeof start === 'string' ? start : start.dataDir, typeof startWithFlag === 'string' ? startWithFlag : startWithFlag.dataDir]).toEqual([
      'alice',
      dataDir.path,
      'elsewhere',
    ]);
  });

  it.each([
    [[], '--user is required'],
    [['--oidc'], "--user is required (it becomes the token's sub)"],
    [['--oidc', '--iam'], '--iam and --oidc exclude each other'],
    [['--oidc', '--user', 'a', '--group', 'admin'], '--group and --type are for user-pool tokens, not --oidc'],
    [['--iam', '--user', 'a'], '--user is for tokens, not --iam'],
    [['--user', 'a', '--bogus'], "Unknown option '--bogus'"],
    [['--user', 'a', '--ttl', 'soon'], "--ttl must look like 3600, 90s, 15m, 1h or 7d, not 'soon'"],
    [['--user', 'a', '--type', 'refresh'], "--type must be id or access, not 'refresh'"],
  ])('refuses %j with exit code 2 and a message on stderr', async (args, message) => {
    expect(await run([...args, '--data-dir', dataDir.path])).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr.join('')).toContain(`liveboard token: ${message}\n`);
  });

  it('--oidc prints a token of the local OIDC key for the definition\'s issuer and client id', async () => {
    const code = await run(['--oidc', '--user', 'carol', '--ttl', '10m', '--email', 'c@example.com', '--definition', 'examples/auth-modes/definition.ts', '--data-dir', dataDir.path]);
    const token = stdout.join('').trim();
    const key = await loadLocalOidcKey(dataDir.path);
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks()), { algorithms: ['RS256'] });
    const { iat = 0, auth_time: authTime, exp = 0, jti, ...claims } = payload;
    expect({ code, stderr, claims, lifetime: exp - iat, authTime: authTime === iat, jti: typeof jti }).toEqual({
      code: 0,
      stderr: [],
      claims: { email: 'c@example.com', iss: 'https://login.example.com', sub: 'carol', aud: 'auth-modes-example' },
      lifetime: 600,
      authTime: true,
      jti: 'string',
    });
  });

  it('--oidc --issuer/--audience mint for another provider without reading a definition', async () => {
    expect(await run(['--oidc', '--user', 'dan', '--issuer', 'https://idp.test', '--audience', 'cli', '--data-dir', dataDir.path])).toBe(0);
    const { iss, aud, sub } = decodeJwt(stdout.join('').trim());
    expect({ iss, aud, sub }).toEqual({ iss: 'https://idp.test', aud: 'cli', sub: 'dan' });
  });

  it('--oidc refuses a definition without an OPENID_CONNECT mode (the board app) with exit code 2', async () => {
    expect(await run(['--oidc', '--user', 'dan', '--data-dir', dataDir.path])).toBe(2);
    expect({ stdout, first: stderr.join('').split('\n')[0] }).toEqual({
      stdout: [],
      first: 'liveboard token: the definition infra/definition.ts has no OPENID_CONNECT mode: pass --definition FILE or --issuer URL',
    });
  });

  it('--iam prints shell exports of the local IAM user, generated once and kept owner-only in <dataDir>/iam/', async () => {
    expect(await run(['--iam', '--data-dir', dataDir.path])).toBe(0);
    expect(await run(['--iam', '--data-dir', dataDir.path])).toBe(0);
    const user = await loadLocalIamUser(dataDir.path);
    const lines = `export AWS_ACCESS_KEY_ID=${user.accessKeyId} AWS_SECRET_ACCESS_KEY=${user.secretAccessKey}\nunset AWS_SESSION_TOKEN\n`;
    const file = await stat(join(dataDir.path, 'iam', 'local-user.json'));
    expect({ stdout, mode: file.mode & 0o777, keyShape: /^AKIA[A-Z2-7]{16}$/.test(user.accessKeyId), secretShape: /^[A-Za-z0-9]{40}$/.test(user.secretAccessKey) }).toEqual({
      stdout: [lines, lines],
      mode: 0o600,
      keyShape: true,
      secretShape: true,
    });
  });

  it("the local IAM user and the developer's environment credentials are IAM users of the local account (spec §3.8)", async () => {
    const user = await loadLocalIamUser(dataDir.path);
    const env = { AWS_ACCESS_KEY_ID: 'AKIADEVELOPER0000000', AWS_SECRET_ACCESS_KEY: 'dev-secret', AWS_SESSION_TOKEN: '' };
    const principals = [iamUserPrincipal({ ...user, accountId: LOCAL_ACCOUNT_ID }), ...environmentIamPrincipals(env, LOCAL_ACCOUNT_ID), ...environmentIamPrincipals({}, LOCAL_ACCOUNT_ID)];
    expect(principals.map(({ username, ...rest }) => ({ ...rest, uniqueIdShape: /^AIDA[0-9A-F]{17}$/.test(username) }))).toEqual([
      { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey, accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/liveboard-local', uniqueIdShape: true },
      { accessKeyId: 'AKIADEVELOPER0000000', secretAccessKey: 'dev-secret', accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/local-developer', uniqueIdShape: true },
    ]);
  });

  it('parses TTLs', () => {
    expect([parseTtl('90'), parseTtl('90s'), parseTtl('15m'), parseTtl('1h'), parseTtl('7d'), parseTtl('0'), parseTtl('1w')]).toEqual([
      90, 90, 900, 3600, 604800, undefined, undefined,
    ]);
  });
});
