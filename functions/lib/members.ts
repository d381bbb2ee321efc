/**
 * Board membership: invite, change role, remove. The role rules are in `roles.ts`; what needs the
 * database is enforced by it, in one transaction per change:
 *
 * - invite is idempotent: the membership is written only if absent, and inviting a member again with
 *   the same role answers the existing membership (with another role: AlreadyMember);
 * - the board's `ownerCount` moves with every change to or from OWNER, under the condition
 *   `ownerCount > 1` when it goes down: the last OWNER can never be removed or demoted, even by
 *   concurrent requests;
 * - the membership changes only if its role is still the one that was read.
 *
 * A removed member's cards on the board are unassigned (and announced), so that nothing of the board
 * stays visible to them through `cardsAssignedToMe`.
 */
import type { BoardTable, TransactionItem } from './board-table.js';
import type { Role } from './domain.js';
import { AlreadyMemberError, LastOwnerError, NotFoundError } from './errors.js';
import type { BoardEvents } from './events.js';
import { activityItem, assigneeGsiPk, boardPk, CARD_SK_PREFIX, cardView, memberSk, memberView, META_SK, userGsiPk, type CardItem, type MemberItem, type MemberView } from './model.js';
import { retrying, RETRY } from './retry.js';
import { assertMayChangeRoles, assertMayInvite, assertMayRemove, ownerCountChange } from './roles.js';

export interface MembersContext {
  table: BoardTable;
  events: BoardEvents;
  now: () => string;
  newId: () => string;
  /** The caller and their role on the board (read by the resolver's authorizeMember). */
  actor: { userId: string; role: Role };
}

export interface MembershipInput {
  boardId: string;
  userId: string;
}

export async function inviteMember(context: MembersContext, input: MembershipInput & { role: Role }): Promise<MemberView> {
  const { table, actor } = context;
  const { boardId, userId, role } = input;
  assertMayInvite(actor.role, role);
  const now = context.now();
  const member: MemberItem = {
    PK: boardPk(boardId),
    SK: memberSk(userId),
    type: 'MEMBER',
    GSI1PK: userGsiPk(userId),
    GSI1SK: boardPk(boardId),
    boardId,
    userId,
    role,
    invitedBy: actor.userId,
    joinedAt: now,
    updatedAt: now,
    lastChange: 'CREATED',
  };
  return retrying(async () => {
    const outcome = await table.transact({
      member: table.put(member, { condition: 'attribute_not_exists(PK)' }),
      board: ownerCountUpdate(table, boardId, ownerCountChange(null, role), now),
      activity: table.put(activityItem({ boardId, action: 'MEMBER_INVITED', actorId: actor.userId, userId }, context.newId(), now)),
    });
    if (outcome.committed) return memberView(member);
    const existing = outcome.failed.member?.item as MemberItem | undefined;
    if (existing?.role === role) return memberView(existing);
    if (existing) {
      throw new AlreadyMemberError(`User ${userId} is already a member of board ${boardId}, as ${existing.role}; use changeRole.`, memberView(existing));
    }
    if (outcome.failed.board) throw new NotFoundError(`Board ${boardId} does not exist.`);
    return RETRY;
  });
}

export async function changeRole(context: MembersContext, input: MembershipInput & { role: Role }): Promise<MemberView> {
  const { table, actor } = context;
  const { boardId, userId, role } = input;
  assertMayChangeRoles(actor.role);
  return retrying(async () => {
    const current = await requireMember(table, input);
    if (current.role === role) return memberView(current);
    const now = context.now();
    const changed: MemberItem = { ...current, role, updatedAt: now, lastChange: 'UPDATED' };
    const outcome = await table.transact({
      member: table.put(changed, { condition: '#role = :role', names: { '#role': 'role' }, values: { ':role': current.role } }),
      board: ownerCountUpdate(table, boardId, ownerCountChange(current.role, role), now),
      activity: table.put(activityItem({ boardId, action: 'ROLE_CHANGED', actorId: actor.userId, userId }, context.newId(), now)),
    });
    if (outcome.committed) return memberView(changed);
    if (outcome.failed.board) throw lastOwner(outcome.failed.board.item, boardId, 'demoted');
    return RETRY;
  });
}

/** Removes the membership (and unassigns the member's cards); answers it marked DELETED. */
export async function removeMember(context: MembersContext, input: MembershipInput): Promise<MemberView> {
  const { table, actor } = context;
  const { boardId, userId } = input;
  assertMayRemove(actor, userId);
  const removed = await retrying(async () => {
    const current = await requireMember(table, input);
    const now = context.now();
    const outcome = await table.transact({
      member: table.deleteItem(current, { condition: '#role = :role', names: { '#role': 'role' }, values: { ':role': current.role } }),
      board: ownerCountUpdate(table, boardId, ownerCountChange(current.role, null), now),
      activity: table.put(activityItem({ boardId, action: 'MEMBER_REMOVED', actorId: actor.userId, userId }, context.newId(), now)),
    });
    if (outcome.committed) return { ...current, updatedAt: now, lastChange: 'DELETED' as const };
    if (outcome.failed.board) throw lastOwner(outcome.failed.board.item, boardId, 'removed');
    return RETRY;
  });
  await unassignCards(context, boardId, userId);
  return memberView(removed);
}

async function requireMember(table: BoardTable, { boardId, userId }: MembershipInput): Promise<MemberItem> {
  const member = await table.member(boardId, userId);
  if (!member) throw new NotFoundError(`User ${userId} is not a member of board ${boardId}.`);
  return member;
}

/**
 * The board item's part of a membership change: the owner count moves by `change` (never below one),
 * and in any case the board must exist and not be on its way out.
 */
function ownerCountUpdate(table: BoardTable, boardId: string, change: -1 | 0 | 1, now: string): TransactionItem {
  const key = { PK: boardPk(boardId), SK: META_SK };
  const active = { names: { '#status': 'status' }, values: { ':active': 'ACTIVE' } };
  if (change === 0) return table.conditionCheck(key, { ...active, condition: '#status = :active' });
  return table.updateItem(key, 'SET ownerCount = ownerCount + :change, updatedAt = :now', {
    condition: change < 0 ? '#status = :active AND ownerCount > :one' : '#status = :active',
    names: active.names,
    values: { ...active.values, ':change': change, ':now': now, ...(change < 0 ? { ':one': 1 } : {}) },
  });
}

/** The board's condition failed: it is gone, or this was its last OWNER. */
function lastOwner(board: Record<string, unknown> | undefined, boardId: string, what: 'demoted' | 'removed'): Error {
  if (!board || board.status !== 'ACTIVE') return new NotFoundError(`Board ${boardId} does not exist.`);
  return new LastOwnerError(`The last OWNER of board ${boardId} cannot be ${what}.`);
}

async function unassignCards(context: MembersContext, boardId: string, userId: string): Promise<void> {
  const { table, actor } = context;
  const assigned = await table.queryAll<CardItem>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :cards)',
    FilterExpression: '#type = :card AND GSI2PK = :assignee',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':pk': boardPk(boardId), ':cards': CARD_SK_PREFIX, ':card': 'CARD', ':assignee': assigneeGsiPk(userId) },
    ConsistentRead: true,
  });
  for (const card of assigned) {
    const now = context.now();
    try {
      const updated = await table.update<CardItem>({
        Key: { PK: card.PK, SK: card.SK },
        UpdateExpression: 'SET version = version + :one, updatedAt = :now, updatedBy = :actor, lastChange = :updated REMOVE assigneeId, GSI2PK',
        ConditionExpression: 'GSI2PK = :assignee',
        ExpressionAttributeValues: { ':one': 1, ':now': now, ':actor': actor.userId, ':updated': 'UPDATED', ':assignee': assigneeGsiPk(userId) },
      });
      await context.events.cardChanged(cardView(updated));
    } catch (error) {
      // Reassigned or deleted meanwhile: nothing left to unassign.
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }
}
