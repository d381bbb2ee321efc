/**
 * Adds a comment to a card of the board (the card must exist: a condition check in the same
 * transaction) and logs it. Comment keys extend the card's, so comments travel with their card.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';

const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export function request(ctx: Context) {
  const { input } = ctx.args;
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const boardId = ctx.stash.boardId;
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const id = util.autoUlid();
  const activityId = util.autoUlid();
  const comment = { id, boardId, cardId: input.cardId, authorId: sub, text: ctx.stash.text, createdAt: now };
  ctx.stash.comment = comment;
  return transactWrite({
    items: [
      {
        putItem: {
          table,
          key: { PK: `BOARD#${boardId}`, SK: `CARD#${input.cardId}#COMMENT#${id}` },
          item: { type: 'COMMENT', ...comment },
          condition: { PK: { attributeExists: false } },
        },
      },
      { conditionCheck: { table, key: { PK: `BOARD#${boardId}`, SK: `CARD#${input.cardId}` }, condition: { PK: { attributeExists: true } } } },
      {
        putItem: {
          table,
          key: { PK: `BOARD#${boardId}`, SK: `ACTIVITY#${activityId}` },
          item: { type: 'ACTIVITY', id: activityId, boardId, action: 'COMMENT_ADDED', actorId: sub, cardId: input.cardId, at: now, expiresAt: util.time.nowEpochSeconds() + ACTIVITY_RETENTION_SECONDS },
        },
      },
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
