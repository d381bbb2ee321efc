/**
 * `runtime` of `@aws-appsync/utils` (spec appsync-js-runtime.md §3.10): `earlyReturn` ends the
 * handler at once with a result, which is not an error (§6.4). What is skipped next is the engine's
 * business (`skipTo`, default `NEXT`).
 */
import { BuiltinInputError, EarlyReturnSignal } from './signals.js';

export function createRuntimeUtils() {
  return {
    earlyReturn(value?: unknown, options?: unknown): never {
      const skipTo = typeof options === 'object' && options !== null ? (options as { skipTo?: unknown }).skipTo : undefined;
      if (skipTo !== undefined && skipTo !== 'END' && skipTo !== 'NEXT') {
        throw new BuiltinInputError(`earlyReturn: skipTo must be "END" or "NEXT", got ${JSON.stringify(skipTo)}`);
      }
      throw new EarlyReturnSignal(value === undefined ? null : value, skipTo ?? 'NEXT');
    },
  };
}
