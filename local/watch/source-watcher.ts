/**
 * Watches the folders holding an API's sources (schema files, resolver code, Lambda entries and what
 * they import, the definition file) and reports, debounced, that something changed.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Build output and data never trigger a reload (they are written by the reload itself). */
const IGNORED_SEGMENTS = new Set(['node_modules', 'dist', '.liveboard', '.git', 'cdk.out']);
const SOURCE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs|json|graphql|gql)$/;

export interface SourceWatcher {
  /**
   * Watches these folders from now on (a reloaded definition may name new source files). Folders still
   * watched keep their watch, so a change made meanwhile is not lost.
   */
  setFolders(folders: readonly string[]): void;
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
  const watchFolder = (folder: string): FSWatcher =>
    watch(folder, { recursive: true }, (_event, fileName) => {
      if (fileName === null || !isSource(fileName)) return;
      pending.add(join(folder, fileName));
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
  const watchers = new Map<string, FSWatcher>();
  const setFolders = (next: readonly string[]): void => {
    for (const [folder, watcher] of watchers) {
      if (next.includes(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of next) if (!watchers.has(folder)) watchers.set(folder, watchFolder(folder));
  };
  setFolders(folders);
  return {
    setFolders,
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isSource(fileName: string): boolean {
  return SOURCE_EXTENSIONS.test(fileName) && !fileName.split(/[\\/]/).some((segment) => IGNORED_SEGMENTS.has(segment));
}
