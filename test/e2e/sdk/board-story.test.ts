/**
 * A user story through the client SDK only (issue 9), against the local API on DynamoDB Local: real
 * HTTP, AppSync's real-time WebSocket protocol, JWTs of the local Cognito issuer, SigV4.
 *
 * Alice creates a board and invites Bob, who learns of it live; Bob subscribes to the board's cards;
 * Alice creates, updates and moves a card and Bob receives each change as it was made; stale updates
 * surface AppSync's conflict error with the current card; removing Bob ends his subscription to the
 * board. The type-check of this file (`tsc --noEmit`) proves the SDK's types: see `@ts-expect-error`.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AppSyncError,
  createClient,
  isAppSyncError,
  type BoardFieldsFragment,
  type CardFieldsFragment,
  type LiveboardClient,
  type MemberFieldsFragment,
} from '../../../client/index.js';
import { definition } from '../../../infra/definition.js';
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../local/app.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import { startTestApi, type TestApi } from '../../support/local-api.js';
import { inbox, type Inbox } from './inbox.js';

const ISO_DATE_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
const ULID = expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const FRACTIONAL_INDEX = expect.stringMatching(/^[a-zA-Z][0-9a-zA-Z]*$/);

let api: TestApi;
let pool: LocalUserPool;
let alice: LiveboardClient;
let bob: LiveboardClient;

beforeAll(async () => {
  api = await startTestApi({ definition });
  pool = await loadLocalUserPool(api.dataDir);
  // Alice's client holds one token; Bob's asks for a fresh one for each request and subscription.
  alice = createClient({ url: api.url, auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: await pool.mint({ username: 'alice' }) } });
  bob = createClient({ url: api.url, auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: () => pool.mint({ username: 'bob' }) } });
});

afterAll(async () => {
  alice?.close();
  bob?.close();
  await api?.close();
});

/** An SDK error as a plain object, to compare whole (its message is not an enumerable property). */
function errorFields(error: unknown): object {
  if (!(error instanceof AppSyncError)) throw error;
  const { message, errorType, data, errorInfo, path, locations, errors, statusCode } = error;
  return { message, errorType, data, errorInfo, path, locations, errors, statusCode };
}

/** A card as data, without the `__typename` a client's selection adds (CardInput, VersionConflict data). */
type CardData = Omit<CardFieldsFragment, '__typename'>;

function cardData({ __typename: _typename, ...card }: CardFieldsFragment): CardData {
  return card;
}

/** `errors[]` entry and error fields of an AppSync field error (appsync-graphql-engine.md §1.2). */
function fieldError(entry: { message: string; errorType: string | null; data: unknown; path: string[]; line: number; column: number }): object {
  const { line, column, ...fields } = entry;
  const error = { ...fields, errorInfo: null, locations: [{ line, column, sourceName: null }] };
  return { ...error, errors: [error], statusCode: null };
}

describe('a board shared by two users, through the SDK', () => {
  let aliceId: string;
  let bobId: string;
  let board: BoardFieldsFragment;
  let todoColumnId: string;
  let doingColumnId: string;
  let invitation: MemberFieldsFragment;
  let bobsMemberships: Inbox<MemberFieldsFragment | null>;
  let bobsCards: Inbox<CardFieldsFragment | null>;
  let alicesCards: Inbox<CardFieldsFragment | null>;
  let created: CardFieldsFragment;
  let updated: CardFieldsFragment;
  let moved: CardFieldsFragment;
  let published: CardFieldsFragment;

  it('Alice creates a board and invites Bob, who learns of it through his membership subscription', async () => {
    aliceId = (await alice.me()).id;
    const bobUser = await bob.me();
    bobId = bobUser.id;
    expect(bobUser).toEqual({ __typename: 'User', id: bobId, username: 'bob', email: 'bob@example.com' });
    bobsMemberships = inbox();
    await bob.onMembershipChanged({ userId: bobId }, bobsMemberships.observer).started;

    board = (await alice.createBoard({ input: { name: 'Launch', description: 'Everything for the launch' } }))!;
    expect(board).toEqual({
      __typename: 'Board',
      id: ULID,
      name: 'Launch',
      description: 'Everything for the launch',
      status: 'ACTIVE',
      createdBy: aliceId,
      createdAt: ISO_DATE_TIME,
      updatedAt: board.createdAt,
      myRole: 'OWNER',
    });

    invitation = (await alice.inviteMember({ boardId: board.id, userId: bobId, role: 'EDITOR' }))!;
    expect(invitation).toEqual({
      __typename: 'Member',
      boardId: board.id,
      userId: bobId,
      role: 'EDITOR',
      invitedBy: aliceId,
      joinedAt: ISO_DATE_TIME,
      updatedAt: invitation.joinedAt,
      lastChange: 'CREATED',
    });
    expect(await bobsMemberships.next(1)).toEqual([invitation]);
    expect(await bob.myBoards()).toEqual({ __typename: 'BoardConnection', items: [{ ...board, myRole: 'EDITOR' }], nextToken: null });
  });

  it('Bob subscribes to the board and receives each card change Alice makes, as she made it', async () => {
    const columns = (await bob.board({ id: board.id }))!.columns!;
    expect(columns.map(({ name, wipLimit, cardCount, cards }) => ({ name, wipLimit, cardCount, cards }))).toEqual([
      { name: 'To do', wipLimit: null, cardCount: 0, cards: [] },
      { name: 'Doing', wipLimit: 3, cardCount: 0, cards: [] },
      { name: 'Done', wipLimit: null, cardCount: 0, cards: [] },
    ]);
    [todoColumnId, doingColumnId] = columns.map((column) => column.id) as [string, string];
    bobsCards = inbox();
    alicesCards = inbox();
    await bob.onCardChanged({ boardId: board.id }, bobsCards.observer).started;
    await alice.onCardChanged({ boardId: board.id }, alicesCards.observer).started;

    created = (await alice.createCard({ input: { boardId: board.id, columnId: todoColumnId, title: 'Write the SDK guide' } }))!;
    expect(created).toEqual({
      __typename: 'Card',
      id: ULID,
      boardId: board.id,
      columnId: todoColumnId,
      title: 'Write the SDK guide',
      description: null,
      assigneeId: null,
      labels: [],
      dueAt: null,
      position: FRACTIONAL_INDEX,
      version: 1,
      createdBy: aliceId,
      updatedBy: aliceId,
      createdAt: ISO_DATE_TIME,
      updatedAt: created.createdAt,
      lastChange: 'CREATED',
    });

    updated = (await alice.updateCard({
      input: { boardId: board.id, id: created.id, expectedVersion: 1, description: 'Install, connect, subscribe', labels: ['docs'], assigneeId: aliceId },
    }))!;
    expect(updated).toEqual({
      ...created,
      description: 'Install, connect, subscribe',
      labels: ['docs'],
      assigneeId: aliceId,
      version: 2,
      updatedAt: ISO_DATE_TIME,
      lastChange: 'UPDATED',
    });

    moved = (await alice.moveCard({ input: { boardId: board.id, id: created.id, toColumnId: doingColumnId, expectedVersion: 2 } }))!;
    expect(moved).toEqual({ ...updated, columnId: doingColumnId, position: FRACTIONAL_INDEX, version: 3, updatedAt: ISO_DATE_TIME, lastChange: 'MOVED' });

    // Subscribers select what the mutations select, so each event is the mutation's result itself.
    expect(await bobsCards.next(3)).toEqual([created, updated, moved]);
    expect(bobsCards.errors).toEqual([]);
    expectTypeOf(bobsCards.observer.next).parameter(0).toEqualTypeOf<CardFieldsFragment | null>();
  });

  it('a server-side event, published with IAM credentials as the Lambda functions do, reaches Bob too', async () => {
    const functions = createClient({
      url: api.url,
      auth: { type: 'AWS_IAM', credentials: { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey } },
    });
    try {
      published = (await functions.publishCardChanged({ card: { ...cardData(moved), title: 'Write the SDK guide (reviewed)' } }))!;
      expect(published).toEqual({ ...moved, title: 'Write the SDK guide (reviewed)' });
      expect(await bobsCards.next(4)).toEqual([created, updated, moved, published]);
    } finally {
      functions.close();
    }
  });

  it('stale changes surface AppSync’s VersionConflict error, with the current card in its data', async () => {
    // The card is at version 3 (moved). util.error's `data` is "filtered based on the query selection
    // set" (AWS docs, APPSYNC_JS built-in utilities, util.error; appsync-graphql-engine.md §5.2): the
    // resolvers pass the current card in the schema's shape, so it is the card's selected fields.
    // Unconfirmed: whether AppSync's filtering adds the selected `__typename` (here: not).
    const staleUpdate = await bob.updateCard({ input: { boardId: board.id, id: created.id, expectedVersion: 2, title: 'Bob’s title' } }).catch(errorFields);
    expect(staleUpdate).toEqual(
      fieldError({ message: `Card ${created.id} is at version 3, not 2.`, errorType: 'VersionConflict', data: cardData(moved), path: ['updateCard'], line: 2, column: 3 }),
    );
    // The same through the cards function (Lambda), which moves cards.
    const staleMove = await bob.moveCard({ input: { boardId: board.id, id: created.id, toColumnId: todoColumnId, expectedVersion: 1 } }).catch(errorFields);
    expect(staleMove).toEqual(
      fieldError({ message: `Card ${created.id} is at version 3, not 1.`, errorType: 'VersionConflict', data: cardData(moved), path: ['moveCard'], line: 2, column: 3 }),
    );
    // A caller who handles the conflict reads the current card with its type.
    const conflict = await bob.updateCard({ input: { boardId: board.id, id: created.id, expectedVersion: 1 } }).catch((error: unknown) => error);
    expect(isAppSyncError<CardData>(conflict, 'VersionConflict') ? conflict.data?.version : conflict).toBe(3);
    expect(bobsCards.events).toEqual([created, updated, moved, published]);
  });

  it('removing Bob from the board ends his subscription to it', async () => {
    const removed = await alice.removeMember({ boardId: board.id, userId: bobId });
    expect(removed).toEqual({ ...invitation, updatedAt: ISO_DATE_TIME, lastChange: 'DELETED' });
    expect(await bobsMemberships.next(2)).toEqual([invitation, removed]);

    const afterRemoval = await alice.createCard({ input: { boardId: board.id, columnId: todoColumnId, title: 'After Bob left' } });
    const reinvitation = await alice.inviteMember({ boardId: board.id, userId: bobId, role: 'VIEWER' });
    // Bob's events arrive in order on one WebSocket, and the server publishes a mutation's events before
    // answering it: the re-invitation reaching Bob proves that the card created before it did not.
    expect(await bobsMemberships.next(3)).toEqual([invitation, removed, reinvitation]);
    expect(await alicesCards.next(5)).toEqual([created, updated, moved, published, afterRemoval]);
    expect(bobsCards.events).toEqual([created, updated, moved, published]);
    expect(bobsCards.errors).toEqual([]);
  });

  it('types every operation: a call the schema refuses does not compile', async () => {
    // @ts-expect-error moveCard's input needs `toColumnId` (MoveCardInput.toColumnId: ID!).
    const refused = await alice.moveCard({ input: { boardId: board.id, id: created.id } }).catch(errorFields);
    // A request-level (variable coercion) error: no path, errorType or data (appsync-graphql-engine.md §1.2).
    const error = {
      message: 'Variable \'input\' has an invalid value. Field "toColumnId" of required type "ID!" was not provided.',
      errorType: null,
      data: null,
      errorInfo: null,
      path: null,
      locations: [{ line: 1, column: 19, sourceName: null }],
    };
    expect(refused).toEqual({ ...error, errors: [error], statusCode: null });
  });
});

describe('the other auth modes, and requests AppSync refuses', () => {
  it('an API key client is refused every board field (no field allows API_KEY), as a field error', async () => {
    const withApiKey = createClient({ url: api.url, auth: { type: 'API_KEY', apiKey: api.apiKey } });
    const refused = await withApiKey.me().catch(errorFields);
    expect(refused).toEqual(
      fieldError({ message: 'Not Authorized to access me on type Query', errorType: 'Unauthorized', data: null, path: ['me'], line: 2, column: 3 }),
    );
  });

  it('a request without valid credentials is refused as a whole (401 UnauthorizedException)', async () => {
    const withWrongKey = createClient({ url: api.url, auth: { type: 'API_KEY', apiKey: 'da2-thisisnotthekeyofthisapi0000' } });
    const refused = await withWrongKey.me().catch(errorFields);
    // spec: appsync-graphql-engine.md §1.3 (401, `{"errors":[{"errorType":"UnauthorizedException",…}]}`).
    const error = { message: 'You are not authorized to make this call.', errorType: 'UnauthorizedException', data: null, errorInfo: null, path: null, locations: null };
    expect(refused).toEqual({ ...error, errors: [error], statusCode: 401 });
  });

  it('a subscription the resolver refuses (not a member) fails to start with AppSync’s error', async () => {
    const carol = createClient({ url: api.url, auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: await pool.mint({ username: 'carol' }) } });
    try {
      const refusedBoard = await alice.createBoard({ input: { name: 'Private' } });
      const carolsCards = inbox<CardFieldsFragment | null>();
      const refused = await carol.onCardChanged({ boardId: refusedBoard!.id }, carolsCards.observer).started.then(() => 'started', errorFields);
      // authorizeMember refuses a non-member with AppSync's not-authorized error, and the real-time `error`
      // frame carries it with its errorType and message (appsync-realtime.md §3.4), as observed for
      // subscriptions refused by auth directives (aws-amplify/amplify-studio#169:
      // `{"errorType":"Unauthorized","message":"Not Authorized to access onUpdate… on type Subscription"}`).
      const message = 'Not Authorized to access onCardChanged on type Subscription';
      const error = { message, errorType: 'Unauthorized', data: null, errorInfo: null, path: null, locations: null };
      expect(refused).toEqual({ ...error, errors: [error], statusCode: null });
      expect(carolsCards.errors.map(errorFields)).toEqual([refused]);
    } finally {
      carol.close();
    }
  });
});
