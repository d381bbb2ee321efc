import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteBoard, type CascadeContext } from '../../../functions/lib/cascade.js';
import { NotFoundError } from '../../../functions/lib/errors.js';
import { boardFixture, NOW, recordingEvents, writeBoard, type BoardFixture, type RecordedEvents } from './board-fixture.js';

const MEMBERS = [
  { userId: 'owner', role: 'OWNER' as const },
  { userId: 'editor', role: 'EDITOR' as const },
  { userId: 'viewer', role: 'VIEWER' as const },
];

let fixture: BoardFixture;
let events: RecordedEvents;
let boardNumber = 0;
let boardId: string;

beforeAll(async () => {
  fixture = await boardFixture('cascade');
});
afterAll(() => fixture.suite.drop());

/** A board with 3 members, 3 columns, 24 cards (each with a position entry and an activity entry) and 2 comments on each of 5 cards. */
beforeEach(async () => {
  boardNumber += 1;
  boardId = `board-${boardNumber}`;
  await writeBoard(fixture.table, {
    boardId,
    members: MEMBERS,
    columns: [
      { id: 'todo', name: 'To do' },
      { id: 'doing', name: 'Doing' },
      { id: 'done', name: 'Done' },
    ],
  });
  const pk = `BOARD#${boardId}`;
  const items = Array.from({ length: 24 }, (_, index) => [
    { PK: pk, SK: `CARD#c${index}`, type: 'CARD' },
    { PK: pk, SK: `POS#todo#a${index}`, type: 'POSITION' },
    { PK: pk, SK: `ACTIVITY#${index}`, type: 'ACTIVITY' },
    ...(index < 5 ? [1, 2].map((n) => ({ PK: pk, SK: `CARD#c${index}#COMMENT#0${n}`, type: 'COMMENT' })) : []),
  ]).flat();
  await fixture.table.transact(Object.fromEntries(items.map((item, index) => [`item${index}`, fixture.table.put(item)])));
  events = recordingEvents();
});

function context(remainingMs: () => number): CascadeContext {
  return { table: fixture.table, events, now: () => NOW, actorId: 'owner', remainingMs, reserveMs: 1000, pageSize: 10 };
}

const board = (status: string) => ({ id: boardId, name: 'Fixture board', description: null, status, createdBy: 'owner', createdAt: NOW, updatedAt: NOW });
const endedMembership = (userId: string, role: string) => ({ boardId, userId, role, invitedBy: 'owner', joinedAt: NOW, updatedAt: NOW, lastChange: 'DELETED' });

describe('deleteBoard', () => {
  it('deletes every item of the board, page by page, and tells each member', async () => {
    expect((await fixture.partition(boardId)).length).toBe(1 + 3 + 3 + 24 * 3 + 10);
    expect(await deleteBoard(context(() => 60_000), boardId)).toEqual(board('DELETED'));
    expect(await fixture.partition(boardId)).toEqual([]);
    expect(events.memberships.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
      endedMembership('editor', 'EDITOR'),
      endedMembership('owner', 'OWNER'),
      endedMembership('viewer', 'VIEWER'),
    ]);
  });

  it('stops when time runs short, answers DELETING, and finishes when called again', async () => {
    let pages = 0;
    const firstCall = context(() => (pages++ < 2 ? 60_000 : 0));
    expect(await deleteBoard(firstCall, boardId)).toEqual(board('DELETING'));
    const left = await fixture.partition(boardId);
    expect(left.length).toBeGreaterThan(2);
    expect(left.length).toBeLessThan(1 + 3 + 3 + 24 * 3 + 10);
    expect(left.filter((item) => item.SK === 'META' || item.SK === 'MEMBER#owner').map((item) => item.SK)).toEqual(['MEMBER#owner', 'META']);
    expect((await fixture.table.board(boardId))!.status).toBe('DELETING');

    expect(await deleteBoard(context(() => 60_000), boardId)).toEqual(board('DELETED'));
    expect(await fixture.partition(boardId)).toEqual([]);
  });

  it('ends the other memberships first, so that nobody else can write to the board while it goes', async () => {
    let pages = 0;
    expect(await deleteBoard(context(() => (pages++ < 1 ? 60_000 : 0)), boardId)).toEqual(board('DELETING'));
    const left = await fixture.partition(boardId);
    expect(left.filter((item) => item.type === 'MEMBER').map((item) => item.SK)).toEqual(['MEMBER#owner']);
    expect(left.length).toBe(1 + 1 + 3 + 24 * 3 + 10);
    expect(events.memberships.map((member) => member.userId).sort()).toEqual(['editor', 'viewer']);
  });

  it('answers NotFound for a board that is not there (any more)', async () => {
    await deleteBoard(context(() => 60_000), boardId);
    await expect(deleteBoard(context(() => 60_000), boardId)).rejects.toEqual(new NotFoundError(`Board ${boardId} does not exist.`));
  });
});
