/**
 * Who may do what on a board (the rules the schema's doc comments state). The membership check itself
 * (is the caller a member, with at least the role a field needs) is the resolvers' `authorizeMember`
 * function; these are the finer rules of the members function. The last-owner rule is not decided
 * here but enforced by DynamoDB (a condition on the board's `ownerCount`), so that concurrent
 * demotions cannot both pass.
 */
import type { Role } from './domain.js';
import { ForbiddenError } from './errors.js';

/** An OWNER invites anyone, an EDITOR invites EDITORs and VIEWERs, a VIEWER invites no one. */
export function assertMayInvite(inviterRole: Role, role: Role): void {
  if (inviterRole === 'VIEWER') throw new ForbiddenError('A VIEWER cannot invite members.');
  if (inviterRole === 'EDITOR' && role === 'OWNER') throw new ForbiddenError('An EDITOR cannot invite an OWNER.');
}

export function assertMayChangeRoles(actorRole: Role): void {
  if (actorRole !== 'OWNER') throw new ForbiddenError('Only an OWNER can change roles.');
}

/** An OWNER removes anyone; any member may remove themselves (leave the board). */
export function assertMayRemove(actor: { userId: string; role: Role }, memberUserId: string): void {
  if (actor.role !== 'OWNER' && actor.userId !== memberUserId) throw new ForbiddenError('Only an OWNER can remove other members.');
}

/** How the board's OWNER count changes when a membership goes from `from` to `to` (`null`: no membership). */
export function ownerCountChange(from: Role | null, to: Role | null): -1 | 0 | 1 {
  const before = from === 'OWNER' ? 1 : 0;
  const after = to === 'OWNER' ? 1 : 0;
  return (after - before) as -1 | 0 | 1;
}
