/**
 * The before handler's part of a board-scoped pipeline: it names the board and the least role, and
 * functions/authorizeMember.ts (the pipeline's first function) checks the caller's membership against
 * them (`ctx.stash.boardId`, `ctx.stash.requiredRole`).
 */
import type { Context } from '@aws-appsync/utils';
import type { Role } from '../generated/schema-types.js';

/** Stashes what authorizeMember checks; answers the before handler's result (`{}`: nothing to send). */
export function requireRole(ctx: Context, boardId: string, role: Role): Record<string, never> {
  ctx.stash.boardId = boardId;
  ctx.stash.requiredRole = role;
  return {};
}
