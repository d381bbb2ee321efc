/**
 * The build's verdict store on disk (`<bundleDir>/.checks.json`): what the AppSync checks concluded
 * about each source and bundle text, so that a restart with unchanged sources skips them (they cost
 * seconds; see ../runtime/module-check.ts). A verdict is keyed by the hash of the text it is about;
 * the whole store is dropped when a tool or a check changes: the versions of TypeScript, ESLint, the
 * AppSync plugin and typings, and the source of the runtime's checks are its `tools` key. A source
 * verdict also holds only while every project file it was checked with is unchanged.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { textHash, type Verdict, type VerdictStore } from '../runtime/module-check.js';

const TOOL_PACKAGES = ['typescript', 'eslint', '@aws-appsync/eslint-plugin', '@typescript-eslint/parser', '@aws-appsync/utils'];
const RUNTIME_DIR = fileURLToPath(new URL('../runtime/', import.meta.url));

let toolsKey: string | undefined;

/** What every verdict depends on besides the text: the tools' versions and the checks' own code. */
function currentToolsKey(): string {
  if (toolsKey) return toolsKey;
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  for (const name of TOOL_PACKAGES) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  for (const file of readdirSync(RUNTIME_DIR).filter((name) => name.endsWith('.ts')).sort()) hash.update(file).update(readFileSync(path.join(RUNTIME_DIR, file)));
  toolsKey = hash.digest('base64');
  return toolsKey;
}

interface StoreFile {
  tools: string;
  verdicts: Record<string, Verdict>;
}

function hashOfFile(fileName: string): string | undefined {
  try {
    return textHash(readFileSync(fileName, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A verdict store backed by `<bundleDir>/.checks.json`; call `save` after the build. */
export class DiskVerdictStore implements VerdictStore {
  private readonly verdicts: Record<string, Verdict>;
  private readonly fileHashes = new Map<string, string | undefined>();
  private changed = false;

  private constructor(
    private readonly file: string,
    stored: StoreFile | undefined,
  ) {
    this.verdicts = stored?.tools === currentToolsKey() ? stored.verdicts : {};
  }

  /** Opens the store of `bundleDir`; a missing or unreadable file is an empty store. */
  static open(bundleDir: string): DiskVerdictStore {
    const file = path.join(bundleDir, '.checks.json');
    let stored: StoreFile | undefined;
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as StoreFile;
    } catch {
      stored = undefined;
    }
    return new DiskVerdictStore(file, stored);
  }

  get(key: string): Verdict | undefined {
    const verdict = this.verdicts[key];
    if (!verdict) return undefined;
    const stale = Object.entries(verdict.inputs ?? {}).some(([input, hash]) => this.currentHash(input) !== hash);
    return stale ? undefined : verdict;
  }

  set(key: string, verdict: Verdict): void {
    this.verdicts[key] = verdict;
    this.changed = true;
  }

  /** Writes the store if a verdict was added. */
  async save(): Promise<void> {
    if (!this.changed) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFile(this.file, JSON.stringify({ tools: currentToolsKey(), verdicts: this.verdicts } satisfies StoreFile));
    this.changed = false;
  }

  private currentHash(fileName: string): string | undefined {
    if (!this.fileHashes.has(fileName)) this.fileHashes.set(fileName, hashOfFile(fileName));
    return this.fileHashes.get(fileName);
  }
}
