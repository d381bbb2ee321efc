/**
 * Tells a subscriber when AppSync has acknowledged its subscription (`start_ack`,
 * appsync-realtime.md §3.3): from then on every matching mutation reaches it (the local server registers
 * the subscription before acknowledging it). aws-appsync-subscription-link reports the acknowledgement
 * only as a "control message" (`extensions.controlMsgType: 'CONNECTED'`, without data) when the
 * operation's context asks for control messages; Apollo Client would drop that result, so this link,
 * placed before the subscription link, asks for it, calls the operation's `onSubscriptionStarted`
 * and keeps the control message from going further.
 */
import { ApolloLink } from '@apollo/client/link';
import { filter, tap } from 'rxjs';
import { CONTROL_EVENTS_KEY } from './appsync-links.js';

/** The operation context entry read by this link. */
export interface SubscriptionStartedContext {
  onSubscriptionStarted?: () => void;
}

const isStartAcknowledgement = (result: ApolloLink.Result): boolean => result.extensions?.controlMsgType === 'CONNECTED';

export function subscriptionStartedLink(): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const { onSubscriptionStarted } = operation.getContext() as SubscriptionStartedContext;
    if (operation.operationType !== 'subscription' || onSubscriptionStarted === undefined) return forward(operation);
    operation.setContext({ controlMessages: { [CONTROL_EVENTS_KEY]: true } });
    return forward(operation).pipe(
      tap((result) => {
        if (isStartAcknowledgement(result)) onSubscriptionStarted();
      }),
      filter((result) => !isStartAcknowledgement(result)),
    );
  });
}
