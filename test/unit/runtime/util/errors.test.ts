/**
 * `util.error`, `util.appendError`, `util.unauthorized` (spec appsync-js-runtime.md §3.1, §6.3).
 * What the engine and EvaluateCode make of the signals (items 50-53 end to end) is tested with the
 * runtime; here: what each call throws or records.
 */
import { describe, expect, it } from 'vitest';
import { UnauthorizedSignal, UtilErrorSignal } from '../../../../local/runtime/signals.js';
import { createUtil } from '../../../../local/runtime/util/index.js';
import { evaluationState, utilWithState } from './state.js';

function signalOf(call: () => unknown): unknown {
  try {
    call();
  } catch (signal) {
    return signal;
  }
  return 'nothing thrown';
}

describe('util.error', () => {
  it('ends the handler with the message alone', () => {
    // spec: §8 item 50 (obs) — the message is reported as given
    const { util } = utilWithState();
    expect(signalOf(() => util.error('foo'))).toStrictEqual(
      new UtilErrorSignal({ message: 'foo', errorType: null, data: null, errorInfo: null }),
    );
  });

  it('carries errorType, data and errorInfo', () => {
    // spec: §8 item 52 (doc); filtering data by the selection set is the engine's part
    const { util } = utilWithState();
    expect(signalOf(() => util.error('m', 'T', { a: 1 }, { b: 2 }))).toStrictEqual(
      new UtilErrorSignal({ message: 'm', errorType: 'T', data: { a: 1 }, errorInfo: { b: 2 } }),
    );
  });

  it('takes a null errorType as absent', () => {
    const { util } = utilWithState();
    expect(signalOf(() => util.error('m', null, [1, 'x']))).toStrictEqual(
      new UtilErrorSignal({ message: 'm', errorType: null, data: [1, 'x'], errorInfo: null }),
    );
  });

  it('copies data and errorInfo as JSON at the call', () => {
    const { util } = utilWithState();
    const data: Record<string, unknown> = { kept: 1, dropped: undefined, list: [undefined, Number.NaN] };
    const signal = signalOf(() => util.error('m', 'T', data, { when: 'now' }));
    data.kept = 2;
    expect(signal).toStrictEqual(
      new UtilErrorSignal({ message: 'm', errorType: 'T', data: { kept: 1, list: [null, null] }, errorInfo: { when: 'now' } }),
    );
  });

  it('is ignored when the message or the errorType is not a string', () => {
    // Observed on AWS: util.error(25), util.error(true), util.error("abc", 25) are no-ops
    // (aws/aws-appsync-community#384). The spec calls this unconfirmed and suggested stringifying.
    const { util } = utilWithState();
    expect([
      signalOf(() => util.error(25)),
      signalOf(() => util.error(true)),
      signalOf(() => util.error('abc', 25)),
      signalOf(() => util.error({ message: 'm' })),
      // Resolver code is plain JS: nothing stops a call without arguments.
      signalOf(() => (util.error as (...args: unknown[]) => never)()),
    ]).toEqual(['nothing thrown', 'nothing thrown', 'nothing thrown', 'nothing thrown', 'nothing thrown']);
  });
});

describe('util.appendError', () => {
  it('records errors in call order without stopping', () => {
    // spec: §8 item 53 (doc); several calls keep their order (unconfirmed, spec §3.1)
    const { util, state } = utilWithState();
    util.appendError('m');
    util.appendError('n', 'T', { a: 1 }, { b: 2 });
    expect(state.appendedErrors).toEqual([
      { message: 'm', errorType: null, data: null, errorInfo: null },
      { message: 'n', errorType: 'T', data: { a: 1 }, errorInfo: { b: 2 } },
    ]);
  });

  it('ignores non-string messages and errorTypes like util.error', () => {
    // unconfirmed: assumed to behave like util.error (same signature and argument conversion)
    const { util, state } = utilWithState();
    util.appendError(25);
    util.appendError('abc', 25);
    expect(state.appendedErrors).toEqual([]);
  });

  it('records into the evaluation in progress', () => {
    const first = evaluationState();
    const second = evaluationState();
    let current = first;
    const util = createUtil(() => current);
    util.appendError('in first');
    current = second;
    util.appendError('in second');
    expect([first.appendedErrors, second.appendedErrors]).toEqual([
      [{ message: 'in first', errorType: null, data: null, errorInfo: null }],
      [{ message: 'in second', errorType: null, data: null, errorInfo: null }],
    ]);
  });
});

describe('util.unauthorized', () => {
  it('ends the handler with the Unauthorized error', () => {
    // spec: §8 item 51 (obs) message "Unauthorized"; errorType "Unauthorized" (spec §3.1, engine item 57)
    const { util } = utilWithState();
    expect(signalOf(() => util.unauthorized())).toStrictEqual(
      new UnauthorizedSignal({ message: 'Unauthorized', errorType: 'Unauthorized', data: null, errorInfo: null }),
    );
  });
});
