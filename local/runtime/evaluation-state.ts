/**
 * Per-evaluation state that the built-ins (`util`, `extensions`) write to. The built-ins are created
 * once and read the state of the evaluation in progress through a getter, so that nothing has to be
 * rebuilt per evaluation and nothing leaks from one evaluation into the next.
 */
import type { ExtensionCalls, ResolverErrorEntry } from './types.js';

export interface EvaluationState {
  /** `util.authType()`'s answer. */
  authType: string;
  /** Epoch milliseconds, for `util.time.*`. */
  now(): number;
  appendedErrors: ResolverErrorEntry[];
  responseHeaders: Record<string, string>;
  /**
   * Headers other resolvers of the same request set before this evaluation: the 4 KB limit is on the
   * request's custom headers together (spec appsync-js-runtime.md §3.6). Absent: none.
   */
  earlierResponseHeaders?: Readonly<Record<string, string>>;
  extensions: ExtensionCalls;
  logs: string[];
}

export type CurrentState = () => EvaluationState;
