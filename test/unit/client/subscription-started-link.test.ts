/**
 * The link that tells a subscriber when AppSync acknowledged its subscription
 * (client/subscription-started-link.ts), between a fake next link and Apollo's `execute`: it asks the
 * subscription link for control messages, turns the `CONNECTED` one (sent on `start_ack`,
 * appsync-realtime.md §3.3) into the `onSubscriptionStarted` call, and keeps it from the subscriber.
 */
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { firstValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { subscriptionStartedLink } from '../../../client/subscription-started-link.js';

const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
const acknowledgement = { data: undefined, extensions: { controlMsgType: 'CONNECTED' } };
const event = { data: { onCardChanged: { id: 'card-1' } } };

/** Runs `query` through the link and a fake next link that answers `acknowledgement` then `event`. */
async function run(query: ReturnType<typeof gql>, context: Record<string, unknown>) {
  const contextsSeen: unknown[] = [];
  const next = new ApolloLink((operation) => {
    contextsSeen.push(operation.getContext().controlMessages);
    return of(acknowledgement, event);
  });
  const results = await firstValueFrom(ApolloLink.execute(ApolloLink.from([subscriptionStartedLink(), next]), { query, context }, { client }).pipe(toArray()));
  return { contextsSeen, results };
}

describe('subscriptionStartedLink', () => {
  it('asks for control messages, reports the acknowledgement once and passes only events on', async () => {
    const started: string[] = [];
    const outcome = await run(gql`subscription { onCardChanged(boardId: "b") { id } }`, { onSubscriptionStarted: () => started.push('started') });
    expect({ ...outcome, started }).toEqual({ contextsSeen: [{ '@@controlEvents': true }], results: [event], started: ['started'] });
  });

  it('leaves operations without a subscriber to tell alone', async () => {
    expect(await run(gql`subscription { onCardChanged(boardId: "b") { id } }`, {})).toEqual({ contextsSeen: [undefined], results: [acknowledgement, event] });
    expect(await run(gql`query { me { id } }`, { onSubscriptionStarted: () => undefined })).toEqual({ contextsSeen: [undefined], results: [acknowledgement, event] });
  });
});
