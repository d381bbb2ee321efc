/**
 * The APPSYNC_JS runtime's public API: load resolver code and evaluate its handlers with the real
 * built-ins (`util` from ./util, `@aws-appsync/utils/dynamodb` from ./dynamodb), and `evaluateCode`,
 * the local EvaluateCode API. One runtime (one sandbox realm) serves the whole process.
 */
import { dynamodbModule } from './dynamodb/index.js';
import { evaluateCodeWith, type EvaluateCodeRequest, type EvaluateCodeResponse } from './evaluate-code.js';
import { ResolverRuntime, type RuntimeBuiltins } from './evaluator.js';
import type { EvaluateOptions, ResolverCode } from './types.js';
import { createUtil } from './util/index.js';

export const appsyncBuiltins: RuntimeBuiltins = { createUtil, dynamodb: dynamodbModule };

let shared: ResolverRuntime | undefined;

/** The process-wide runtime with the real built-ins, created on first use. */
export function defaultRuntime(): ResolverRuntime {
  shared ??= new ResolverRuntime(appsyncBuiltins);
  return shared;
}

/**
 * Loads an APPSYNC_JS module (the bundled code as sent to AppSync). Throws `BadRequestException` for
 * code over 32,768 characters and `CodeValidationException` (with `codeErrors`) for code AppSync
 * would refuse at creation: syntax errors, language-rule violations, unknown AppSync members.
 */
export function loadResolverCode(source: string, options: { fileName: string }): ResolverCode {
  return defaultRuntime().load(source, options);
}

/** The local EvaluateCode API (spec appsync-js-runtime.md §7); envelope problems throw `BadRequestException`. */
export function evaluateCode(request: EvaluateCodeRequest, options?: EvaluateOptions): EvaluateCodeResponse {
  return evaluateCodeWith(defaultRuntime(), request, options);
}

export type { EvaluateCodeRequest, EvaluateCodeResponse } from './evaluate-code.js';
export { MAX_CODE_LENGTH, ResolverRuntime, type RuntimeBuiltins } from './evaluator.js';
