import type { ApiDefinition } from './types.js';

/** Every APPSYNC_JS file of the definition (resolvers, then pipeline functions), once. */
export function codeFilesOf(definition: ApiDefinition): string[] {
  const files = [...definition.resolvers.flatMap((resolver) => (resolver.code === undefined ? [] : [resolver.code])), ...definition.functions.map((fn) => fn.code)];
  return [...new Set(files)];
}
