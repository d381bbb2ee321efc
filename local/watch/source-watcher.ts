/**
 * Watches the folders holding an API's sources (schema files, resolver code, Lambda entries and what
 * they import) and reports, debounced, that something changed.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Build output and data never trigger a reload (they are written by the reload itself). */
const IGNORED_SEGMENTS = new Set(['node_modules', 'dist', '.liveboard', '.git', 'cdk.out']);
const SOURCE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs|json|graphql|gql)$/;

export interface SourceWatcher {
  close(): void;
}

/**
 * Calls `onChange` once per burst of changes (editors often write a file in several steps) with the
 * changed paths. Folders are watched recursively (Linux supports it from Node 20).
 */
export function watchSources(folders: readonly string[], onChange: (paths: string[]) => void, debounceMs = 150): SourceWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    onChange(paths);
  };
  const watchers: FSWatcher[] = folders.map((folder) =>
    watch(folder, { recursive: true }, (_event, fileName) => {
      if (fileName === null || !isSource(fileName)) return;
      pending.add(join(folder, fileName));
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    }),
  );
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

function isSource(fileName: string): boolean {
  return SOURCE_EXTENSIONS.test(fileName) && !fileName.split(/[\\/]/).some((segment) => IGNORED_SEGMENTS.has(segment));
}
