/**
 * Reading and comparing values of a published mutation result, as subscription filters see them: plain JSON
 * (the result as serialised for the mutation caller, appsync-realtime.md §4.1).
 */

/** JSON equality: same primitive, or lists/objects with equal members (key order ignored). */
export function jsonEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => jsonEquals(item, right[index]));
  }
  const leftKeys = Object.keys(left);
  const rightRecord = right as Record<string, unknown>;
  return (
    leftKeys.length === Object.keys(rightRecord).length &&
    leftKeys.every((key) => Object.hasOwn(rightRecord, key) && jsonEquals((left as Record<string, unknown>)[key], rightRecord[key]))
  );
}

/**
 * The value at `path` (field names) in a published object; `null` when any step is absent or not an
 * object, since a field the mutation did not select reaches subscribers as null (§4.2).
 */
export function valueAt(published: unknown, path: readonly string[]): unknown {
  let current = published;
  for (const name of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[name];
  }
  return current ?? null;
}
