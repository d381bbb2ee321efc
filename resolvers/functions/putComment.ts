/**
 * Adds a comment to a card of the board (the card must exist: a condition check in the same
 * transaction) and logs it. Comment keys extend the card's, so comments travel with their card.
 */
import { util, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import { boardChange, logActivity } from '../lib/board-change.js';
import { boardPk, cardSk, commentSk } from '../lib/keys.js';

export function request(ctx: Context) {
  const { cardId } = ctx.args.input;
  const change = boardChange(ctx);
  const { table } = change;
  const pk = boardPk(change.boardId);
  const id = util.autoUlid();
  const comment = { id, boardId: change.boardId, cardId, authorId: change.actorId, text: ctx.stash.text, createdAt: change.at };
  ctx.stash.comment = comment;
  return transactWrite({
    items: [
      { putItem: { table, key: { PK: pk, SK: commentSk(cardId, id) }, item: { type: 'COMMENT', ...comment }, condition: { PK: { attributeExists: false } } } },
      { conditionCheck: { table, key: { PK: pk, SK: cardSk(cardId) }, condition: { PK: { attributeExists: true } } } },
      logActivity(change, 'COMMENT_ADDED', { cardId }),
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.result.cancellationReasons?.[1].type === 'ConditionalCheckFailed') {
      util.error(`Card ${ctx.args.input.cardId} does not exist on board ${ctx.stash.boardId}.`, 'NotFound');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.comment;
}
