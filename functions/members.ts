/** The members function: inviteMember, changeRole and removeMember (role rules, last owner; see lib/members.ts). */
import type { Role } from './lib/domain.js';
import { boardFunction, type BoardFunctionEvent, type FunctionDependencies } from './lib/handler.js';
import { changeRole, inviteMember, removeMember, type MembersContext, type MembershipInput } from './lib/members.js';

const context = (event: BoardFunctionEvent, dependencies: FunctionDependencies): MembersContext => ({
  ...dependencies,
  actor: { userId: event.actorId, role: event.actorRole },
});

type RoleInput = MembershipInput & { role: Role };

export const handler = boardFunction('members', {
  inviteMember: (event, dependencies) => inviteMember(context(event, dependencies), event.arguments as unknown as RoleInput),
  changeRole: (event, dependencies) => changeRole(context(event, dependencies), event.arguments as unknown as RoleInput),
  removeMember: (event, dependencies) => removeMember(context(event, dependencies), event.arguments as unknown as MembershipInput),
});
