/**
 * A `CurrentState` for unit tests of `util`: one evaluation's state, with the clock fixed at the
 * instant the spec's time examples use (spec appsync-js-runtime.md §8, "util.time").
 */
import type { CurrentState, EvaluationState } from '../../../../local/runtime/evaluation-state.js';
import { createUtil, type UtilObject } from '../../../../local/runtime/util/index.js';

/** 2018-02-06T19:01:35.758Z */
export const FIXED_NOW = 1517943695758;

export function evaluationState(overrides: Partial<EvaluationState> = {}): EvaluationState {
  return {
    authType: 'API Key Authorization',
    now: () => FIXED_NOW,
    appendedErrors: [],
    responseHeaders: {},
    extensions: { invalidations: [], cacheEvictions: [] },
    logs: [],
    ...overrides,
  };
}

/** `util` reading the given state, plus the state so the test can inspect what util wrote. */
export function utilWithState(overrides: Partial<EvaluationState> = {}): { util: UtilObject; state: EvaluationState } {
  const state = evaluationState(overrides);
  const current: CurrentState = () => state;
  return { util: createUtil(current), state };
}

/**
 * What a call threw, as `{ thrown: <class name>, message }` so that one `toEqual` checks both
 * (vitest's `toThrow(error)` compares messages only).
 */
export function thrownBy(call: () => unknown): { thrown: string; message: string } | 'nothing thrown' {
  try {
    call();
  } catch (error) {
    return { thrown: (error as Error).constructor.name, message: (error as Error).message };
  }
  return 'nothing thrown';
}

/** The `{ thrown, message }` of a `BuiltinInputError`. */
export function refused(message: string): { thrown: string; message: string } {
  return { thrown: 'BuiltinInputError', message };
}
