/**
 * A card and its comments in one Query: comment keys extend the card's (`CARD#<id>#COMMENT#<ulid>`),
 * so they follow it, oldest first.
 */
import { util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { boardPk, cardSk } from '../lib/keys.js';

export function request(ctx: Context) {
  return query({ query: { PK: { eq: boardPk(ctx.stash.boardId) }, SK: { beginsWith: cardSk(ctx.stash.cardId) } } });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const [card, ...comments] = ctx.result.items;
  if (!card) return null;
  return { ...card, comments };
}
