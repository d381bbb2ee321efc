/**
 * `liveboard token --user NAME [--group G]... [--ttl 1h] [--type id|access] [--email E] [--data-dir DIR]`:
 * prints a JWT from the local Cognito user pool (`local/auth/local-user-pool.ts`) and nothing else on
 * stdout, so that `curl -H "Authorization: $(npx liveboard token --user alice)"` works.
 * Contract: shared/design/architecture.md, "CLI contract".
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, loadLocalUserPool, type TokenUse } from '../auth/local-user-pool.js';

const USAGE = 'usage: liveboard token --user NAME [--group G]... [--ttl 1h] [--type id|access] [--email E] [--data-dir DIR]';

/** `90`, `90s`, `15m`, `1h`, `7d` → seconds. */
export function parseTtl(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        user: { type: 'string' },
        group: { type: 'string', multiple: true },
        ttl: { type: 'string', default: '1h' },
        type: { type: 'string', default: 'id' },
        email: { type: 'string' },
        'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(`${(error as Error).message}`);
  }
  if (!values.user) return fail('--user is required');
  const ttlSeconds = parseTtl(values.ttl);
  if (ttlSeconds === undefined) return fail(`--ttl must look like 3600, 90s, 15m, 1h or 7d, not '${values.ttl}'`);
  if (values.type !== 'id' && values.type !== 'access') return fail(`--type must be id or access, not '${values.type}'`);

  const pool = await loadLocalUserPool(values['data-dir']);
  const token = await pool.mint({
    username: values.user,
    groups: values.group ?? [],
    tokenUse: values.type as TokenUse,
    ttlSeconds,
    ...(values.email === undefined ? {} : { email: values.email }),
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`liveboard token: ${message}\n${USAGE}\n`);
  return 2;
}
