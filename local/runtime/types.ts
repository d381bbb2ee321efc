/**
 * The contract of the APPSYNC_JS runtime (`local/runtime/`), used by the engine and `evaluate-code`.
 * Spec: shared/spec/appsync-js-runtime.md §1 (module shape, ctx), §3.9-3.10 (extensions, earlyReturn),
 * §6 (runtime errors), §7 (EvaluateCode).
 */

/** One GraphQL error as a resolver produces it (spec §5.6 without path/locations, which the engine adds). */
export interface ResolverErrorEntry {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

export interface RequestInfo {
  headers: Record<string, string>;
  domainName: string | null;
}

export interface FieldInfo {
  fieldName: string;
  parentTypeName: string;
  variables: Record<string, unknown>;
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

/** What a handler is evaluated with; missing parts default as EvaluateCode defaults them (spec §7). */
export interface ContextInput {
  arguments?: Record<string, unknown>;
  source?: unknown;
  identity?: unknown;
  stash?: Record<string, unknown>;
  prev?: { result: unknown };
  result?: unknown;
  error?: { message: string; type: string };
  request?: RequestInfo;
  info?: FieldInfo;
  env?: Record<string, string>;
  outErrors?: ResolverErrorEntry[];
}

export type HandlerName = 'request' | 'response';

/** Calls made to `extensions.*` during one evaluation (spec §3.9), acted on by the engine/realtime. */
export interface ExtensionCalls {
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations: Array<{ subscriptionField: string; payload: Record<string, unknown> }>;
  cacheEvictions: Array<{ typeName: string; fieldName: string; keys: Record<string, unknown> }>;
}

/** Fields every evaluation reports, whatever its outcome. */
export interface EvaluationRecord {
  logs: string[];
  /** The stash after evaluation (a copy: the engine passes it to the next handler). */
  stash: Record<string, unknown>;
  /** Errors added with `util.appendError` during this evaluation. */
  appendedErrors: ResolverErrorEntry[];
  extensions: ExtensionCalls;
  /** Response headers set with `util.http.addResponseHeader(s)`. */
  responseHeaders: Record<string, string>;
}

export type EvaluationOutcome = EvaluationRecord &
  (
    | { status: 'returned'; value: unknown }
    | { status: 'earlyReturn'; value: unknown; skipTo: 'END' | 'NEXT' }
    /**
     * `kind` tells how evaluation ended: `util.error`, `util.unauthorized`, or an uncaught exception
     * (`errorType: "Code"`, message `code.js:L:C: Name: text`, spec §6.1).
     */
    | { status: 'error'; kind: 'util.error' | 'unauthorized' | 'code'; error: ResolverErrorEntry }
  );

export interface EvaluateOptions {
  /** `util.authType()`'s answer (spec §1.3). Default: API key. */
  authType?: string;
  /** Clock for `util.time.*` (epoch ms). Default: Date.now. */
  now?: () => number;
  /**
   * Custom response headers already set by the request's other resolvers. They count towards the
   * 4 KB limit, which is per request (spec §3.6); a header of the same name set now replaces its
   * earlier value. The outcome's `responseHeaders` holds this evaluation's headers only. Default: none.
   */
  earlierResponseHeaders?: Readonly<Record<string, string>>;
}

/** A problem found when loading code (syntax or language rule), as EvaluateCode's `codeErrors` (spec §7). */
export interface CodeError {
  errorType: 'PARSER_ERROR' | 'LINT_ERROR' | 'CODE_ERROR';
  value: string;
  location: { line: number; column: number; span: number };
  /**
   * liveboard addition, not part of AppSync's CodeError: the ESLint rule that reported a
   * `LINT_ERROR` (e.g. `@aws-appsync/no-while`), so that people see which rule to look up.
   * EvaluateCode output leaves it out.
   */
  rule?: string;
}

/** A loaded, checked APPSYNC_JS module whose handlers can be evaluated any number of times. */
export interface ResolverCode {
  /** Label used in messages, e.g. the source file. */
  readonly fileName: string;
  evaluate(handler: HandlerName, ctx: ContextInput, options?: EvaluateOptions): EvaluationOutcome;
}
