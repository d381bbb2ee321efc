/**
 * Control-flow signals thrown by the APPSYNC_JS built-ins to end an evaluation early. They are not
 * errors of the resolver code (AppSync code cannot catch them: try/catch is not in the language);
 * the evaluator turns each into its outcome (see `EvaluationOutcome` in ./types.ts).
 */
import type { ResolverErrorEntry } from './types.js';

/** `util.error(...)` (spec appsync-js-runtime.md §3.1, §6.3). */
export class UtilErrorSignal {
  constructor(readonly error: ResolverErrorEntry) {}
}

/** `util.unauthorized()`: message "Unauthorized", errorType "Unauthorized" (spec §3.1). */
export class UnauthorizedSignal {
  constructor(readonly error: ResolverErrorEntry) {}
}

/** `runtime.earlyReturn(value, { skipTo })` (spec §3.10). */
export class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo: 'END' | 'NEXT',
  ) {}
}

/**
 * A built-in refused its input (e.g. a dynamodb helper given an invalid key). The evaluator reports
 * it like a runtime exception at the call site: `code.js:L:C: <message>` (spec §6.1, last rule).
 */
export class BuiltinInputError extends Error {}
