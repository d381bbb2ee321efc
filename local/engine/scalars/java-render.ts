/**
 * Renders a JSON value the way AppSync's Java engine prints it inside scalar error messages: strings bare,
 * objects as `{key=value, ...}`, lists as `[a, b]` (spec appsync-graphql-engine.md §2.2: "non-string values
 * are printed Java-map style, e.g. `{day=19, month=6}`").
 */
export function renderJavaValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(renderJavaValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${key}=${renderJavaValue(item)}`).join(', ')}}`;
  }
  return String(value);
}
