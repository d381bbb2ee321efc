/**
 * The process-wide index of active subscriptions by Subscription field (issue 6, robustness: publishing
 * is not O(all subscriptions); no growth once clients leave).
 */
import { describe, expect, it } from 'vitest';
import type { PreparedSubscription } from '../../../local/engine/index.js';
import { SubscriptionRegistry, type ActiveSubscription, type Subscriber } from '../../../local/realtime/subscription-registry.js';

const subscriber: Subscriber = { deliver: () => undefined, invalidate: () => undefined };

function subscription(id: string, fieldName: string): ActiveSubscription {
  const prepared = { fieldName } as PreparedSubscription;
  return { id, dataFramePrefix: Buffer.from(id), subscriber, prepared, viewKey: fieldName, filter: undefined, invalidationFilter: undefined };
}

describe('SubscriptionRegistry', () => {
  it('indexes subscriptions by field and forgets a field with none left', () => {
    const registry = new SubscriptionRegistry();
    const a = subscription('a', 'onCreate');
    const b = subscription('b', 'onCreate');
    const c = subscription('c', 'onDelete');
    for (const entry of [a, b, c, a]) registry.add(entry);
    expect({ size: registry.size, fields: registry.fieldCount, onCreate: [...registry.subscriptionsOf('onCreate')], none: [...registry.subscriptionsOf('onOther')] }).toEqual({
      size: 3,
      fields: 2,
      onCreate: [a, b],
      none: [],
    });
    for (const entry of [a, c, c]) registry.remove(entry);
    expect({ size: registry.size, fields: registry.fieldCount, onCreate: [...registry.subscriptionsOf('onCreate')], onDelete: [...registry.subscriptionsOf('onDelete')] }).toEqual({
      size: 1,
      fields: 1,
      onCreate: [b],
      onDelete: [],
    });
    registry.remove(b);
    expect({ size: registry.size, fields: registry.fieldCount }).toEqual({ size: 0, fields: 0 });
  });
});
