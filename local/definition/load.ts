/**
 * Loads the project's API definition (`infra/definition.ts` by default): imports the module, takes its
 * `definition` export (or its default export) and validates it (see `validate.ts`). Paths inside the
 * definition are relative to the project root.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DEFINITION_FILE } from './default-file.js';
import type { ApiDefinition } from './types.js';
import { InvalidDefinitionError } from './problems.js';
import { validateDefinition } from './validate.js';

export { DEFAULT_DEFINITION_FILE };

export interface LoadDefinitionOptions {
  /** Default: the current directory. */
  projectRoot?: string;
}

/** How messages name the definition file: relative to the project root. */
function sourceLabel(file: string, projectRoot: string): string {
  return relative(projectRoot, resolve(projectRoot, file)) || file;
}

export interface ImportDefinitionOptions {
  /**
   * Evaluate the module again instead of taking Node's cached copy (hot reload of an edited definition).
   * Only the definition module itself is re-evaluated: the modules it imports stay cached, so an edit to
   * one of them is seen at the next restart only. Each fresh import keeps one more module in memory.
   */
  fresh?: boolean;
}

/** Distinguishes fresh imports: ESM caches by URL, so a new query string means a new evaluation (tsx and vitest honour it). */
let freshImports = 0;

/** Imports a definition module and returns its `definition` (or default) export, unvalidated. */
export async function importDefinition(file: string, projectRoot: string, options: ImportDefinitionOptions = {}): Promise<ApiDefinition> {
  const path = resolve(projectRoot, file);
  const source = sourceLabel(file, projectRoot);
  if (!existsSync(path)) throw new InvalidDefinitionError(source, ['the file does not exist']);
  let module: { definition?: unknown; default?: unknown };
  try {
    const url = pathToFileURL(path).href + (options.fresh ? `?v=${++freshImports}` : '');
    module = (await import(url)) as typeof module;
  } catch (error) {
    throw new InvalidDefinitionError(source, [`the module cannot be imported: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const definition = module.definition ?? module.default;
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new InvalidDefinitionError(source, ["the module exports no 'definition' object (nor a default export)"]);
  }
  return definition as ApiDefinition;
}

/** Imports and validates the definition; throws an `InvalidDefinitionError` listing every problem. */
export async function loadDefinition(file = DEFAULT_DEFINITION_FILE, options: LoadDefinitionOptions = {}): Promise<ApiDefinition> {
  const projectRoot = resolve(options.projectRoot ?? process.cwd());
  const definition = await importDefinition(file, projectRoot);
  await validateDefinition(definition, { projectRoot, source: sourceLabel(file, projectRoot) });
  return definition;
}
