import { beforeEach, describe, expect, it } from 'vitest';
import { deleteBoard, type CascadeContext } from '../../../functions/lib/cascade.js';
import { NotFoundError } from '../../../functions/lib/errors.js';
import { boardSuite, NOW } from './board-fixture.js';

const MEMBERS = [
  { userId: 'owner', role: 'OWNER' as const },
  { userId: 'editor', role: 'EDITOR' as const },
  { userId: 'viewer', role: 'VIEWER' as const },
];

/** A board with 3 members, 3 columns, 24 cards (each with a position entry and an activity entry) and 2 comments on each of 5 cards. */
const suite = boardSuite('cascade', {
  members: MEMBERS,
  columns: [
    { id: 'todo', name: 'To do' },
    { id: 'doing', name: 'Doing' },
    { id: 'done', name: 'Done' },
  ],
});

beforeEach(async () => {
  const pk = `BOARD#${suite.boardId}`;
  const items = Array.from({ length: 24 }, (_, index) => [
    { PK: pk, SK: `CARD#c${index}`, type: 'CARD' },
    { PK: pk, SK: `POS#todo#a${index}`, type: 'POSITION' },
    { PK: pk, SK: `ACTIVITY#${index}`, type: 'ACTIVITY' },
    ...(index < 5 ? [1, 2].map((n) => ({ PK: pk, SK: `CARD#c${index}#COMMENT#0${n}`, type: 'COMMENT' })) : []),
  ]).flat();
  await suite.fixture.table.transact(Object.fromEntries(items.map((item, index) => [`item${index}`, suite.fixture.table.put(item)])));
});

function context(remainingMs: () => number): CascadeContext {
  return { table: suite.fixture.table, events: suite.events, now: () => NOW, actorId: 'owner', remainingMs, reserveMs: 1000, pageSize: 10 };
}

const board = (status: string) => ({ id: suite.boardId, name: 'Fixture board', description: null, status, createdBy: 'owner', createdAt: NOW, updatedAt: NOW });
const endedMembership = (userId: string, role: string) => ({ boardId: suite.boardId, userId, role, invitedBy: 'owner', joinedAt: NOW, updatedAt: NOW, lastChange: 'DELETED' });

describe('deleteBoard', () => {
  it('deletes every item of the board, page by page, and tells each member', async () => {
    expect((await suite.fixture.partition(suite.boardId)).length).toBe(1 + 3 + 3 + 24 * 3 + 10);
    expect(await deleteBoard(context(() => 60_000), suite.boardId)).toEqual(board('DELETED'));
    expect(await suite.fixture.partition(suite.boardId)).toEqual([]);
    expect(suite.events.memberships.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
      endedMembership('editor', 'EDITOR'),
      endedMembership('owner', 'OWNER'),
      endedMembership('viewer', 'VIEWER'),
    ]);
  });

  it('stops when time runs short, answers DELETING, and finishes when called again', async () => {
    let pages = 0;
    const firstCall = context(() => (pages++ < 2 ? 60_000 : 0));
    expect(await deleteBoard(firstCall, suite.boardId)).toEqual(board('DELETING'));
    const left = await suite.fixture.partition(suite.boardId);
    // Two time checks pass: the other two memberships go, then one page of 10 items; the rest stays.
    expect(left.length).toBe(1 + 3 + 3 + 24 * 3 + 10 - 2 - 10);
    expect(left.filter((item) => item.SK === 'META' || item.SK === 'MEMBER#owner').map((item) => item.SK)).toEqual(['MEMBER#owner', 'META']);
    expect((await suite.fixture.table.board(suite.boardId))!.status).toBe('DELETING');

    expect(await deleteBoard(context(() => 60_000), suite.boardId)).toEqual(board('DELETED'));
    expect(await suite.fixture.partition(suite.boardId)).toEqual([]);
  });

  it('ends the other memberships first, so that nobody else can write to the board while it goes', async () => {
    let pages = 0;
    expect(await deleteBoard(context(() => (pages++ < 1 ? 60_000 : 0)), suite.boardId)).toEqual(board('DELETING'));
    const left = await suite.fixture.partition(suite.boardId);
    expect(left.filter((item) => item.type === 'MEMBER').map((item) => item.SK)).toEqual(['MEMBER#owner']);
    expect(left.length).toBe(1 + 1 + 3 + 24 * 3 + 10);
    expect(suite.events.memberships.map((member) => member.userId).sort()).toEqual(['editor', 'viewer']);
  });

  it('answers NotFound for a board that is not there (any more)', async () => {
    await deleteBoard(context(() => 60_000), suite.boardId);
    await expect(deleteBoard(context(() => 60_000), suite.boardId)).rejects.toEqual(new NotFoundError(`Board ${suite.boardId} does not exist.`));
  });
});
