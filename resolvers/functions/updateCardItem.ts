/**
 * Edits a card under optimistic concurrency, in one transaction: the card changes only if its
 * `version` is `expectedVersion` (and the version grows by one), the activity entry is written, and a
 * new assignee must be a member of the board. A version mismatch is a VersionConflict error whose
 * `data` is the current card (the transaction's cancellation reason carries it). The assignee index
 * keys move with the assignee and the due date. Stashes the card's key for readItem.
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { operations, transactWrite } from '@aws-appsync/utils/dynamodb';

const ACTIVITY_RETENTION_SECONDS = 180 * 24 * 3600;

export function request(ctx: Context) {
  const { input } = ctx.args;
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const boardId = ctx.stash.boardId;
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const changes: Record<string, unknown> = { version: operations.increment(1), updatedAt: now, updatedBy: sub, lastChange: 'UPDATED' };
  if (Object.hasOwn(input, 'title')) changes.title = ctx.stash.title;
  if (Object.hasOwn(input, 'description')) changes.description = input.description ? input.description : operations.remove();
  if (Object.hasOwn(input, 'labels')) changes.labels = ctx.stash.labels;
  if (Object.hasOwn(input, 'assigneeId')) {
    changes.assigneeId = input.assigneeId ? input.assigneeId : operations.remove();
    changes.GSI2PK = input.assigneeId ? `ASSIGNEE#${input.assigneeId}` : operations.remove();
  }
  if (Object.hasOwn(input, 'dueAt')) {
    changes.dueAt = input.dueAt ? input.dueAt : operations.remove();
    changes.GSI2SK = `${input.dueAt ? input.dueAt : '~'}#${input.id}`;
  }
  const activityId = util.autoUlid();
  ctx.stash.itemKey = { PK: `BOARD#${boardId}`, SK: `CARD#${input.id}` };
  const items = [
    { updateItem: { table, key: ctx.stash.itemKey, update: changes, condition: { version: { eq: input.expectedVersion } } } },
    {
      putItem: {
        table,
        key: { PK: `BOARD#${boardId}`, SK: `ACTIVITY#${activityId}` },
        item: { type: 'ACTIVITY', id: activityId, boardId, action: 'CARD_UPDATED', actorId: sub, cardId: input.id, at: now, expiresAt: util.time.nowEpochSeconds() + ACTIVITY_RETENTION_SECONDS },
      },
    },
  ];
  const assigneeCheck = input.assigneeId
    ? [{ conditionCheck: { table, key: { PK: `BOARD#${boardId}`, SK: `MEMBER#${input.assigneeId}` }, condition: { PK: { attributeExists: true } } } }]
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
      util.error(`Card ${input.id} is at version ${current.version}, not ${input.expectedVersion}.`, 'VersionConflict', publicCard(current));
    }
    if (reasons[2]?.type === 'ConditionalCheckFailed') util.error(`User ${input.assigneeId} is not a member of board ${ctx.stash.boardId}.`, 'BadRequest');
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}

/** The card as the schema shows it: no keys or index attributes, absent optional fields as null. */
function publicCard(item: Record<string, any>) {
  return {
    id: item.id,
    boardId: item.boardId,
    columnId: item.columnId,
    title: item.title,
    description: item.description ?? null,
    assigneeId: item.assigneeId ?? null,
    labels: item.labels,
    dueAt: item.dueAt ?? null,
    position: item.position,
    version: item.version,
    createdBy: item.createdBy,
    updatedBy: item.updatedBy,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    lastChange: item.lastChange,
  };
}
