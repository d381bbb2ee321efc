/**
 * Hot reload: when a source changes, rebuild and swap the API without a restart. A reload that fails
 * (a syntax error, a resolver breaking AppSync's language rules, an invalid schema) is reported and the
 * last good version keeps serving; so does a change that only a restart can apply (`RestartNeededError`).
 * Reloads never overlap: changes that arrive during one are handled by one more reload after it.
 */
import { dirname, resolve } from 'node:path';
import { watchSources } from './source-watcher.js';

export interface HotReloadOptions {
  /** Files the API is built from; their folders are watched. */
  sourceFiles: readonly string[];
  /**
   * Rebuilds and swaps the API after a change to `changedPaths` (absolute); rejects (and leaves the
   * running version alone) when the sources are broken or the change needs a restart.
   */
  reload: (changedPaths: readonly string[]) => Promise<void>;
  /** Progress and failure lines (default: stderr). */
  log?: (line: string) => void;
}

/** A change the running API cannot take without a restart; reported as one line, not as a failure. */
export class RestartNeededError extends Error {
  override name = 'RestartNeededError';
}

export interface HotReload {
  /** Watches these files from now on (after a definition change named new sources). */
  setSourceFiles(files: readonly string[]): void;
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
      await options.reload(paths);
      log(`liveboard: reloaded after a change to ${describePaths(paths)} (${Date.now() - started} ms)`);
    } catch (error) {
      if (error instanceof RestartNeededError) log(`liveboard: ${error.message}`);
      else log(`liveboard: reload failed after a change to ${describePaths(paths)}; still serving the last good version.\n${errorText(error)}`);
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

  const watcher = watchSources(foldersOf(options.sourceFiles), schedule);
  return {
    setSourceFiles: (files) => watcher.setFolders(foldersOf(files)),
    close: async () => {
      watcher.close();
      await running;
    },
  };
}

function foldersOf(files: readonly string[]): string[] {
  return withoutNested([...new Set(files.map((file) => dirname(resolve(file))))]);
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
