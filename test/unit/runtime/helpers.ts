/** Shared helpers of the runtime tests: build small modules and read load errors. */
import { CodeValidationException } from '../../../local/errors.js';
import { loadResolverCode } from '../../../local/runtime/index.js';
import type { CodeError, ContextInput, EvaluationOutcome, EvaluationRecord, HandlerName } from '../../../local/runtime/types.js';

/**
 * A module whose `request` handler runs `body` (its first line is line 2, column 3 of the module)
 * and whose `response` returns `ctx.result`.
 */
export function moduleWithRequest(body: string): string {
  return `export function request(ctx) {\n  ${body}\n}\nexport function response(ctx) { return ctx.result; }\n`;
}

/** The `codeErrors` of a module that must fail to load. */
export function codeErrorsOf(source: string): CodeError[] {
  try {
    loadResolverCode(source, { fileName: 'code.js' });
  } catch (error) {
    if (error instanceof CodeValidationException) return error.codeErrors;
    throw error;
  }
  throw new Error('the module loaded');
}

/** Loads `source` with the real built-ins and evaluates one handler. */
export function evaluate(source: string, handler: HandlerName, ctx: ContextInput = {}): EvaluationOutcome {
  return loadResolverCode(source, { fileName: 'code.js' }).evaluate(handler, ctx);
}

/** What every outcome carries when the handler recorded nothing. */
export const EMPTY_RECORD: EvaluationRecord = {
  logs: [],
  stash: {},
  appendedErrors: [],
  extensions: { invalidations: [], cacheEvictions: [] },
  responseHeaders: {},
};

/** The outcome of a handler that returned `value`, recording only `record`. */
export function returned(value: unknown, record: Partial<EvaluationRecord> = {}): EvaluationOutcome {
  return { status: 'returned', value, ...EMPTY_RECORD, ...record };
}

/** The outcome of an uncaught exception (spec appsync-js-runtime.md §6.1). */
export function codeError(message: string, record: Partial<EvaluationRecord> = {}): EvaluationOutcome {
  return { status: 'error', kind: 'code', error: { message, errorType: 'Code', data: null, errorInfo: null }, ...EMPTY_RECORD, ...record };
}
