/**
 * The `projection` input of the dynamodb helpers (`get`, `query`, `scan`, `batchGet`, `transactGet`):
 * a list of attribute paths → `{ expression, expressionNames }` (spec appsync-js-runtime.md §4.1).
 *
 * Unconfirmed against AWS (placeholder naming): every path segment gets a `#expName_<n>` alias in
 * order of first use, a segment used twice keeps its alias, and list indexes stay outside the alias
 * (`nested.items[1]` → `#expName_1.#expName_2[1]`); paths are joined with `, `. LocalStack's
 * reimplementation names segments the same way.
 */
import { BuiltinInputError } from '../signals.js';
import { setEntry } from './attribute-values.js';

export interface ProjectionExpression {
  expression: string;
  expressionNames: Record<string, string>;
}

/** `name`, then any number of `[index]` suffixes. */
const SEGMENT = /^([^[\]]+)((?:\[\d+\])*)$/;

/** `undefined` when there is nothing to project (absent, null or an empty list). */
export function buildProjection(helper: string, paths: unknown): ProjectionExpression | undefined {
  if (paths === undefined || paths === null) return undefined;
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) {
    throw new BuiltinInputError(`${helper}: 'projection' must be a list of attribute paths`);
  }
  if (paths.length === 0) return undefined;

  const aliases = new Map<string, string>();
  const expressionNames: Record<string, string> = {};
  const aliasOf = (name: string): string => {
    let alias = aliases.get(name);
    if (alias === undefined) {
      alias = `#expName_${aliases.size + 1}`;
      aliases.set(name, alias);
      setEntry(expressionNames, alias, name);
    }
    return alias;
  };
  const renderSegment = (segment: string, path: string): string => {
    const match = SEGMENT.exec(segment);
    if (match === null) throw new BuiltinInputError(`${helper}: invalid projection path '${path}'`);
    return `${aliasOf(match[1] as string)}${match[2]}`;
  };

  const expression = paths
    .map((path: string) => path.split('.').map((segment) => renderSegment(segment, path)).join('.'))
    .join(', ');
  return { expression, expressionNames };
}
