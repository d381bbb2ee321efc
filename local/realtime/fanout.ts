/**
 * What a completed mutation does to subscribers (appsync-realtime.md §4): each publication (a Mutation root
 * field that completed with a value) reaches every subscription of the fields whose `@aws_subscribe` lists
 * it, when the subscription's filter passes, shaped by the subscriber's selection (§4.2); then each
 * `extensions.invalidateSubscriptions` call ends the subscriptions of its field whose invalidation filter
 * matches its payload (§4.6).
 *
 * The filter is the enhanced filter its resolver set (§4.5) or, without one, its arguments (§4.3), never
 * both. The spec leaves this open (§4.5, §9 item 5) and recommends applying both; but Amplify's generated
 * subscription resolvers install a client's `filter:` argument (an input object no event field equals) with
 * `extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(ctx.args.filter))`, and AWS's
 * samples copy arguments such as `input.threadId` into the filter, which only works if a filter set by the
 * resolver replaces argument matching.
 *
 * Publications go out before invalidations, so a subscriber removed by a mutation still sees that
 * mutation's own event (order unconfirmed).
 */
import type { Engine, ExecuteOutcome, Publication } from '../engine/index.js';
import { subscriptionTriggers } from './aws-subscribe.js';
import { matchesArguments } from './filters/argument-filter.js';
import { matchesFilter } from './filters/enhanced-filter.js';
import type { ActiveSubscription, SubscriptionRegistry } from './subscription-registry.js';

export interface FanoutContext {
  engine: Engine;
  registry: SubscriptionRegistry;
  /** Largest payload delivered (240 KB, §4.2). */
  maxPayloadBytes: number;
  log: (line: string) => void;
}

export type PublishedOutcome = Pick<ExecuteOutcome, 'publications' | 'invalidations'>;

export async function fanOut(outcome: PublishedOutcome, context: FanoutContext): Promise<void> {
  const triggers = subscriptionTriggers(context.engine.schema);
  for (const publication of outcome.publications) {
    for (const fieldName of triggers.get(publication.fieldName) ?? []) {
      await deliver(publication, matchingSubscriptions(context.registry.subscriptionsOf(fieldName), publication.value), context);
    }
  }
  for (const { subscriptionField, payload } of outcome.invalidations) {
    for (const subscription of [...context.registry.subscriptionsOf(subscriptionField)]) {
      if (subscription.invalidationFilter && matchesFilter(subscription.invalidationFilter, payload)) {
        subscription.subscriber.invalidate(subscription);
      }
    }
  }
}

/** The subscriptions an event passes, grouped by view so that each view is shaped once. */
function matchingSubscriptions(subscriptions: Iterable<ActiveSubscription>, published: unknown): Map<string, ActiveSubscription[]> {
  const byView = new Map<string, ActiveSubscription[]>();
  for (const subscription of subscriptions) {
    const passes = subscription.filter ? matchesFilter(subscription.filter, published) : matchesArguments(subscription.prepared.arguments, published);
    if (!passes) continue;
    const group = byView.get(subscription.viewKey);
    if (group) group.push(subscription);
    else byView.set(subscription.viewKey, [subscription]);
  }
  return byView;
}

async function deliver(publication: Publication, byView: Map<string, ActiveSubscription[]>, context: FanoutContext): Promise<void> {
  for (const group of byView.values()) {
    const first = group[0] as ActiveSubscription;
    const payload = Buffer.from(await payloadFor(first, publication.value, context.engine));
    const size = payload.length;
    if (size > context.maxPayloadBytes) {
      // Over-size behaviour is unconfirmed; the spec recommends dropping the event for that subscriber (§4.2).
      context.log(
        `liveboard: a ${publication.fieldName} event was not delivered to ${group.length} ${first.prepared.fieldName} subscription(s): ` +
          `its payload of ${size} bytes exceeds the ${context.maxPayloadBytes}-byte limit`,
      );
      continue;
    }
    for (const subscription of group) subscription.subscriber.deliver(subscription, payload);
  }
}

/**
 * The `data` frame's payload as JSON. `payload.data` is always an object, since both JS clients drop a frame
 * whose `payload.data` is null (§3.3): a null from a non-null subscription field becomes `{field: null}`.
 */
async function payloadFor(subscription: ActiveSubscription, published: unknown, engine: Engine): Promise<string> {
  const shaped = await engine.shapeSubscriptionPayload(subscription.prepared, published);
  const data = shaped.data ?? { [subscription.prepared.responseKey]: null };
  return JSON.stringify(shaped.errors ? { data, errors: shaped.errors } : { data });
}
