/**
 * Placing cards: creating, moving and deleting them. Each change is one DynamoDB transaction that
 * writes the card, its position entry, the affected columns' card counts and an activity entry, under
 * conditions that make concurrent changes safe:
 *
 * - the target column's `cardCount < wipLimit` (when it has a limit) guards the WIP limit, in the same
 *   transaction as the card's `version` check, so concurrent moves can neither exceed a limit nor lose a
 *   move;
 * - the new position entry must not exist: two cards never share a position in a column, so positions
 *   stay strictly ordered even when two writers computed the same one (the loser retries on fresh reads,
 *   drawing its position at random between the neighbours, so that a crowd of writers spreads out);
 * - the card's `version` is the one that was read (or `expectedVersion`, when the caller gave one).
 *
 * After a commit the affected columns are announced (their card counts changed) through `BoardEvents`.
 */
import type { BoardTable, CancellationReason } from './board-table.js';
import { InvalidInputError, NotFoundError, VersionConflictError, WipLimitExceededError } from './errors.js';
import type { BoardEvents } from './events.js';
import {
  activityItem,
  assigneeGsiPk,
  assigneeGsiSk,
  boardPk,
  cardGsiPk,
  cardSk,
  cardView,
  columnSk,
  columnView,
  commentSkPrefix,
  memberSk,
  positionItem,
  positionSk,
  type CardItem,
  type CardView,
  type ColumnItem,
  type TableKey,
} from './model.js';
import { alreadyPlaced, boundsFor, positionWithin, type Placement, type PlacementRequest } from './positions.js';
import { retrying, RETRY } from './retry.js';
import { cardDescription, cardLabels, cardTitle } from './validation.js';

export interface CardsContext {
  table: BoardTable;
  events: BoardEvents;
  /** ISO-8601 timestamp. */
  now: () => string;
  /** A new ULID. */
  newId: () => string;
  /** The caller (their membership was checked by the resolver). */
  actorId: string;
}

export interface CreateCardInput {
  boardId: string;
  columnId: string;
  title: string;
  description?: string | null;
  assigneeId?: string | null;
  labels?: string[] | null;
  dueAt?: string | null;
  afterCardId?: string | null;
  beforeCardId?: string | null;
}

export interface MoveCardInput {
  boardId: string;
  id: string;
  toColumnId: string;
  afterCardId?: string | null;
  beforeCardId?: string | null;
  expectedVersion?: number | null;
}

export interface DeleteCardInput {
  boardId: string;
  id: string;
  expectedVersion?: number | null;
}

/** The condition that lets one more card into a column. */
const ROOM_FOR_ONE_MORE = 'attribute_exists(PK) AND (attribute_not_exists(wipLimit) OR cardCount < wipLimit)';

export async function createCard(context: CardsContext, input: CreateCardInput): Promise<CardView> {
  const { table, actorId } = context;
  const { boardId, columnId } = input;
  const title = cardTitle(input.title);
  const description = cardDescription(input.description);
  const labels = cardLabels(input.labels);
  const card = await retrying(async (attempt) => {
    const column = await requireColumn(context, boardId, columnId);
    assertRoom(column);
    const request: PlacementRequest = { columnId, ...(await anchors(context, boardId, input)) };
    const position = positionWithin(await boundsFor(table.neighbours(boardId), request), spreadAfterFirst(attempt));
    const now = context.now();
    const id = context.newId();
    const card: CardItem = {
      PK: boardPk(boardId),
      SK: cardSk(id),
      type: 'CARD',
      ...(input.assigneeId ? { GSI2PK: assigneeGsiPk(input.assigneeId) } : {}),
      GSI2SK: assigneeGsiSk(input.dueAt, id),
      GSI3PK: cardGsiPk(id),
      id,
      boardId,
      columnId,
      title,
      ...(description === undefined ? {} : { description }),
      ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
      labels,
      ...(input.dueAt ? { dueAt: input.dueAt } : {}),
      position,
      version: 1,
      createdBy: actorId,
      updatedBy: actorId,
      createdAt: now,
      updatedAt: now,
      lastChange: 'CREATED',
    };
    const outcome = await table.transact({
      card: table.put(card, { condition: 'attribute_not_exists(PK)' }),
      position: table.put(positionItem(boardId, columnId, position, id), { condition: 'attribute_not_exists(PK)' }),
      column: addCard(table, column, now),
      assignee: input.assigneeId ? table.conditionCheck({ PK: boardPk(boardId), SK: memberSk(input.assigneeId) }, { condition: 'attribute_exists(PK)' }) : undefined,
      activity: table.put(activityItem({ boardId, action: 'CARD_CREATED', actorId, cardId: id, columnId }, context.newId(), now)),
    });
    if (outcome.committed) return card;
    const { failed } = outcome;
    if (failed.column) throw columnFailure(failed.column, columnId);
    if (failed.assignee) throw new InvalidInputError(`User ${input.assigneeId} is not a member of board ${boardId}.`);
    return RETRY;
  });
  await announceColumns(context, boardId, [columnId]);
  return cardView(card);
}

export async function moveCard(context: CardsContext, input: MoveCardInput): Promise<CardView> {
  const { table, actorId } = context;
  const { boardId, toColumnId } = input;
  let sourceColumnId = toColumnId;
  const moved = await retrying(async (attempt) => {
    const card = await requireCard(context, boardId, input.id);
    assertVersion(card, input.expectedVersion);
    sourceColumnId = card.columnId;
    const target = await requireColumn(context, boardId, toColumnId);
    const changesColumn = card.columnId !== toColumnId;
    if (changesColumn) assertRoom(target);
    const request: PlacementRequest = {
      columnId: toColumnId,
      moving: { cardId: card.id, columnId: card.columnId, position: card.position },
      ...(await anchors(context, boardId, input)),
    };
    const bounds = await boundsFor(table.neighbours(boardId), request);
    if (alreadyPlaced(request, bounds)) return { card, changed: false };
    const position = positionWithin(bounds, spreadAfterFirst(attempt));
    const now = context.now();
    const next: CardItem = { ...card, columnId: toColumnId, position, version: card.version + 1, updatedBy: actorId, updatedAt: now, lastChange: 'MOVED' };
    const outcome = await table.transact({
      card: table.put(next, { condition: 'version = :version', values: { ':version': card.version } }),
      oldPosition: table.deleteItem(positionKey(boardId, card), { condition: 'cardId = :card', values: { ':card': card.id } }),
      newPosition: table.put(positionItem(boardId, toColumnId, position, card.id), { condition: 'attribute_not_exists(PK)' }),
      target: changesColumn ? addCard(table, target, now) : undefined,
      source: changesColumn ? removeCard(table, boardId, card.columnId, now) : undefined,
      activity: table.put(activityItem({ boardId, action: 'CARD_MOVED', actorId, cardId: card.id, columnId: toColumnId }, context.newId(), now)),
    });
    if (outcome.committed) return { card: next, changed: true };
    const { failed } = outcome;
    if (failed.card) cardFailure(failed.card, input);
    if (failed.target) throw columnFailure(failed.target, toColumnId);
    return RETRY;
  });
  if (moved.changed) await announceColumns(context, boardId, sourceColumnId === toColumnId ? [toColumnId] : [sourceColumnId, toColumnId]);
  return cardView(moved.card);
}

/** Deletes the card, its position entry and its comments; answers the card as it was, marked DELETED. */
export async function deleteCard(context: CardsContext, input: DeleteCardInput): Promise<CardView> {
  const { table, actorId } = context;
  const { boardId } = input;
  const deleted = await retrying(async () => {
    const card = await requireCard(context, boardId, input.id);
    assertVersion(card, input.expectedVersion);
    const now = context.now();
    const outcome = await table.transact({
      card: table.deleteItem(card, { condition: 'version = :version', values: { ':version': card.version } }),
      position: table.deleteItem(positionKey(boardId, card), { condition: 'cardId = :card', values: { ':card': card.id } }),
      column: removeCard(table, boardId, card.columnId, now),
      activity: table.put(activityItem({ boardId, action: 'CARD_DELETED', actorId, cardId: card.id, columnId: card.columnId }, context.newId(), now)),
    });
    if (outcome.committed) return { ...card, updatedBy: actorId, updatedAt: now, lastChange: 'DELETED' as const };
    if (outcome.failed.card) cardFailure(outcome.failed.card, input);
    return RETRY;
  });
  const comments = await table.queryAll<TableKey>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': boardPk(boardId), ':prefix': commentSkPrefix(deleted.id) },
    ProjectionExpression: 'PK, SK',
    ConsistentRead: true,
  });
  await table.deleteAll(comments);
  await announceColumns(context, boardId, [deleted.columnId]);
  return cardView(deleted);
}

/** Retries draw their position at random between the neighbours (see `positionWithin`). */
function spreadAfterFirst(attempt: number): { random: () => number } | undefined {
  return attempt === 0 ? undefined : { random: Math.random };
}

async function requireColumn(context: CardsContext, boardId: string, columnId: string): Promise<ColumnItem> {
  const column = await context.table.column(boardId, columnId);
  if (!column) throw new NotFoundError(`Column ${columnId} does not exist on board ${boardId}.`);
  return column;
}

async function requireCard(context: CardsContext, boardId: string, cardId: string): Promise<CardItem> {
  const card = await context.table.card(boardId, cardId);
  if (!card) throw new NotFoundError(`Card ${cardId} does not exist on board ${boardId}.`);
  return card;
}

/** The placements of the cards a request positions against. */
async function anchors(
  context: CardsContext,
  boardId: string,
  input: { afterCardId?: string | null; beforeCardId?: string | null },
): Promise<{ after?: Placement; before?: Placement }> {
  const placementOf = async (cardId: string): Promise<Placement> => {
    const card = await requireCard(context, boardId, cardId);
    return { cardId: card.id, columnId: card.columnId, position: card.position };
  };
  return {
    ...(input.afterCardId ? { after: await placementOf(input.afterCardId) } : {}),
    ...(input.beforeCardId ? { before: await placementOf(input.beforeCardId) } : {}),
  };
}

function assertRoom(column: ColumnItem): void {
  if (column.wipLimit !== undefined && column.cardCount >= column.wipLimit) throw wipLimitExceeded(column);
}

function wipLimitExceeded(column: ColumnItem): WipLimitExceededError {
  return new WipLimitExceededError(`Column ${column.name} is at its WIP limit of ${column.wipLimit}.`, null, columnView(column));
}

function assertVersion(card: CardItem, expectedVersion: number | null | undefined): void {
  if (expectedVersion !== null && expectedVersion !== undefined && card.version !== expectedVersion) {
    throw new VersionConflictError(`Card ${card.id} is at version ${card.version}, not ${expectedVersion}.`, cardView(card));
  }
}

/** The card's condition failed: it is gone, or it changed (an error if the caller pinned a version, else a retry). */
function cardFailure(reason: CancellationReason, input: { boardId: string; id: string; expectedVersion?: number | null }): void {
  const current = reason.item as CardItem | undefined;
  if (!current) throw new NotFoundError(`Card ${input.id} does not exist on board ${input.boardId}.`);
  assertVersion(current, input.expectedVersion);
}

/** The target column's condition failed: it is gone, or full. */
function columnFailure(reason: CancellationReason, columnId: string): Error {
  const current = reason.item as ColumnItem | undefined;
  if (!current) return new NotFoundError(`Column ${columnId} does not exist.`);
  return wipLimitExceeded(current);
}

function addCard(table: BoardTable, column: ColumnItem, now: string) {
  return table.updateItem({ PK: column.PK, SK: column.SK }, 'SET cardCount = cardCount + :one, updatedAt = :now', {
    condition: ROOM_FOR_ONE_MORE,
    values: { ':one': 1, ':now': now },
  });
}

function removeCard(table: BoardTable, boardId: string, columnId: string, now: string) {
  return table.updateItem({ PK: boardPk(boardId), SK: columnSk(columnId) }, 'SET cardCount = cardCount - :one, updatedAt = :now', {
    condition: 'attribute_exists(PK)',
    values: { ':one': 1, ':now': now },
  });
}

function positionKey(boardId: string, card: Pick<CardItem, 'columnId' | 'position'>): TableKey {
  return { PK: boardPk(boardId), SK: positionSk(card.columnId, card.position) };
}

/** Publishes the columns' current state (their card counts changed). */
async function announceColumns(context: CardsContext, boardId: string, columnIds: string[]): Promise<void> {
  await Promise.all(
    columnIds.map(async (columnId) => {
      const column = await context.table.column(boardId, columnId);
      if (column) await context.events.columnChanged(columnView(column));
    }),
  );
}
