/**
 * The EvaluateCode API, locally (spec appsync-js-runtime.md §7): evaluate one handler of a code
 * unit against a JSON context and answer with AppSync's response shape.
 *
 * - Envelope problems (runtime other than APPSYNC_JS 1.0.0, `code` or `context` outside their
 *   length limits, a context that is not a JSON object, an unknown `function`) throw
 *   `BadRequestException`, as the API answers 400. The texts follow AWS's usual validation wording;
 *   AppSync's exact texts are unconfirmed.
 * - Code AppSync refuses comes back as `error: { message, codeErrors }` (a 200 answer, spec §7 "local
 *   CLI" rule); evaluation errors as `error: { message }`; both with no `evaluationResult`.
 */
import { BadRequestException, CodeValidationException } from '../errors.js';
import { MAX_CODE_LENGTH, type ResolverRuntime } from './evaluator.js';
import type { CodeError, ContextInput, EvaluateOptions, HandlerName } from './types.js';

export interface EvaluateCodeRequest {
  code: string;
  /** JSON text of a (partial) ctx. */
  context: string;
  /** `request` or `response`; `request` when absent (AppSync's default is unconfirmed). */
  function?: string;
  runtime: { name: string; runtimeVersion: string };
}

/** The API's response; absent fields are left out, keys in the order AppSync documents them. */
export interface EvaluateCodeResponse {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: CodeError[] };
  logs: string[];
  stash?: string;
  outErrors?: string;
}

/** spec §7: `context` is 2..28,000 characters (checklist item 120). */
export const MAX_CONTEXT_LENGTH = 28_000;

const CONTEXT_FIELDS = ['arguments', 'source', 'identity', 'stash', 'prev', 'result', 'error', 'request', 'info', 'env'] as const;

function lengthProblem(member: string, value: string, min: number, max: number): string | undefined {
  if (value.length < min) return `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`;
  if (value.length > max) return `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;
  return undefined;
}

function validate(request: EvaluateCodeRequest): { handler: HandlerName; context: ContextInput } {
  const { name, runtimeVersion } = request.runtime ?? {};
  if (name !== 'APPSYNC_JS' || runtimeVersion !== '1.0.0') {
    throw new BadRequestException(`Runtime ${String(name)} ${String(runtimeVersion)} is not supported. The supported runtime is APPSYNC_JS 1.0.0.`);
  }
  if (typeof request.code !== 'string' || typeof request.context !== 'string') {
    throw new BadRequestException('code and context are required.');
  }
  const tooLong = lengthProblem('code', request.code, 1, MAX_CODE_LENGTH) ?? lengthProblem('context', request.context, 2, MAX_CONTEXT_LENGTH);
  if (tooLong) throw new BadRequestException(tooLong);
  const handler = request.function ?? 'request';
  if (handler !== 'request' && handler !== 'response') {
    throw new BadRequestException(`function must be request or response, got ${JSON.stringify(handler)}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.context);
  } catch (error) {
    throw new BadRequestException(`The context is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestException('The context must be a JSON object.');
  }
  const given = parsed as Record<string, unknown>;
  const context = Object.fromEntries(CONTEXT_FIELDS.filter((field) => given[field] !== undefined).map((field) => [field, given[field]]));
  return { handler, context: context as ContextInput };
}

/** AppSync's `CodeError` without liveboard's `rule`. */
function apiCodeError({ errorType, value, location }: CodeError): CodeError {
  return { errorType, value, location };
}

/**
 * The message of a refused code unit: AppSync's observed TypeScript text when the problems are only
 * unknown AppSync members (spec §7, `code.js(5,14): error TS2339: ...`), its create-time message
 * otherwise.
 */
function loadErrorMessage(codeErrors: CodeError[]): string {
  return codeErrors.every((codeError) => codeError.errorType === 'CODE_ERROR' && /^code\.js\(\d+,\d+\): error TS/.test(codeError.value))
    ? codeErrors.map((codeError) => codeError.value).join('\n')
    : 'The code contains one or more errors.';
}

/** Evaluates with `runtime`; see the module comment for what is thrown and what is answered. */
export function evaluateCodeWith(runtime: ResolverRuntime, request: EvaluateCodeRequest, options?: EvaluateOptions): EvaluateCodeResponse {
  const { handler, context } = validate(request);
  let code;
  try {
    code = runtime.load(request.code, { fileName: 'code.js' });
  } catch (error) {
    if (!(error instanceof CodeValidationException)) throw error;
    return { error: { message: loadErrorMessage(error.codeErrors), codeErrors: error.codeErrors.map(apiCodeError) }, logs: [] };
  }
  const outcome = code.evaluate(handler, context, options);
  const record = { logs: outcome.logs, stash: JSON.stringify(outcome.stash), outErrors: JSON.stringify(outcome.appendedErrors) };
  if (outcome.status === 'error') return { error: { message: outcome.error.message }, ...record };
  return { evaluationResult: JSON.stringify(outcome.value), ...record };
}
