/** Checks of the API-wide settings: `environmentVariables` and `limits` (AppSync API reference ranges). */
import type { ApiDefinition } from './types.js';
import { integerProblem } from './problems.js';

/** PutGraphqlApiEnvironmentVariables: keys start with a letter, ≥ 2 characters of letters, digits, `_`. */
const ENVIRONMENT_KEY = /^[A-Za-z][A-Za-z0-9_]+$/;
const MAX_ENVIRONMENT_VARIABLES = 50;
const MAX_ENVIRONMENT_VALUE_LENGTH = 512;

export function checkEnvironmentVariables(variables: ApiDefinition['environmentVariables'], problems: string[]): void {
  const entries = Object.entries(variables ?? {});
  if (entries.length > MAX_ENVIRONMENT_VARIABLES) {
    problems.push(`environmentVariables: at most ${MAX_ENVIRONMENT_VARIABLES} variables, got ${entries.length}`);
  }
  for (const [key, value] of entries) {
    if (!ENVIRONMENT_KEY.test(key)) {
      problems.push(`environmentVariables.${key}: keys start with a letter and have at least two characters among letters, digits and '_'`);
    }
    if (typeof value !== 'string') problems.push(`environmentVariables.${key}: values must be strings`);
    else if (value.length > MAX_ENVIRONMENT_VALUE_LENGTH) {
      problems.push(`environmentVariables.${key}: values are at most ${MAX_ENVIRONMENT_VALUE_LENGTH} characters, got ${value.length}`);
    }
  }
}

/** Spec appsync-graphql-engine.md §1.6, §6: depth 0 (none) or 1..75, resolver count 0 (default) or 1..10,000. */
export function checkLimits(limits: ApiDefinition['limits'], problems: string[]): void {
  if (!limits) return;
  const own = [
    integerProblem('queryDepthLimit', limits.queryDepthLimit, 0, 75),
    integerProblem('resolverCountLimit', limits.resolverCountLimit, 0, 10_000),
    limits.introspection === undefined || limits.introspection === 'ENABLED' || limits.introspection === 'DISABLED'
      ? undefined
      : `introspection '${String(limits.introspection)}' must be ENABLED or DISABLED`,
  ];
  for (const problem of own) if (problem) problems.push(`limits.${problem}`);
}
