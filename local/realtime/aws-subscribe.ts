/**
 * `@aws_subscribe(mutations: [...])` (appsync-realtime.md §4.1): which Subscription fields fire when a
 * Mutation root field completes. Read from the schema the engine serves, once per schema (hot reload
 * brings a new one).
 */
import { Kind, type GraphQLSchema, type ValueNode } from 'graphql';

/** Mutation field name → the Subscription field names listening to it. */
export type SubscriptionTriggers = ReadonlyMap<string, readonly string[]>;

const cache = new WeakMap<GraphQLSchema, SubscriptionTriggers>();

export function subscriptionTriggers(schema: GraphQLSchema): SubscriptionTriggers {
  let triggers = cache.get(schema);
  if (triggers === undefined) {
    triggers = readTriggers(schema);
    cache.set(schema, triggers);
  }
  return triggers;
}

function readTriggers(schema: GraphQLSchema): SubscriptionTriggers {
  const triggers = new Map<string, string[]>();
  const subscriptionType = schema.getSubscriptionType();
  if (!subscriptionType) return triggers;
  for (const field of Object.values(subscriptionType.getFields())) {
    const directive = field.astNode?.directives?.find((node) => node.name.value === 'aws_subscribe');
    const mutations = directive?.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
    for (const mutationName of mutations ? stringValues(mutations) : []) {
      const listeners = triggers.get(mutationName) ?? [];
      if (!listeners.includes(field.name)) listeners.push(field.name);
      triggers.set(mutationName, listeners);
    }
  }
  return triggers;
}

/** `["a","b"]`, or a single `"a"` (GraphQL input coercion of a one-item list). */
function stringValues(value: ValueNode): string[] {
  if (value.kind === Kind.STRING) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
  return [];
}
