/**
 * `util.math` (spec appsync-js-runtime.md §3.3), after the Java methods AppSync documents
 * (`roundNum(Double): Integer`, `minVal`/`maxVal(Double, Double)`, `randomWithinRange(Integer, Integer)`).
 */
import { BuiltinInputError } from '../signals.js';
import { expectFiniteNumber, expectInteger } from './arguments.js';

/** Nearest integer, halves up: 2.5 → 3, -2.5 → -2 (Java `Math.round`, same as JS `Math.round`). */
function roundNum(input: unknown): number {
  return Math.round(expectFiniteNumber(input, 'util.math.roundNum', 'input'));
}

function minVal(input1: unknown, input2: unknown): number {
  return Math.min(expectFiniteNumber(input1, 'util.math.minVal', 'input1'), expectFiniteNumber(input2, 'util.math.minVal', 'input2'));
}

function maxVal(input1: unknown, input2: unknown): number {
  return Math.max(expectFiniteNumber(input1, 'util.math.maxVal', 'input1'), expectFiniteNumber(input2, 'util.math.maxVal', 'input2'));
}

/** A double in [0, 1). */
function randomDouble(): number {
  return Math.random();
}

/**
 * A random integer from `start` to `end`, both included (inclusive bounds are unconfirmed, spec
 * §3.3). `start > end` is refused.
 */
function randomWithinRange(start: unknown, end: unknown): number {
  const low = expectInteger(start, 'util.math.randomWithinRange', 'start');
  const high = expectInteger(end, 'util.math.randomWithinRange', 'end');
  if (low > high) {
    throw new BuiltinInputError(`util.math.randomWithinRange: 'start' (${low}) must not be greater than 'end' (${high})`);
  }
  return low + Math.floor(Math.random() * (high - low + 1));
}

export const mathUtils = { roundNum, minVal, maxVal, randomDouble, randomWithinRange };
