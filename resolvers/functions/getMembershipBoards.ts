/**
 * The boards of the memberships the previous function listed, in one BatchGetItem (at most 100 keys:
 * the page size is capped at 100), each with the caller's role. Batch and transaction requests name
 * their table: `ctx.env.TABLE_NAME`.
 */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { batchGet } from '@aws-appsync/utils/dynamodb';
import { META_SK } from '../lib/keys.js';

interface Membership {
  PK: string;
  role: string;
}

export function request(ctx: Context) {
  const memberships: Membership[] = ctx.prev.result;
  if (memberships.length === 0) runtime.earlyReturn([]);
  return batchGet({ tables: { [ctx.env.TABLE_NAME]: { keys: memberships.map((membership) => ({ PK: membership.PK, SK: META_SK })) } } });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const memberships: Membership[] = ctx.prev.result;
  const boards = ctx.result.data[ctx.env.TABLE_NAME];
  if (ctx.result.unprocessedKeys[ctx.env.TABLE_NAME].length > 0) util.appendError('Some boards could not be read; try again.', 'UnprocessedKeys');
  return memberships
    .map((membership, index) => (boards[index] ? { ...boards[index], myRole: membership.role } : null))
    .filter((board) => board !== null);
}
