/**
 * Hot reload: when a source changes, rebuild and swap the API without a restart. A reload that fails
 * (a syntax error, a resolver breaking AppSync's language rules, an invalid schema) is reported and the
 * last good version keeps serving. Reloads never overlap: changes that arrive during one are handled by
 * one more reload after it.
 */
import { dirname, resolve } from 'node:path';
import { watchSources } from './source-watcher.js';

export interface HotReloadOptions {
  /** Files the API is built from; their folders are watched. */
  sourceFiles: readonly string[];
  /** Rebuilds and swaps the API; rejects (and leaves the running version alone) when the sources are broken. */
  reload: () => Promise<void>;
  /** Progress and failure lines (default: stderr). */
  log?: (line: string) => void;
}

export interface HotReload {
  /** Stops watching; resolves once a reload in progress has finished. */
  close(): Promise<void>;
}

export function startHotReload(options: HotReloadOptions): HotReload {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let running: Promise<void> = Promise.resolve();
  let pendingPaths: string[] | undefined;

  const reloadOnce = async (paths: string[]): Promise<void> => {
    const started = Date.now();
    try {
      await options.reload();
      log(`liveboard: reloaded after a change to ${describePaths(paths)} (${Date.now() - started} ms)`);
    } catch (error) {
      log(`liveboard: reload failed after a change to ${describePaths(paths)}; still serving the last good version.\n${errorText(error)}`);
    }
  };

  const schedule = (paths: string[]): void => {
    if (pendingPaths) {
      pendingPaths.push(...paths);
      return;
    }
    pendingPaths = paths;
    running = running.then(() => {
      const batch = pendingPaths ?? [];
      pendingPaths = undefined;
      return reloadOnce(batch);
    });
  };

  const folders = [...new Set(options.sourceFiles.map((file) => dirname(resolve(file))))];
  const watcher = watchSources(withoutNested(folders), schedule);
  return {
    close: async () => {
      watcher.close();
      await running;
    },
  };
}

/** Recursive watches make a folder inside another watched folder redundant. */
function withoutNested(folders: string[]): string[] {
  return folders.filter((folder) => !folders.some((other) => other !== folder && folder.startsWith(`${other}/`)));
}

function describePaths(paths: string[]): string {
  const unique = [...new Set(paths)];
  return unique.length <= 3 ? unique.join(', ') : `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
