/**
 * Collects what a subscription delivers, for tests: `observer` is what the SDK's subscription functions
 * take, and `next(count)` waits until `count` events have arrived (the test's own timeout bounds the wait).
 */
import type { SubscriptionObserver } from '../../../client/index.js';

export interface Inbox<T> {
  readonly observer: SubscriptionObserver<T>;
  /** Every event so far, in order of arrival. */
  readonly events: readonly T[];
  /** Every error reported so far. */
  readonly errors: readonly unknown[];
  /** The first `count` events, once they have arrived. */
  next(count: number): Promise<T[]>;
}

export function inbox<T>(): Inbox<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let waiters: Array<{ count: number; resolve: (events: T[]) => void }> = [];
  const settle = (): void => {
    const ready = waiters.filter((waiter) => events.length >= waiter.count);
    waiters = waiters.filter((waiter) => events.length < waiter.count);
    for (const waiter of ready) waiter.resolve(events.slice(0, waiter.count));
  };
  return {
    observer: {
      next: (event) => {
        events.push(event);
        settle();
      },
      error: (error) => {
        errors.push(error);
      },
    },
    events,
    errors,
    next: (count) =>
      new Promise((resolve) => {
        waiters.push({ count, resolve });
        settle();
      }),
  };
}
