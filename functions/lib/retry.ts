/**
 * Optimistic writes under contention: an attempt reads, computes and writes in one conditional
 * transaction; when another writer got there first (a taken position, a changed version, a DynamoDB
 * TransactionConflict) the attempt answers `RETRY` and runs again on fresh reads after a short, jittered
 * pause. Rule violations are thrown by the attempt and end the loop.
 */
import { pause } from './board-table.js';
import { BoardError } from './errors.js';

export const RETRY: unique symbol = Symbol('retry');

/** The board is too busy right now: every attempt lost to a concurrent writer. */
export class ContentionError extends BoardError {
  readonly errorType = 'ConcurrentModification';
}

export interface RetryOptions {
  attempts: number;
  /** The pause before attempt n (n ≥ 1) is random in [0, baseDelayMs · 2^min(n, 5)). */
  baseDelayMs: number;
  random?: () => number;
}

const DEFAULTS: RetryOptions = { attempts: 12, baseDelayMs: 4 };

/** Runs `attempt(0)`, then `attempt(1)`, … while it answers RETRY. */
export async function retrying<T>(attempt: (attemptNumber: number) => Promise<T | typeof RETRY>, options: Partial<RetryOptions> = {}): Promise<T> {
  const { attempts, baseDelayMs, random = Math.random } = { ...DEFAULTS, ...options };
  for (let number = 0; number < attempts; number += 1) {
    if (number > 0) await pause(random() * baseDelayMs * 2 ** Math.min(number, 5));
    const result = await attempt(number);
    if (result !== RETRY) return result;
  }
  throw new ContentionError(`The board changed ${attempts} times while this change was being made; try again.`);
}
