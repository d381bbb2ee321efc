/** Checks that a path of the definition (relative to the project root) names an existing file. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export type FileCheck = (path: unknown, what: string) => string | undefined;

/** `code file 'resolvers/x.ts' does not exist` (the path as the definition wrote it). */
export function fileChecker(projectRoot: string): FileCheck {
  return (path, what) => {
    if (typeof path !== 'string' || path === '') return `${what} is required`;
    const stats = statSync(resolve(projectRoot, path), { throwIfNoEntry: false });
    if (!stats) return `${what} '${path}' does not exist`;
    if (!stats.isFile()) return `${what} '${path}' is not a file`;
    return undefined;
  };
}
