/** The local AppSync GraphQL engine (spec shared/spec/appsync-graphql-engine.md). */
export { createEngine } from './engine.js';
export type { Engine } from './engine.js';
export { buildAppSyncSchema, loadSchemaFiles, readAppSyncPrelude } from './schema.js';
export type { PreparedSubscription, SubscriptionPayload, SubscriptionStart } from './subscriptions.js';
export type * from './types.js';
