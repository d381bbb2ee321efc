/**
 * A stand-in for the APPSYNC_JS runtime in engine unit tests: handlers are plain functions, and the
 * AppSync built-ins they may call (`util.error`, `util.appendError`, `runtime.earlyReturn`, extensions,
 * response headers) are given as `tools`. It honours the `ResolverCode` contract: outcomes, never throws.
 */
import type {
  ContextInput,
  EvaluateOptions,
  EvaluationOutcome,
  ExtensionCalls,
  HandlerName,
  ResolverCode,
  ResolverErrorEntry,
} from '../../../../local/runtime/types.js';

export interface FakeTools {
  error(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown): never;
  appendError(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown): void;
  unauthorized(): never;
  earlyReturn(value?: unknown, skipTo?: 'END' | 'NEXT'): never;
  invalidateSubscriptions(call: { subscriptionField: string; payload: Record<string, unknown> }): void;
  setSubscriptionFilter(filter: unknown): void;
  addResponseHeader(name: string, value: string): void;
  authType: string | undefined;
}

export type FakeHandler = (ctx: ContextInput & { stash: Record<string, unknown> }, tools: FakeTools) => unknown;

export interface FakeResolverCode extends ResolverCode {
  /** Every evaluation, in order: the handler and a snapshot of the ctx it received. */
  readonly calls: Array<{ handler: HandlerName; ctx: ContextInput; authType: string | undefined }>;
}

class ErrorSignal {
  constructor(
    readonly kind: 'util.error' | 'unauthorized' | 'code',
    readonly error: ResolverErrorEntry,
  ) {}
}
class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo: 'END' | 'NEXT',
  ) {}
}

const entry = (message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown): ResolverErrorEntry => ({
  message,
  errorType: errorType ?? null,
  data: data ?? null,
  errorInfo: errorInfo ?? null,
});

export function fakeCode(handlers: Partial<Record<HandlerName, FakeHandler>>, fileName = 'fake.js'): FakeResolverCode {
  const calls: FakeResolverCode['calls'] = [];
  return {
    fileName,
    calls,
    evaluate(handler: HandlerName, ctx: ContextInput, options?: EvaluateOptions): EvaluationOutcome {
      calls.push({ handler, ctx: structuredClone(ctx), authType: options?.authType });
      const stash = structuredClone(ctx.stash ?? {});
      const appendedErrors: ResolverErrorEntry[] = [];
      const extensions: ExtensionCalls = { invalidations: [], cacheEvictions: [] };
      const responseHeaders: Record<string, string> = {};
      const record = { logs: [], stash, appendedErrors, extensions, responseHeaders };
      const tools: FakeTools = {
        error: (...args) => {
          throw new ErrorSignal('util.error', entry(...args));
        },
        appendError: (...args) => {
          appendedErrors.push(entry(...args));
        },
        unauthorized: () => {
          throw new ErrorSignal('unauthorized', entry('Unauthorized', 'UnauthorizedException'));
        },
        earlyReturn: (value, skipTo = 'NEXT') => {
          throw new EarlyReturnSignal(value ?? null, skipTo);
        },
        invalidateSubscriptions: (call) => {
          extensions.invalidations.push(call);
        },
        setSubscriptionFilter: (filter) => {
          extensions.subscriptionFilter = filter;
        },
        addResponseHeader: (name, value) => {
          responseHeaders[name] = value;
        },
        authType: options?.authType,
      };
      const implementation = handlers[handler] ?? (() => ({}));
      try {
        const value = implementation({ ...structuredClone(ctx), stash }, tools);
        return { ...record, status: 'returned', value };
      } catch (signal) {
        if (signal instanceof EarlyReturnSignal) {
          return { ...record, status: 'earlyReturn', value: signal.value, skipTo: signal.skipTo };
        }
        if (signal instanceof ErrorSignal) return { ...record, status: 'error', kind: signal.kind, error: signal.error };
        const message = signal instanceof Error ? `${signal.name}: ${signal.message}` : String(signal);
        return { ...record, status: 'error', kind: 'code', error: entry(`code.js:1:1: ${message}`, 'Code') };
      }
    },
  };
}
