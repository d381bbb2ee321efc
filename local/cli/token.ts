/**
 * `liveboard token`: credentials for calling the local API, printed on stdout and nothing else, so
 * that they can be used inline:
 *
 * - `--user NAME [--group G]... [--ttl 1h] [--type id|access] [--email E]`: a JWT of the local Cognito
 *   user pool (`local/auth/local-user-pool.ts`), e.g. `curl -H "Authorization: $(npx liveboard token --user alice)"`.
 * - `--oidc --user SUB [--issuer URL] [--audience AUD] [--ttl 1h] [--email E] [--definition FILE]`: a JWT
 *   signed by the local stand-in for the OIDC provider (`local/auth/local-oidc-key.ts`), for the issuer
 *   and client id of the definition's OPENID_CONNECT mode unless `--issuer` / `--audience` say otherwise.
 * - `--iam`: `export` lines with the local IAM user's credentials (`local/auth/local-iam-user.ts`), for
 *   `eval "$(npx liveboard token --iam)"`.
 *
 * All read their keys from `--data-dir`, or `LIVEBOARD_DATA_DIR`, or `.liveboard` (as `liveboard start` does).
 * Contract: shared/design/architecture.md, "CLI contract" (`--user` unchanged).
 */
import { parseArgs } from 'node:util';
import { loadLocalIamUser } from '../auth/local-iam-user.js';
import { DEFAULT_LOCAL_OIDC_AUDIENCE, loadLocalOidcKey } from '../auth/local-oidc-key.js';
import { loadLocalUserPool, type TokenUse } from '../auth/local-user-pool.js';
// The default alone, so that the modes that read no definition need not load the definition loader.
import { DEFAULT_DEFINITION_FILE } from '../definition/default-file.js';
import type { OidcAuthConfig } from '../definition/types.js';
import { dataDirFrom } from './data-dir.js';

const USAGE = [
  'usage: liveboard token --user NAME [--group G]... [--ttl 1h] [--type id|access] [--email E] [--data-dir DIR]',
  '       liveboard token --oidc --user SUB [--issuer URL] [--audience AUD] [--ttl 1h] [--email E] [--definition FILE] [--data-dir DIR]',
  '       liveboard token --iam [--data-dir DIR]',
  'The data directory defaults to LIVEBOARD_DATA_DIR, else .liveboard.',
].join('\n');

const OPTIONS = {
  user: { type: 'string' },
  group: { type: 'string', multiple: true },
  ttl: { type: 'string', default: '1h' },
  type: { type: 'string', default: 'id' },
  email: { type: 'string' },
  oidc: { type: 'boolean', default: false },
  issuer: { type: 'string' },
  audience: { type: 'string' },
  definition: { type: 'string', default: DEFAULT_DEFINITION_FILE },
  iam: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** A usage error: exit code 2, the message and the usage on stderr. */
class UsageError extends Error {}

/** `90`, `90s`, `15m`, `1h`, `7d` → seconds. */
export function parseTtl(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}

/** `env` is read for `LIVEBOARD_DATA_DIR` only. */
export async function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
    const dataDir = dataDirFrom(values['data-dir'], env);
    if (values.iam && values.oidc) throw new UsageError('--iam and --oidc exclude each other');
    const output = values.iam ? await iamExports(values, dataDir) : values.oidc ? await oidcToken(values, dataDir) : await userPoolToken(values, dataDir);
    process.stdout.write(output);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`liveboard token: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  }
}

async function userPoolToken(values: Values, dataDir: string): Promise<string> {
  if (!values.user) throw new UsageError('--user is required');
  const ttlSeconds = ttlOf(values);
  if (values.type !== 'id' && values.type !== 'access') throw new UsageError(`--type must be id or access, not '${values.type}'`);
  const pool = await loadLocalUserPool(dataDir);
  const token = await pool.mint({
    username: values.user,
    groups: values.group ?? [],
    tokenUse: values.type as TokenUse,
    ttlSeconds,
    ...(values.email === undefined ? {} : { email: values.email }),
  });
  return `${token}\n`;
}

/**
 * The issuer and audience come from the flags, else from the definition's OPENID_CONNECT mode (its
 * `clientId` is used as the audience as written; when it is a pattern rather than a plain id, pass
 * `--audience`).
 */
async function oidcToken(values: Values, dataDir: string): Promise<string> {
  if (!values.user) throw new UsageError('--user is required (it becomes the token\'s sub)');
  if (values.group !== undefined || values.type !== 'id') throw new UsageError('--group and --type are for user-pool tokens, not --oidc');
  const ttlSeconds = ttlOf(values);
  const configured = values.issuer === undefined ? await oidcModeOf(values.definition) : undefined;
  const issuer = values.issuer ?? configured?.issuer ?? '';
  const key = await loadLocalOidcKey(dataDir);
  const token = await key.mint({
    issuer,
    subject: values.user,
    audience: values.audience ?? configured?.clientId ?? DEFAULT_LOCAL_OIDC_AUDIENCE,
    ttlSeconds,
    ...(values.email === undefined ? {} : { claims: { email: values.email } }),
  });
  return `${token}\n`;
}

async function oidcModeOf(definitionFile: string): Promise<OidcAuthConfig> {
  // Loaded only here: the loader brings the definition checks (schema parsing, …) along.
  const { importDefinition } = await import('../definition/load.js');
  const definition = await importDefinition(definitionFile, process.cwd());
  const modes = [definition.authentication?.default, ...(definition.authentication?.additional ?? [])];
  const oidc = modes.find((mode): mode is OidcAuthConfig => mode?.type === 'OPENID_CONNECT');
  if (!oidc) throw new UsageError(`the definition ${definitionFile} has no OPENID_CONNECT mode: pass --definition FILE or --issuer URL`);
  return oidc;
}

/** Shell lines for `eval`: the local IAM user's keys, and no session token left over from other credentials. */
async function iamExports(values: Values, dataDir: string): Promise<string> {
  const tokenOptions = ['user', 'group', 'email', 'issuer', 'audience'] as const;
  const misplaced = tokenOptions.find((name) => values[name] !== undefined);
  if (misplaced !== undefined) throw new UsageError(`--${misplaced} is for tokens, not --iam`);
  const user = await loadLocalIamUser(dataDir);
  return `export AWS_ACCESS_KEY_ID=${user.accessKeyId} AWS_SECRET_ACCESS_KEY=${user.secretAccessKey}\nunset AWS_SESSION_TOKEN\n`;
}

function ttlOf(values: Values): number {
  const ttlSeconds = parseTtl(values.ttl);
  if (ttlSeconds === undefined) throw new UsageError(`--ttl must look like 3600, 90s, 15m, 1h or 7d, not '${values.ttl}'`);
  return ttlSeconds;
}
