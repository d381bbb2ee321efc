/** Cross-references of a definition that passed validation always resolve; a miss is a bug in the stack, not bad input. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} missing after definition validation`);
  return value;
}
