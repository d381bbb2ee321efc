/**
 * Every active subscription of the process, indexed by Subscription field so that publishing a mutation
 * looks only at the subscriptions of the fields it triggers (appsync-realtime.md §4.1), never at all of them.
 */
import type { PreparedSubscription } from '../engine/index.js';
import type { CompiledFilter } from './filters/enhanced-filter.js';

/** The connection holding a subscription, as publishing sees it. */
export interface Subscriber {
  /** Sends a `data` frame (`payload`: the serialised `{"data":…}`), unless the subscription has ended meanwhile. */
  deliver(subscription: ActiveSubscription, payload: Buffer): void;
  /** Ends the subscription with a `complete` frame (invalidation, §4.6). */
  invalidate(subscription: ActiveSubscription): void;
}

export interface ActiveSubscription {
  /** The client's id for it, unique on its connection. */
  readonly id: string;
  /** The start of its `data` frames, `{"id":…,"type":"data","payload":`, encoded once. */
  readonly dataFramePrefix: Buffer;
  readonly subscriber: Subscriber;
  readonly prepared: PreparedSubscription;
  /** Subscriptions with the same view (document, operation name, variables) receive the same payload. */
  readonly viewKey: string;
  /** Set by the subscription resolver (§4.5); it replaces argument matching (see fanout.ts). */
  readonly filter: CompiledFilter | undefined;
  /** Set by the subscription resolver (§4.6); absent: never invalidated. */
  readonly invalidationFilter: CompiledFilter | undefined;
}

const NONE: ReadonlySet<ActiveSubscription> = new Set();

export class SubscriptionRegistry {
  readonly #byField = new Map<string, Set<ActiveSubscription>>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(subscription: ActiveSubscription): void {
    const fieldName = subscription.prepared.fieldName;
    let subscriptions = this.#byField.get(fieldName);
    if (subscriptions === undefined) {
      subscriptions = new Set();
      this.#byField.set(fieldName, subscriptions);
    }
    if (!subscriptions.has(subscription)) {
      subscriptions.add(subscription);
      this.#size += 1;
    }
  }

  /** Forgets a subscription; a field left without any is forgotten too (no growth as clients come and go). */
  remove(subscription: ActiveSubscription): void {
    const fieldName = subscription.prepared.fieldName;
    const subscriptions = this.#byField.get(fieldName);
    if (subscriptions?.delete(subscription)) {
      this.#size -= 1;
      if (subscriptions.size === 0) this.#byField.delete(fieldName);
    }
  }

  /** The live set: iterate over a copy when the loop may end subscriptions. */
  subscriptionsOf(fieldName: string): ReadonlySet<ActiveSubscription> {
    return this.#byField.get(fieldName) ?? NONE;
  }

  /** How many fields have subscriptions (for leak checks). */
  get fieldCount(): number {
    return this.#byField.size;
  }
}
