/**
 * Hot reload of the API definition file itself. The running API hot-swaps only what `buildEngine`
 * consumes (schema files, resolvers, pipeline functions, `limits`, the GraphQL `environmentVariables`
 * behind `ctx.env`; `name` is only a label). The rest was set up once at start (tables created, data
 * sources connected, Lambda runtimes and authorizers configured), so a change to it is reported as
 * needing a restart instead.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ApiDefinition } from '../definition/types.js';
import { validateDefinition } from '../definition/validate.js';
import { RestartNeededError } from './hot-reload.js';

/** Parts of a definition that `startLocalApi` uses once at start, outside the engine a reload rebuilds. */
const RESTART_ONLY_PARTS = ['tables', 'dataSources', 'lambdaFunctions', 'authentication'] as const satisfies ReadonlyArray<keyof ApiDefinition>;

/** The restart-only parts that differ between the running definition and the edited one (compared structurally). */
export function restartOnlyChanges(running: ApiDefinition, edited: ApiDefinition): string[] {
  return RESTART_ONLY_PARTS.filter((part) => !isDeepStrictEqual(running[part], edited[part]));
}

export interface DefinitionReloadOptions {
  /** Reads the definition file again (bypassing the module cache); unvalidated. */
  read: () => Promise<ApiDefinition>;
  projectRoot: string;
  /** How messages name the definition (its file). */
  source: string;
}

/**
 * The edited definition, validated, when the running API can take it by a rebuild. Throws the
 * validation's `InvalidDefinitionError` when it is invalid, and a `RestartNeededError` naming the
 * changed parts when only a restart can apply it.
 */
export async function reloadableDefinition(running: ApiDefinition, options: DefinitionReloadOptions): Promise<ApiDefinition> {
  const edited = await options.read();
  await validateDefinition(edited, { projectRoot: options.projectRoot, source: options.source });
  const changed = restartOnlyChanges(running, edited);
  if (changed.length > 0) {
    throw new RestartNeededError(
      `${options.source} changed ${changed.join(', ')}, which needs a restart of liveboard start; still serving the last good version.`,
    );
  }
  return edited;
}
