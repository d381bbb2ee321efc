/**
 * Edits a card under optimistic concurrency, in one transaction: the card changes only if its
 * `version` is `expectedVersion` (and the version grows by one), the activity entry is written, and a
 * new assignee must be a member of the board. A version mismatch is a VersionConflict error whose
 * `data` is the current card (the transaction's cancellation reason carries it). The assignee index
 * keys move with the assignee and the due date. Stashes the card's key for readItem.
 */
import { util, type Context } from '@aws-appsync/utils';
import { operations, transactWrite } from '@aws-appsync/utils/dynamodb';
import { boardChange, logActivity } from '../lib/board-change.js';
import { assigneeGsiPk, assigneeGsiSk, boardPk, cardSk, memberSk } from '../lib/keys.js';
import { cardView } from '../lib/views.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const change = boardChange(ctx);
  const { table } = change;
  const pk = boardPk(change.boardId);
  const changes: Record<string, unknown> = { version: operations.increment(1), updatedAt: change.at, updatedBy: change.actorId, lastChange: 'UPDATED' };
  if (Object.hasOwn(input, 'title')) changes.title = ctx.stash.title;
  if (Object.hasOwn(input, 'description')) changes.description = input.description ? input.description : operations.remove();
  if (Object.hasOwn(input, 'labels')) changes.labels = ctx.stash.labels;
  if (Object.hasOwn(input, 'assigneeId')) {
    changes.assigneeId = input.assigneeId ? input.assigneeId : operations.remove();
    changes.GSI2PK = input.assigneeId ? assigneeGsiPk(input.assigneeId) : operations.remove();
  }
  if (Object.hasOwn(input, 'dueAt')) {
    changes.dueAt = input.dueAt ? input.dueAt : operations.remove();
    changes.GSI2SK = assigneeGsiSk(input.dueAt, input.id);
  }
  ctx.stash.itemKey = { PK: pk, SK: cardSk(input.id) };
  const items = [
    { updateItem: { table, key: ctx.stash.itemKey, update: changes, condition: { version: { eq: input.expectedVersion } } } },
    logActivity(change, 'CARD_UPDATED', { cardId: input.id }),
  ];
  const assigneeCheck = input.assigneeId
    ? [{ conditionCheck: { table, key: { PK: pk, SK: memberSk(input.assigneeId) }, condition: { PK: { attributeExists: true } } } }]
    : [];
  return transactWrite({ items: [...items, ...assigneeCheck] });
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reasons = ctx.result.cancellationReasons ?? [];
    const { input } = ctx.args;
    if (reasons[0]?.type === 'ConditionalCheckFailed') {
      const current = reasons[0].item;
      if (!current) util.error(`Card ${input.id} does not exist on board ${ctx.stash.boardId}.`, 'NotFound');
      util.error(`Card ${input.id} is at version ${current.version}, not ${input.expectedVersion}.`, 'VersionConflict', cardView(current));
    }
    if (reasons[2]?.type === 'ConditionalCheckFailed') util.error(`User ${input.assigneeId} is not a member of board ${ctx.stash.boardId}.`, 'BadRequest');
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
