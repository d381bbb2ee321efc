import { describe, expect, it } from 'vitest';
import { createCard } from '../../../functions/lib/cards.js';
import type { Role } from '../../../functions/lib/domain.js';
import { AlreadyMemberError, ForbiddenError, LastOwnerError, NotFoundError, outcomeOf } from '../../../functions/lib/errors.js';
import { changeRole, inviteMember, removeMember, type MembersContext } from '../../../functions/lib/members.js';
import { boardSuite, NOW, sequentialIds } from './board-fixture.js';

const suite = boardSuite('members', {
  members: [
    { userId: 'owner', role: 'OWNER' },
    { userId: 'editor', role: 'EDITOR' },
    { userId: 'viewer', role: 'VIEWER' },
  ],
  columns: [{ id: 'todo', name: 'To do' }],
});

function as(userId: string, role: Role): MembersContext {
  return { table: suite.fixture.table, events: suite.events, now: () => NOW, newId: sequentialIds(), actor: { userId, role } };
}

const member = (userId: string, role: Role, fields: Record<string, unknown> = {}) => ({
  boardId: suite.boardId,
  userId,
  role,
  invitedBy: 'owner',
  joinedAt: NOW,
  updatedAt: NOW,
  lastChange: 'CREATED',
  ...fields,
});

async function roles() {
  const items = await suite.fixture.partition(suite.boardId);
  return Object.fromEntries(items.filter((item) => item.type === 'MEMBER').map((item) => [item.userId, item.role]));
}

async function ownerCount() {
  return (await suite.fixture.table.board(suite.boardId))!.ownerCount;
}

describe('inviteMember', () => {
  it('adds a membership, indexed for "my boards", with an activity entry', async () => {
    expect(await inviteMember(as('editor', 'EDITOR'), { boardId: suite.boardId, userId: 'newbie', role: 'VIEWER' })).toEqual(member('newbie', 'VIEWER', { invitedBy: 'editor' }));
    const items = await suite.fixture.partition(suite.boardId);
    expect(items.find((item) => item.SK === 'MEMBER#newbie')).toEqual({
      PK: `BOARD#${suite.boardId}`,
      SK: 'MEMBER#newbie',
      type: 'MEMBER',
      GSI1PK: 'USER#newbie',
      GSI1SK: `BOARD#${suite.boardId}`,
      ...member('newbie', 'VIEWER', { invitedBy: 'editor' }),
    });
    expect(items.filter((item) => item.type === 'ACTIVITY').map((item) => [item.action, item.actorId, item.userId])).toEqual([['MEMBER_INVITED', 'editor', 'newbie']]);
  });

  it('is idempotent: inviting again with the same role answers the membership and changes nothing', async () => {
    const first = await inviteMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'newbie', role: 'EDITOR' });
    const before = await suite.fixture.partition(suite.boardId);
    expect(await inviteMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'newbie', role: 'EDITOR' })).toEqual(first);
    expect(await suite.fixture.partition(suite.boardId)).toEqual(before);
  });

  it('refuses inviting a member again with another role', async () => {
    expect(await outcomeOf(() => inviteMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'viewer', role: 'EDITOR' }))).toEqual({
      error: {
        errorType: 'AlreadyMember',
        message: `User viewer is already a member of board ${suite.boardId}, as VIEWER; use changeRole.`,
        data: member('viewer', 'VIEWER'),
        errorInfo: null,
      },
    });
  });

  it('counts invited OWNERs', async () => {
    await inviteMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'co-owner', role: 'OWNER' });
    expect(await ownerCount()).toBe(2);
  });

  it('refuses an EDITOR inviting an OWNER', async () => {
    await expect(inviteMember(as('editor', 'EDITOR'), { boardId: suite.boardId, userId: 'newbie', role: 'OWNER' })).rejects.toEqual(
      new ForbiddenError('An EDITOR cannot invite an OWNER.'),
    );
    expect(await roles()).toEqual({ owner: 'OWNER', editor: 'EDITOR', viewer: 'VIEWER' });
  });

  it('refuses a board that is being deleted', async () => {
    await suite.fixture.table.update({ Key: { PK: `BOARD#${suite.boardId}`, SK: 'META' }, UpdateExpression: 'SET #s = :d', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':d': 'DELETING' } });
    await expect(inviteMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'late', role: 'VIEWER' })).rejects.toEqual(new NotFoundError(`Board ${suite.boardId} does not exist.`));
  });
});

describe('changeRole', () => {
  it('changes a role, moving the owner count with it', async () => {
    expect(await changeRole(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'editor', role: 'OWNER' })).toEqual(member('editor', 'OWNER', { lastChange: 'UPDATED' }));
    expect(await ownerCount()).toBe(2);
    expect(await changeRole(as('editor', 'OWNER'), { boardId: suite.boardId, userId: 'owner', role: 'VIEWER' })).toEqual(member('owner', 'VIEWER', { lastChange: 'UPDATED' }));
    expect({ roles: await roles(), owners: await ownerCount() }).toEqual({ roles: { owner: 'VIEWER', editor: 'OWNER', viewer: 'VIEWER' }, owners: 1 });
  });

  it('never demotes the last OWNER', async () => {
    await expect(changeRole(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'owner', role: 'EDITOR' })).rejects.toEqual(
      new LastOwnerError(`The last OWNER of board ${suite.boardId} cannot be demoted.`),
    );
    expect({ roles: await roles(), owners: await ownerCount() }).toEqual({ roles: { owner: 'OWNER', editor: 'EDITOR', viewer: 'VIEWER' }, owners: 1 });
  });

  it('keeps one OWNER when two OWNERs demote each other at the same time', async () => {
    await changeRole(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'editor', role: 'OWNER' });
    const outcomes = await Promise.all([
      outcomeOf(() => changeRole(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'editor', role: 'EDITOR' })),
      outcomeOf(() => changeRole(as('editor', 'OWNER'), { boardId: suite.boardId, userId: 'owner', role: 'EDITOR' })),
    ]);
    expect(outcomes.filter((outcome) => 'error' in outcome).map((outcome) => 'error' in outcome && outcome.error.errorType)).toEqual(['LastOwner']);
    const after = await roles();
    expect([after.owner, after.editor].sort()).toEqual(['EDITOR', 'OWNER']);
    expect(await ownerCount()).toBe(1);
  });

  it('is for OWNERs, about members', async () => {
    await expect(changeRole(as('editor', 'EDITOR'), { boardId: suite.boardId, userId: 'viewer', role: 'EDITOR' })).rejects.toEqual(new ForbiddenError('Only an OWNER can change roles.'));
    await expect(changeRole(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'stranger', role: 'EDITOR' })).rejects.toEqual(
      new NotFoundError(`User stranger is not a member of board ${suite.boardId}.`),
    );
  });
});

describe('removeMember', () => {
  it('removes a member, answers the membership marked DELETED, and unassigns their cards', async () => {
    const cardsContext = { table: suite.fixture.table, events: suite.events, now: () => NOW, newId: sequentialIds('01CARD'), actorId: 'owner' };
    const assigned = await createCard(cardsContext, { boardId: suite.boardId, columnId: 'todo', title: 'Theirs', assigneeId: 'editor' });
    const other = await createCard(cardsContext, { boardId: suite.boardId, columnId: 'todo', title: 'Not theirs', assigneeId: 'viewer' });
    expect(await removeMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'editor' })).toEqual(member('editor', 'EDITOR', { lastChange: 'DELETED' }));
    expect(await roles()).toEqual({ owner: 'OWNER', viewer: 'VIEWER' });
    const unassigned = { ...assigned, assigneeId: null, version: 2, lastChange: 'UPDATED' };
    expect(suite.events.cards).toEqual([unassigned]);
    const items = await suite.fixture.partition(suite.boardId);
    expect(items.filter((item) => item.type === 'CARD').map((item) => [item.id, item.assigneeId, item.GSI2PK, item.version])).toEqual([
      [assigned.id, undefined, undefined, 2],
      [other.id, 'viewer', 'ASSIGNEE#viewer', 1],
    ]);
  });

  it('lets a member leave, but not remove others', async () => {
    expect(await removeMember(as('viewer', 'VIEWER'), { boardId: suite.boardId, userId: 'viewer' })).toEqual(member('viewer', 'VIEWER', { lastChange: 'DELETED' }));
    await expect(removeMember(as('editor', 'EDITOR'), { boardId: suite.boardId, userId: 'owner' })).rejects.toEqual(new ForbiddenError('Only an OWNER can remove other members.'));
    expect(await roles()).toEqual({ owner: 'OWNER', editor: 'EDITOR' });
  });

  it('never removes the last OWNER, not even when they leave', async () => {
    await expect(removeMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'owner' })).rejects.toEqual(new LastOwnerError(`The last OWNER of board ${suite.boardId} cannot be removed.`));
    await changeRole(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'editor', role: 'OWNER' });
    await removeMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'owner' });
    expect({ roles: await roles(), owners: await ownerCount() }).toEqual({ roles: { editor: 'OWNER', viewer: 'VIEWER' }, owners: 1 });
  });

  it('refuses a user who is not a member', async () => {
    await expect(removeMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'stranger' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteMember(as('owner', 'OWNER'), { boardId: suite.boardId, userId: 'owner', role: 'EDITOR' })).rejects.toBeInstanceOf(AlreadyMemberError);
  });
});
