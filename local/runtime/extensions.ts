/**
 * `extensions` of `@aws-appsync/utils` (spec appsync-js-runtime.md §3.9). Each call is recorded on
 * the evaluation (`ExtensionCalls`) for the engine and the real-time layer to act on; where a call
 * is allowed (subscription response handler, mutation) is theirs to judge, since the runtime does not
 * know which field it is evaluating.
 */
import type { CurrentState } from './evaluation-state.js';
import { BuiltinInputError } from './signals.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createExtensions(current: CurrentState) {
  return {
    /** Enhanced subscription filter (usually from `util.transform.toSubscriptionFilter`); the last call wins. */
    setSubscriptionFilter(filter: unknown): void {
      current().extensions.subscriptionFilter = filter;
    },
    /** Filter matched against invalidation payloads; the last call wins. */
    setSubscriptionInvalidationFilter(filter: unknown): void {
      current().extensions.subscriptionInvalidationFilter = filter;
    },
    invalidateSubscriptions(invalidation: unknown): void {
      if (!isRecord(invalidation) || typeof invalidation.subscriptionField !== 'string' || !isRecord(invalidation.payload)) {
        throw new BuiltinInputError('invalidateSubscriptions expects { subscriptionField: string, payload: object }');
      }
      current().extensions.invalidations.push({ subscriptionField: invalidation.subscriptionField, payload: invalidation.payload });
    },
    evictFromApiCache(typeName: unknown, fieldName: unknown, keys: unknown): void {
      if (typeof typeName !== 'string' || typeof fieldName !== 'string' || !isRecord(keys)) {
        throw new BuiltinInputError('evictFromApiCache expects (typeName: string, fieldName: string, keyValuePair: object)');
      }
      current().extensions.cacheEvictions.push({ typeName, fieldName, keys });
    },
  };
}
