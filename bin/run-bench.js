#!/usr/bin/env node
// `npm run bench [name...]`: runs every bench/*.bench.ts (or the ones named, e.g. `runtime` or
// `bench/runtime.bench.ts`) one after the other, each in its own Node process with the tsx loader, so
// that one benchmark's warm caches and threads do not skew the next. Exits non-zero if any fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const benchDir = join(root, 'bench');
const available = readdirSync(benchDir).filter((file) => file.endsWith('.bench.ts')).sort();

function resolveName(name) {
  const file = basename(name).endsWith('.bench.ts') ? basename(name) : `${basename(name)}.bench.ts`;
  if (!available.includes(file)) {
    console.error(`run-bench: no benchmark named '${name}' (available: ${available.join(', ')})`);
    process.exit(2);
  }
  return file;
}

const selected = process.argv.length > 2 ? process.argv.slice(2).map(resolveName) : available;
const failed = [];
for (const file of selected) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) failed.push(`${file} (${result.signal ?? `exit code ${result.status}`})`);
}
if (failed.length > 0) {
  console.error(`\nrun-bench: failed: ${failed.join(', ')}`);
  process.exit(1);
}
