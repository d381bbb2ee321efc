/**
 * Live updates over the real-time endpoint (raw `ws` client, Cognito tokens): a second member receives
 * each change as it happens, filters narrow what arrives, a non-member cannot subscribe, and a removed
 * member's subscriptions end.
 *
 * Absence is shown by ordering, as in test/integration/realtime/delivery.test.ts: the server publishes a
 * mutation before answering it, so when a later change is the next frame, the earlier one sent nothing.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../../local/app.js';
import { signedHeaders } from '../../../fixtures/auth/sigv4-client.js';
import { post } from '../../../support/local-api.js';
import { headerProtocol, RawRealtimeClient, type Frame } from '../../realtime/support/raw-client.js';
import type { BoardApi, User } from '../support/board-api.js';
import {
  ADD_COMMENT,
  BOARD_FIELDS,
  boardOf,
  CARD_FIELDS,
  cardOn,
  COLUMN_FIELDS,
  COMMENT_FIELDS,
  DELETE_CARD,
  failed,
  INVITE,
  MEMBER_FIELDS,
  MOVE_CARD,
  only,
  REMOVE_MEMBER,
  UPDATE_CARD,
} from '../support/operations.js';

const ON_CARD = `subscription OnCard($boardId: ID!, $assigneeId: ID) { onCardChanged(boardId: $boardId, assigneeId: $assigneeId) { ${CARD_FIELDS} } }`;
const ON_COLUMN = `subscription OnColumn($boardId: ID!) { onColumnChanged(boardId: $boardId) { ${COLUMN_FIELDS} } }`;
const ON_COMMENT = `subscription OnComment($boardId: ID!, $cardId: ID) { onCommentAdded(boardId: $boardId, cardId: $cardId) { ${COMMENT_FIELDS} } }`;
const ON_BOARD = `subscription OnBoard($id: ID!) { onBoardChanged(id: $id) { id name status } }`;
const ON_MEMBERSHIP = `subscription OnMembership($userId: ID!) { onMembershipChanged(userId: $userId) { ${MEMBER_FIELDS} } }`;

export function subscriptionsSuite(app: () => BoardApi): void {
  let alice: User;
  let bob: User;
  let carol: User;
  const clients: RawRealtimeClient[] = [];

  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([app().user('su-alice'), app().user('su-bob'), app().user('su-carol')]);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  const auth = (user: User) => ({ host: new URL(app().api.url).host, Authorization: user.token });

  /** A connection of `user`'s own, initialised. */
  async function connect(user: User): Promise<RawRealtimeClient> {
    const client = await RawRealtimeClient.connect(app().api.realtimeUrl, ['graphql-ws', headerProtocol(auth(user))]);
    clients.push(client);
    await client.initialize();
    return client;
  }

  let nextId = 0;
  async function subscribe(client: RawRealtimeClient, user: User, query: string, variables: Record<string, unknown>): Promise<string> {
    const id = `sub-${(nextId += 1)}`;
    expect(await client.subscribe(id, query, variables, auth(user))).toEqual({ id, type: 'start_ack' });
    return id;
  }

  const data = (id: string, field: string, value: unknown): Frame => ({ id, type: 'data', payload: { data: { [field]: value } } });
  const refused = (id: string, field: string): Frame => ({
    id,
    type: 'error',
    payload: { errors: [{ errorType: 'Unauthorized', message: `Not Authorized to access ${field} on type Subscription` }] },
  });

  describe('a member watching a board', () => {
    it('receives every card change as it happens', async () => {
      const board = await boardOf(app(), alice, [[bob, 'VIEWER']]);
      const watcher = await connect(bob);
      const id = await subscribe(watcher, bob, ON_CARD, { boardId: board.id });

      const created = await cardOn(app(), alice, board, { title: 'Live' });
      expect(await watcher.nextMessage()).toEqual(data(id, 'onCardChanged', created));
      const updated = only(await app().gql(alice, UPDATE_CARD, { input: { boardId: board.id, id: created.id, expectedVersion: 1, title: 'Live, renamed' } }));
      expect(await watcher.nextMessage()).toEqual(data(id, 'onCardChanged', updated));
      const moved = only(await app().gql(alice, MOVE_CARD, { input: { boardId: board.id, id: created.id, toColumnId: board.columns.done } }));
      expect(await watcher.nextMessage()).toEqual(data(id, 'onCardChanged', moved));
      const deleted = only(await app().gql(alice, DELETE_CARD, { boardId: board.id, id: created.id }));
      expect(await watcher.nextMessage()).toEqual(data(id, 'onCardChanged', deleted));
      expect(deleted.lastChange).toBe('DELETED');
    });

    it('sees column card counts change, published by the cards function through the IAM mutation', async () => {
      const board = await boardOf(app(), alice, [[bob, 'VIEWER']]);
      const watcher = await connect(bob);
      const id = await subscribe(watcher, bob, ON_COLUMN, { boardId: board.id });
      await cardOn(app(), alice, board, { columnId: board.columns.doing });
      const doing = only(await app().gql(alice, `query($id: ID!) { board(id: $id) { columns { ${COLUMN_FIELDS} } } }`, { id: board.id })).columns[1];
      expect(doing.cardCount).toBe(1);
      expect(await watcher.nextMessage()).toEqual(data(id, 'onColumnChanged', doing));
    });

    it('with an assignee, receives only the cards assigned to that user (an enhanced filter)', async () => {
      const board = await boardOf(app(), alice, [
        [bob, 'EDITOR'],
        [carol, 'EDITOR'],
      ]);
      const watcher = await connect(bob);
      const id = await subscribe(watcher, bob, ON_CARD, { boardId: board.id, assigneeId: bob.id });
      await cardOn(app(), alice, board, { title: "Carol's", assigneeId: carol.id });
      await cardOn(app(), alice, board, { title: 'Unassigned' });
      const mine = await cardOn(app(), alice, board, { title: "Bob's", assigneeId: bob.id });
      expect(await watcher.nextMessage()).toEqual(data(id, 'onCardChanged', mine));
    });

    it('receives comments on one card, and the board renamed', async () => {
      const board = await boardOf(app(), alice, [[bob, 'VIEWER']]);
      const card = await cardOn(app(), alice, board);
      const other = await cardOn(app(), alice, board);
      const watcher = await connect(bob);
      const comments = await subscribe(watcher, bob, ON_COMMENT, { boardId: board.id, cardId: card.id });
      only(await app().gql(alice, ADD_COMMENT, { input: { boardId: board.id, cardId: other.id, text: 'elsewhere' } }));
      const comment = only(await app().gql(alice, ADD_COMMENT, { input: { boardId: board.id, cardId: card.id, text: 'here' } }));
      expect(await watcher.nextMessage()).toEqual(data(comments, 'onCommentAdded', comment));

      const boardEvents = await subscribe(watcher, bob, ON_BOARD, { id: board.id });
      only(await app().gql(alice, `mutation($input: UpdateBoardInput!) { updateBoard(input: $input) { ${BOARD_FIELDS} } }`, { input: { id: board.id, name: 'Renamed live' } }));
      expect(await watcher.nextMessage()).toEqual(data(boardEvents, 'onBoardChanged', { id: board.id, name: 'Renamed live', status: 'ACTIVE' }));
    });
  });

  describe('memberships', () => {
    it('tells a user they were invited, and refuses watching someone else', async () => {
      const board = await boardOf(app(), alice);
      const watcher = await connect(carol);
      const id = await subscribe(watcher, carol, ON_MEMBERSHIP, { userId: carol.id });
      const invited = only(await app().gql(alice, INVITE, { boardId: board.id, userId: carol.id, role: 'VIEWER' }));
      expect(await watcher.nextMessage()).toEqual(data(id, 'onMembershipChanged', invited));

      // appsync-realtime.md §4.4: an error raised by the subscription resolver refuses the start with an error frame.
      watcher.start('spy', ON_MEMBERSHIP, { userId: alice.id }, auth(carol));
      expect(await watcher.nextMessage()).toEqual(refused('spy', 'onMembershipChanged'));
    });
  });

  describe('server-side events', () => {
    const PUBLISH_CARD = `mutation Publish($card: CardInput!) { publishCardChanged(card: $card) { ${CARD_FIELDS} } }`;

    it('are published with SigV4 (IAM) to the subscribers; a user cannot publish', async () => {
      const board = await boardOf(app(), alice, [[bob, 'VIEWER']]);
      const card = await cardOn(app(), alice, board);
      const watcher = await connect(bob);
      const id = await subscribe(watcher, bob, ON_CARD, { boardId: board.id });

      const event = { ...card, title: 'Announced by a function', version: 2, lastChange: 'UPDATED' };
      expect(await app().gql(alice, PUBLISH_CARD, { card: event })).toEqual(failed(PUBLISH_CARD, 'publishCardChanged', 'Unauthorized', 'Not Authorized to access publishCardChanged on type Mutation'));
      const body = JSON.stringify({ query: PUBLISH_CARD, variables: { card: event } });
      const credentials = { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey };
      const headers = await signedHeaders({ credentials, signingDate: new Date(), host: new URL(app().api.url).host, body });
      const published = await post(app().api.url, body, headers);
      expect([published.status, published.body]).toEqual([200, { data: { publishCardChanged: event } }]);
      expect(await watcher.nextMessage()).toEqual(data(id, 'onCardChanged', event));
    });
  });

  describe('who may subscribe', () => {
    it('refuses a non-member', async () => {
      const board = await boardOf(app(), alice);
      const outsider = await connect(carol);
      outsider.start('outsider', ON_CARD, { boardId: board.id }, auth(carol));
      expect(await outsider.nextMessage()).toEqual(refused('outsider', 'onCardChanged'));
    });

    it("ends a removed member's subscriptions on the board; the others keep receiving", async () => {
      const board = await boardOf(app(), alice, [
        [bob, 'EDITOR'],
        [carol, 'EDITOR'],
      ]);
      const bobs = await connect(bob);
      const bobCards = await subscribe(bobs, bob, ON_CARD, { boardId: board.id });
      const bobColumns = await subscribe(bobs, bob, ON_COLUMN, { boardId: board.id });
      const carols = await connect(carol);
      const carolCards = await subscribe(carols, carol, ON_CARD, { boardId: board.id });

      only(await app().gql(alice, REMOVE_MEMBER, { boardId: board.id, userId: bob.id }));
      // appsync-realtime.md §4.6: an invalidated subscription is completed (unconfirmed frame, as the realtime layer sends it).
      const ended = [await bobs.nextMessage(), await bobs.nextMessage()];
      expect(ended.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
        [
          { id: bobCards, type: 'complete' },
          { id: bobColumns, type: 'complete' },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );

      const card = await cardOn(app(), alice, board, { title: 'After the removal' });
      expect(await carols.nextMessage()).toEqual(data(carolCards, 'onCardChanged', card));
      // Bob got nothing of it: the next frame on his connection answers his attempt to subscribe again.
      bobs.start('again', ON_CARD, { boardId: board.id }, auth(bob));
      expect(await bobs.nextMessage()).toEqual(refused('again', 'onCardChanged'));
    });
  });
}
