/**
 * Argument-based ("basic") subscription filtering (appsync-realtime.md §4.3): every argument the subscriber
 * supplied must equal the top-level field of the same name in the mutation's result (AND); omitted
 * arguments do not filter. A field the mutation did not select is null, so it never matches a non-null
 * argument. An explicit `null` argument matches only a null field (the spec's local rule; unconfirmed).
 */
import { jsonEquals } from './values.js';

export function matchesArguments(suppliedArguments: Readonly<Record<string, unknown>>, published: unknown): boolean {
  const fields = typeof published === 'object' && published !== null && !Array.isArray(published) ? (published as Record<string, unknown>) : {};
  // Runs for every subscription of every event: no allocation per call.
  for (const name in suppliedArguments) {
    if (!jsonEquals(fields[name] ?? null, suppliedArguments[name] ?? null)) return false;
  }
  return true;
}
