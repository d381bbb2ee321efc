/**
 * The first function of every board-scoped pipeline: the caller must be a member of the board
 * `ctx.stash.boardId` with at least the role `ctx.stash.requiredRole` (set by the resolver's before
 * handler). A non-member gets `util.unauthorized()`, the error AppSync gives a field the caller may not
 * read (`Not Authorized to access <field> on type <Type>`, errorType Unauthorized: appsync-js-runtime.md
 * §3.1), and learns nothing about the board (not even whether it exists); a member with a lesser role
 * is told which role is needed. The membership is read strongly consistently, so a removed member
 * loses access at once. Stashes `callerRole`.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { boardPk, memberSk } from '../lib/keys.js';

const RANK: Record<string, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };

export function request(ctx: Context) {
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  return get({ key: { PK: boardPk(ctx.stash.boardId), SK: memberSk(sub) }, consistentRead: true });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const member = ctx.result;
  if (!member) util.unauthorized();
  const required = ctx.stash.requiredRole;
  if (RANK[member.role] < RANK[required]) {
    util.error(`This needs the ${required} role on board ${ctx.stash.boardId}; yours is ${member.role}.`, 'Unauthorized');
  }
  ctx.stash.callerRole = member.role;
  return member;
}
