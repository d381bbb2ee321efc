/**
 * The liveboard client SDK: `createClient({ url, auth })` gives one typed function per operation of
 * `client/operations/*.graphql`:
 *
 * - queries and mutations resolve to their root field's value: `await client.board({ id })`;
 * - subscriptions call a handler with each event's value and return the function that unsubscribes:
 *   `const stop = client.onCardChanged({ boardId }, (card) => …); await stop.started; …; stop()`.
 *
 * AppSync's errors reject (or reach the subscription's `error` callback) as `AppSyncError`.
 */
import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import type { ClientAuth } from './auth.js';
import { mutations, queries, subscriptions } from './operation-map.js';
import { regionOf } from './region.js';
import { createTransport, type ActiveSubscription, type SubscriptionObserver, type Transport, type Variables } from './transport.js';

export { AppSyncError, isAppSyncError, type AppSyncErrorEntry } from './errors.js';
export type { ApiKeyAuth, AwsCredentials, ClientAuth, CognitoUserPoolsAuth, IamAuth } from './auth.js';
export type { ActiveSubscription, SubscriptionObserver } from './transport.js';
export * from './generated/operations.js';

export interface ClientOptions {
  /**
   * The GraphQL endpoint: what `npm start` prints (`http://127.0.0.1:4000/graphql`) or a deployed stack's
   * `GraphqlUrl` output. The real-time endpoint is derived from it as AWS clients do
   * (appsync-realtime.md §1.1): `…appsync-realtime-api…` for an AppSync domain, `<url>/realtime` otherwise.
   */
  url: string;
  /** For SigV4 (AWS_IAM). Default: the region in an AppSync URL, else `us-east-1` (the local server's). */
  region?: string;
  auth: ClientAuth;
}

/** The value of the root field `TField` (each operation is named after its root field). */
type FieldValue<TDocument, TField> = TField extends keyof ResultOf<TDocument> ? ResultOf<TDocument>[TField] : never;

/** Variables may be left out when none is required. */
type VariablesArgument<TDocument> =
  Record<string, never> extends VariablesOf<TDocument> ? [variables?: VariablesOf<TDocument>] : [variables: VariablesOf<TDocument>];

export type OperationFunction<TDocument, TField> = (...args: VariablesArgument<TDocument>) => Promise<FieldValue<TDocument, TField>>;

export type SubscriptionFunction<TDocument, TField> = (
  variables: VariablesOf<TDocument>,
  handler: ((value: FieldValue<TDocument, TField>) => void) | SubscriptionObserver<FieldValue<TDocument, TField>>,
) => ActiveSubscription;

type OperationFunctions<TMap> = { [K in keyof TMap]: OperationFunction<TMap[K], K> };
type SubscriptionFunctions<TMap> = { [K in keyof TMap]: SubscriptionFunction<TMap[K], K> };

export type LiveboardClient = OperationFunctions<typeof queries> &
  OperationFunctions<typeof mutations> &
  SubscriptionFunctions<typeof subscriptions> & {
    /** Stops the client: its active subscriptions are unsubscribed (the WebSocket closes after the last). */
    close(): void;
  };

export function createClient(options: ClientOptions): LiveboardClient {
  const transport = createTransport({ url: options.url, region: options.region ?? regionOf(options.url), auth: options.auth });
  return {
    ...operationFunctions(queries, (document, variables) => transport.query(document, variables)),
    ...operationFunctions(mutations, (document, variables) => transport.mutate(document, variables)),
    ...subscriptionFunctions(subscriptions, transport),
    close: () => transport.close(),
  } as LiveboardClient;
}

/** The maps' documents, as the generic functions below see them (each is typed in `LiveboardClient`). */
type AnyDocument = TypedDocumentNode<Record<string, unknown>, Variables>;
type Send = (document: AnyDocument, variables: Variables) => Promise<Record<string, unknown>>;

/** One function per document: send it, answer its root field (named as the map's key). */
function operationFunctions(map: Record<string, DocumentNode>, send: Send): Record<string, (variables?: Variables) => Promise<unknown>> {
  return Object.fromEntries(
    Object.entries(map).map(([field, document]) => [field, async (variables: Variables = {}) => (await send(document as AnyDocument, variables))[field]]),
  );
}

function subscriptionFunctions(map: Record<string, DocumentNode>, transport: Transport): Record<string, SubscriptionFunction<AnyDocument, string>> {
  return Object.fromEntries(
    Object.entries(map).map(([field, document]) => [
      field,
      (variables: Variables, handler: ((value: unknown) => void) | SubscriptionObserver<unknown>) => {
        const observer = typeof handler === 'function' ? { next: handler } : handler;
        return transport.subscribe(document as AnyDocument, variables, { ...observer, next: (data) => observer.next(data[field]) });
      },
    ]),
  );
}
