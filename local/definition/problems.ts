/**
 * Collecting definition problems: each problem names the entry it concerns (`dataSources[1] 'Posts'`,
 * `resolvers[0] Query.getPost`) so that a user can find it in `infra/definition.ts`.
 */

/** An `ApiDefinition` that cannot be served or deployed; `problems` lists every problem found. */
export class InvalidDefinitionError extends Error {
  override readonly name = 'InvalidDefinitionError';

  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(
      [`Invalid API definition in ${source} (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, ...problems.map((problem) => `  - ${problem}`)].join(
        '\n',
      ),
    );
  }
}

/** `dataSources[1] 'Posts'`: the position makes an entry findable even when its name is the problem. */
export function entryLabel(list: string, index: number, name?: unknown): string {
  return typeof name === 'string' ? `${list}[${index}] '${name}'` : `${list}[${index}]`;
}

/** `'3000' is out of range (0..2000)` style check for optional integer settings. */
export function integerProblem(field: string, value: unknown, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${field} must be an integer, got ${JSON.stringify(value)}`;
  if (value < min || value > max) return `${field} ${value} is out of range (${min}..${max})`;
  return undefined;
}

/**
 * Reports entries sharing a name: `<list>[3]: duplicate name 'Posts' (also <list>[0])`.
 * Returns the entries by name (the first of each name wins), for reference checks.
 */
export function indexByName<T extends { name: string }>(list: string, entries: readonly T[], problems: string[]): Map<string, T> {
  const byName = new Map<string, T>();
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = firstIndex.get(entry.name);
    if (first === undefined) {
      firstIndex.set(entry.name, index);
      byName.set(entry.name, entry);
    } else {
      problems.push(`${list}[${index}]: duplicate name '${entry.name}' (also ${list}[${first}])`);
    }
  });
  return byName;
}
