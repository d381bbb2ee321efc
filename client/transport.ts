/**
 * The generic part of the client: one Apollo Client over aws-appsync-auth-link (every request's auth
 * headers or SigV4 signature) and aws-appsync-subscription-link (subscriptions over AppSync's real-time
 * WebSocket protocol, plain HTTP for the rest), with three calls, `query`, `mutate` and `subscribe`,
 * that take a typed document and report AppSync's errors as `AppSyncError`.
 *
 * No caching: every call goes to the API (`no-cache`) and answers exactly what AppSync answered.
 */
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createAuthLink, createSubscriptionHandshakeLink } from './appsync-links.js';
import type { ClientAuth } from './auth.js';
import { toAppSyncError } from './errors.js';
import { subscriptionStartedLink, type SubscriptionStartedContext } from './subscription-started-link.js';

export interface TransportOptions {
  /** The GraphQL endpoint: `http://127.0.0.1:4000/graphql` locally, the stack's `GraphqlUrl` output on AWS. */
  url: string;
  /** For SigV4 (AWS_IAM). */
  region: string;
  auth: ClientAuth;
}

export type Variables = Record<string, unknown>;

/** What a subscriber is told; every callback but `next` is optional. */
export interface SubscriptionObserver<TData> {
  next(data: TData): void;
  /**
   * An event carried errors (the subscription goes on), or the subscription failed: it was refused, or
   * the connection was lost (then `complete` follows).
   */
  error?(error: unknown): void;
  /**
   * The subscription ended from the API's side, after a failure. Not called after unsubscribing, nor
   * when AppSync ends a subscription through invalidation: aws-appsync-subscription-link ignores
   * AppSync's `complete` frame (appsync-realtime.md §4.6, §7), so such a subscription just receives nothing.
   */
  complete?(): void;
}

/**
 * An active subscription: call it to unsubscribe. `started` settles when AppSync acknowledged the
 * subscription (from then on every matching change is delivered) or refused it.
 */
export interface ActiveSubscription {
  (): void;
  readonly started: Promise<void>;
}

export interface Transport {
  query<TData, TVariables extends Variables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData>;
  mutate<TData, TVariables extends Variables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData>;
  subscribe<TData, TVariables extends Variables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    observer: SubscriptionObserver<TData>,
  ): ActiveSubscription;
  /** Stops the client: its active subscriptions are unsubscribed (the WebSocket closes after the last). */
  close(): void;
}

export function createTransport({ url, region, auth }: TransportOptions): Transport {
  const linkOptions = { url, region, auth };
  // The links' typings name the CommonJS declarations of Apollo's ApolloLink (and in Node they are built
  // on its CommonJS build, see appsync-links.ts): the same Apollo 4 links to ApolloLink.from.
  const authLink = createAuthLink(linkOptions) as unknown as ApolloLink;
  // Subscriptions over the real-time endpoint, everything else over HTTP (its own HttpLink on `url`).
  const transportLink = createSubscriptionHandshakeLink(linkOptions) as unknown as ApolloLink;
  const apollo = new ApolloClient({
    link: ApolloLink.from([subscriptionStartedLink(), authLink, transportLink]),
    cache: new InMemoryCache(),
    // Apollo 4 adds `extensions.clientLibrary` to the body after the auth link signed it, which breaks
    // the SigV4 signature of IAM requests; AppSync does not use that extension.
    enhancedClientAwareness: { transport: false },
  });

  /** Active subscriptions, for `close` (each leaves the set when it ends). */
  const active = new Set<{ unsubscribe(): void }>();

  /** The data of a result, or its errors as an `AppSyncError`. */
  const dataOf = <TData>(result: { data?: TData | undefined; error?: unknown }): TData => {
    if (result.error !== undefined) throw toAppSyncError(result.error);
    return result.data as TData;
  };
  const failed = (error: unknown): never => {
    throw toAppSyncError(error);
  };

  return {
    query: (document, variables) => apollo.query({ query: document, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' }).then(dataOf, failed),
    mutate: (document, variables) => apollo.mutate({ mutation: document, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' }).then(dataOf, failed),
    subscribe<TData, TVariables extends Variables>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
      observer: SubscriptionObserver<TData>,
    ): ActiveSubscription {
      let acknowledge = (): void => undefined;
      let refuse = (_error: unknown): void => undefined;
      const started = new Promise<void>((resolve, reject) => {
        acknowledge = resolve;
        refuse = reject;
      });
      // A caller that does not wait for `started` learns about a refusal from `observer.error`.
      started.catch(() => undefined);
      const reportError = (error: unknown): void => {
        const reported = toAppSyncError(error);
        refuse(reported);
        observer.error?.(reported);
      };
      const context: SubscriptionStartedContext = { onSubscriptionStarted: acknowledge };
      const subscription = apollo
        .subscribe({ query: document, variables, fetchPolicy: 'no-cache', errorPolicy: 'all', context })
        .subscribe({
          next: (result) => (result.error === undefined ? observer.next(result.data as TData) : reportError(result.error)),
          error: reportError,
          complete: () => observer.complete?.(),
        });
      active.add(subscription);
      subscription.add(() => active.delete(subscription));
      return Object.assign(() => subscription.unsubscribe(), { started });
    },
    close: () => {
      for (const subscription of [...active]) subscription.unsubscribe();
      apollo.stop();
    },
  };
}
