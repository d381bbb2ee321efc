/**
 * Finds the board of card `ctx.stash.cardId` through the keys-only `byCard` index and stashes it as
 * `boardId`, for authorizeMember to check next. An unknown card is a NotFound error.
 */
import { util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { boardIdOfPk, cardGsiPk } from '../lib/keys.js';

export function request(ctx: Context) {
  return query({ index: 'byCard', query: { GSI3PK: { eq: cardGsiPk(ctx.stash.cardId) } }, limit: 1 });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const [entry] = ctx.result.items;
  if (!entry) util.error(`Card ${ctx.stash.cardId} does not exist.`, 'NotFound');
  ctx.stash.boardId = boardIdOfPk(entry.PK);
  return entry;
}
