/**
 * `util.error`, `util.appendError` and `util.unauthorized` (spec appsync-js-runtime.md §3.1, §6.3).
 *
 * Non-string arguments: AWS silently ignores `util.error(25)`, `util.error(true)` and
 * `util.error("abc", 25)` — the call does nothing and the handler goes on (observed on AWS and
 * reported in aws/aws-appsync-community#384, 2025; advancedweb.hu "AppSync footgun: util.error does
 * not work if called with non-string arguments"). The spec lists this as unconfirmed and suggested
 * stringifying; the public observation wins. The same rule is applied to `util.appendError`, whose
 * signature is the same (unconfirmed for that function). A missing or `null` errorType is allowed.
 */
import type { CurrentState } from '../evaluation-state.js';
import { UnauthorizedSignal, UtilErrorSignal } from '../signals.js';
import type { ResolverErrorEntry } from '../types.js';
import { copyJsonValue } from './json-copy.js';

/**
 * The error entry for `(message, errorType, data, errorInfo)`, or `undefined` when AppSync ignores
 * the call (a non-string message or errorType, see the module comment). `data` and `errorInfo` are
 * copied now, as AppSync converts them at the call; absent ones are `null` (spec §5.6).
 */
function errorEntry(message: unknown, errorType: unknown, data: unknown, errorInfo: unknown): ResolverErrorEntry | undefined {
  if (typeof message !== 'string') return undefined;
  if (errorType !== undefined && errorType !== null && typeof errorType !== 'string') return undefined;
  return {
    message,
    errorType: errorType ?? null,
    data: copyJsonValue(data) ?? null,
    errorInfo: copyJsonValue(errorInfo) ?? null,
  };
}

export function createErrorUtils(current: CurrentState) {
  return {
    /**
     * Ends the handler and the rest of the resolver with one GraphQL error (spec §3.1, §6.3).
     * The typings promise `never`, but AWS returns normally from a call with non-string arguments.
     */
    error(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
      const entry = errorEntry(message, errorType, data, errorInfo);
      if (entry === undefined) return undefined as never;
      throw new UtilErrorSignal(entry);
    },

    /** Records an error for the field and lets the handler go on; errors keep call order (spec §3.1). */
    appendError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
      const entry = errorEntry(message, errorType, data, errorInfo);
      if (entry !== undefined) current().appendedErrors.push(entry);
    },

    /**
     * Ends the handler like `util.error`. EvaluateCode reports the message "Unauthorized" [obs]; in a
     * GraphQL response the error has `errorType: "Unauthorized"` and the engine's
     * "Not Authorized to access <field> on type <Type>" message (spec §3.1, engine spec item 57).
     */
    unauthorized(): never {
      throw new UnauthorizedSignal({ message: 'Unauthorized', errorType: 'Unauthorized', data: null, errorInfo: null });
    },
  };
}
