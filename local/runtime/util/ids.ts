/**
 * `util.autoId`, `util.autoUlid`, `util.autoKsuid` (spec appsync-js-runtime.md §3.1, checklist 47-49).
 * ULIDs and KSUIDs carry a timestamp: it is taken from the evaluation's clock (`current().now()`),
 * the same clock as `util.time.*`, so an id and a timestamp made in one handler agree.
 */
import { randomUUID } from 'node:crypto';
import KSUID from 'ksuid';
import { monotonicFactory } from 'ulid';
import type { CurrentState } from '../evaluation-state.js';

export function createIdUtils(current: CurrentState) {
  // One monotonic factory per runtime: ULIDs made in the same millisecond still sort in call order.
  const nextUlid = monotonicFactory();
  return {
    /** Random UUID v4, lower-case, 36 characters. */
    autoId(): string {
      return randomUUID();
    },
    /** 26-character Crockford base32 ULID, time-ordered. */
    autoUlid(): string {
      return nextUlid(current().now());
    },
    /** 27-character base62 KSUID. */
    autoKsuid(): string {
      return KSUID.randomSync(current().now()).string;
    },
  };
}
