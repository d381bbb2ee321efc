import { beforeEach, describe, expect, it } from 'vitest';
import { createCard, deleteCard, moveCard, type CardsContext } from '../../../functions/lib/cards.js';
import { InvalidInputError, NotFoundError, outcomeOf, VersionConflictError, WipLimitExceededError } from '../../../functions/lib/errors.js';
import { boardSuite, NOW, sequentialIds } from './board-fixture.js';

const OWNER = 'owner-sub';
const COLUMNS = [
  { id: 'todo', name: 'To do' },
  { id: 'doing', name: 'Doing', wipLimit: 2 },
  { id: 'done', name: 'Done' },
];

const suite = boardSuite('cards', { members: [{ userId: OWNER, role: 'OWNER' }, { userId: 'editor-sub', role: 'EDITOR' }], columns: COLUMNS });
let context: CardsContext;

beforeEach(() => {
  context = { table: suite.fixture.table, events: suite.events, now: () => NOW, newId: sequentialIds(), actorId: OWNER };
});

const expectedCard = (fields: Record<string, unknown>) => ({
  boardId: suite.boardId,
  description: null,
  assigneeId: null,
  labels: [],
  dueAt: null,
  version: 1,
  createdBy: OWNER,
  updatedBy: OWNER,
  createdAt: NOW,
  updatedAt: NOW,
  lastChange: 'CREATED',
  ...fields,
});

async function cardsOf(columnId: string) {
  const items = await suite.fixture.partition(suite.boardId);
  return items.filter((item) => item.type === 'CARD' && item.columnId === columnId).map((item) => [item.id, item.position]);
}

async function positionEntries() {
  const items = await suite.fixture.partition(suite.boardId);
  return items.filter((item) => item.type === 'POSITION').map((item) => [item.columnId, item.position, item.cardId]);
}

async function cardCounts() {
  const items = await suite.fixture.partition(suite.boardId);
  return Object.fromEntries(items.filter((item) => item.type === 'COLUMN').map((item) => [item.id, item.cardCount]));
}

describe('createCard', () => {
  it('appends cards to the end of the column and counts them', async () => {
    const first = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: '  Write spec ', labels: ['docs', 'docs', ' urgent '], assigneeId: 'editor-sub' });
    const second = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Review', dueAt: '2026-12-01T09:00:00.000Z', description: 'by Friday' });
    expect(first).toEqual(
      expectedCard({ id: '01TEST00000000000000000001', columnId: 'todo', title: 'Write spec', labels: ['docs', 'urgent'], assigneeId: 'editor-sub', position: 'a0' }),
    );
    expect(second).toEqual(
      expectedCard({ id: '01TEST00000000000000000003', columnId: 'todo', title: 'Review', dueAt: '2026-12-01T09:00:00.000Z', description: 'by Friday', position: 'a1' }),
    );
    expect(await positionEntries()).toEqual([
      ['todo', 'a0', first.id],
      ['todo', 'a1', second.id],
    ]);
    expect(await cardCounts()).toEqual({ todo: 2, doing: 0, done: 0 });
  });

  it('writes the card with its index keys, and an activity entry', async () => {
    const card = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Indexed', assigneeId: 'editor-sub', dueAt: '2026-12-01T09:00:00.000Z' });
    const items = await suite.fixture.partition(suite.boardId);
    expect(items.find((item) => item.SK === `CARD#${card.id}`)).toEqual({
      PK: `BOARD#${suite.boardId}`,
      SK: `CARD#${card.id}`,
      type: 'CARD',
      GSI2PK: 'ASSIGNEE#editor-sub',
      GSI2SK: `2026-12-01T09:00:00.000Z#${card.id}`,
      GSI3PK: `CARD#${card.id}`,
      ...card,
      description: undefined,
    });
    expect(items.filter((item) => item.type === 'ACTIVITY')).toEqual([
      {
        PK: `BOARD#${suite.boardId}`,
        SK: 'ACTIVITY#01TEST00000000000000000002',
        type: 'ACTIVITY',
        id: '01TEST00000000000000000002',
        boardId: suite.boardId,
        action: 'CARD_CREATED',
        actorId: OWNER,
        cardId: card.id,
        columnId: 'todo',
        at: NOW,
        expiresAt: Date.parse(NOW) / 1000 + 180 * 24 * 3600,
      },
    ]);
  });

  it('announces the column whose card count changed', async () => {
    await createCard(context, { boardId: suite.boardId, columnId: 'doing', title: 'One' });
    expect(suite.events.columns).toEqual([
      { id: 'doing', boardId: suite.boardId, name: 'Doing', position: 1, wipLimit: 2, cardCount: 1, lastChange: 'CREATED', createdAt: NOW, updatedAt: NOW },
    ]);
  });

  it('places a card after or before another', async () => {
    const a = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'A' });
    const c = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'C' });
    const b = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'B', afterCardId: a.id });
    const top = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Top', beforeCardId: a.id });
    expect(await cardsOf('todo')).toEqual([
      [a.id, 'a0'],
      [c.id, 'a1'],
      [b.id, 'a0V'],
      [top.id, 'Zz'],
    ]);
  });

  it('refuses a card beyond the WIP limit', async () => {
    await createCard(context, { boardId: suite.boardId, columnId: 'doing', title: 'One' });
    await createCard(context, { boardId: suite.boardId, columnId: 'doing', title: 'Two' });
    const full = { id: 'doing', boardId: suite.boardId, name: 'Doing', position: 1, wipLimit: 2, cardCount: 2, lastChange: 'CREATED', createdAt: NOW, updatedAt: NOW };
    expect(await outcomeOf(() => createCard(context, { boardId: suite.boardId, columnId: 'doing', title: 'Three' }))).toEqual({
      error: { errorType: 'WipLimitExceeded', message: 'Column Doing is at its WIP limit of 2.', data: null, errorInfo: full },
    });
    expect(await cardCounts()).toEqual({ todo: 0, doing: 2, done: 0 });
  });

  it('refuses an assignee who is not a member, an unknown column, and an empty title', async () => {
    await expect(createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'X', assigneeId: 'stranger' })).rejects.toEqual(
      new InvalidInputError(`User stranger is not a member of board ${suite.boardId}.`),
    );
    await expect(createCard(context, { boardId: suite.boardId, columnId: 'nope', title: 'X' })).rejects.toEqual(new NotFoundError(`Column nope does not exist on board ${suite.boardId}.`));
    await expect(createCard(context, { boardId: suite.boardId, columnId: 'todo', title: '   ' })).rejects.toEqual(new InvalidInputError('A card title must have 1 to 200 characters.'));
    expect(await suite.fixture.partition(suite.boardId).then((items) => items.filter((item) => item.type === 'CARD' || item.type === 'POSITION'))).toEqual([]);
  });
});

describe('moveCard', () => {
  it('moves a card to another column: new position, next version, both counts, both columns announced', async () => {
    const card = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Move me' });
    suite.events.columns.length = 0;
    const moved = await moveCard({ ...context, actorId: 'editor-sub' }, { boardId: suite.boardId, id: card.id, toColumnId: 'doing', expectedVersion: 1 });
    expect(moved).toEqual({ ...card, columnId: 'doing', position: 'a0', version: 2, updatedBy: 'editor-sub', lastChange: 'MOVED' });
    expect(await positionEntries()).toEqual([['doing', 'a0', card.id]]);
    expect(await cardCounts()).toEqual({ todo: 0, doing: 1, done: 0 });
    expect(suite.events.columns.map((column) => [column.id, column.cardCount]).sort()).toEqual([
      ['doing', 1],
      ['todo', 0],
    ]);
  });

  it('reorders within a column', async () => {
    const a = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'A' });
    const b = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'B' });
    const c = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'C' });
    await moveCard(context, { boardId: suite.boardId, id: c.id, toColumnId: 'todo', beforeCardId: a.id });
    await moveCard(context, { boardId: suite.boardId, id: a.id, toColumnId: 'todo', afterCardId: b.id });
    expect(await positionEntries()).toEqual([
      ['todo', 'Zz', c.id],
      ['todo', 'a1', b.id],
      ['todo', 'a2', a.id],
    ]);
    expect(await cardCounts()).toEqual({ todo: 3, doing: 0, done: 0 });
  });

  it('changes nothing when the card already is where it should go', async () => {
    const a = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'A' });
    const b = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'B' });
    suite.events.columns.length = 0;
    expect(await moveCard(context, { boardId: suite.boardId, id: b.id, toColumnId: 'todo' })).toEqual(b);
    expect(await moveCard(context, { boardId: suite.boardId, id: a.id, toColumnId: 'todo', beforeCardId: b.id })).toEqual(a);
    expect(await positionEntries()).toEqual([
      ['todo', 'a0', a.id],
      ['todo', 'a1', b.id],
    ]);
    expect(suite.events.columns).toEqual([]);
  });

  it('refuses a stale expectedVersion with the current card', async () => {
    const card = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Contested' });
    const moved = await moveCard(context, { boardId: suite.boardId, id: card.id, toColumnId: 'done' });
    await expect(moveCard(context, { boardId: suite.boardId, id: card.id, toColumnId: 'doing', expectedVersion: 1 })).rejects.toEqual(
      new VersionConflictError(`Card ${card.id} is at version 2, not 1.`, moved),
    );
    expect(await outcomeOf(() => moveCard(context, { boardId: suite.boardId, id: card.id, toColumnId: 'doing', expectedVersion: 1 }))).toEqual({
      error: { errorType: 'VersionConflict', message: `Card ${card.id} is at version 2, not 1.`, data: moved, errorInfo: null },
    });
  });

  it('refuses a move into a full column and leaves everything as it was', async () => {
    await createCard(context, { boardId: suite.boardId, columnId: 'doing', title: 'One' });
    await createCard(context, { boardId: suite.boardId, columnId: 'doing', title: 'Two' });
    const card = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Waiting' });
    const before = await suite.fixture.partition(suite.boardId);
    await expect(moveCard(context, { boardId: suite.boardId, id: card.id, toColumnId: 'doing' })).rejects.toBeInstanceOf(WipLimitExceededError);
    expect(await suite.fixture.partition(suite.boardId)).toEqual(before);
  });

  it('refuses unknown cards and anchors in another column', async () => {
    const a = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'A' });
    const d = await createCard(context, { boardId: suite.boardId, columnId: 'done', title: 'D' });
    await expect(moveCard(context, { boardId: suite.boardId, id: 'ghost', toColumnId: 'todo' })).rejects.toEqual(new NotFoundError(`Card ghost does not exist on board ${suite.boardId}.`));
    await expect(moveCard(context, { boardId: suite.boardId, id: a.id, toColumnId: 'doing', afterCardId: d.id })).rejects.toEqual(
      new InvalidInputError(`Card ${d.id} is not in column doing.`),
    );
  });

  it('keeps the WIP limit and every move when 20 cards are moved at once into a column that takes 2', async () => {
    const cards = [];
    for (let index = 0; index < 20; index += 1) cards.push(await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: `Card ${index}` }));
    const outcomes = await Promise.all(cards.map((card) => outcomeOf(() => moveCard({ ...context, newId: sequentialIds(`01M${card.id.slice(-4)}`) }, { boardId: suite.boardId, id: card.id, toColumnId: 'doing' }))));
    const moved = outcomes.flatMap((outcome) => ('value' in outcome ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error.errorType] : []));
    expect({ moved: moved.length, refused }).toEqual({ moved: 2, refused: Array(18).fill('WipLimitExceeded') });
    expect(await cardCounts()).toEqual({ todo: 18, doing: 2, done: 0 });
    const doing = await cardsOf('doing');
    expect(doing.map(([id]) => id).sort()).toEqual(moved.map((card) => card.id).sort());
    const positions = await positionEntries();
    expect(positions.filter(([column]) => column === 'doing').map(([, position, cardId]) => [cardId, position]).sort()).toEqual(doing.sort());
    expect(positions).toHaveLength(20);
  });
});

describe('deleteCard', () => {
  it('deletes the card, its position and its comments, and counts it out', async () => {
    const card = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Doomed' });
    const keep = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Kept' });
    const commentKeys = [1, 2, 3].map((n) => ({ PK: `BOARD#${suite.boardId}`, SK: `CARD#${card.id}#COMMENT#0${n}` }));
    for (const key of commentKeys) await suite.fixture.table.transact({ comment: suite.fixture.table.put(key) });
    const deleted = await deleteCard({ ...context, actorId: 'editor-sub' }, { boardId: suite.boardId, id: card.id, expectedVersion: 1 });
    expect(deleted).toEqual({ ...card, updatedBy: 'editor-sub', lastChange: 'DELETED' });
    const items = await suite.fixture.partition(suite.boardId);
    expect(items.filter((item) => item.SK.startsWith(`CARD#${card.id}`) || (item.type === 'POSITION' && item.cardId === card.id))).toEqual([]);
    expect(await positionEntries()).toEqual([['todo', 'a1', keep.id]]);
    expect(await cardCounts()).toEqual({ todo: 1, doing: 0, done: 0 });
  });

  it('refuses a stale version and an unknown card', async () => {
    const card = await createCard(context, { boardId: suite.boardId, columnId: 'todo', title: 'Kept' });
    await expect(deleteCard(context, { boardId: suite.boardId, id: card.id, expectedVersion: 7 })).rejects.toEqual(
      new VersionConflictError(`Card ${card.id} is at version 1, not 7.`, card),
    );
    await expect(deleteCard(context, { boardId: suite.boardId, id: 'ghost' })).rejects.toEqual(new NotFoundError(`Card ghost does not exist on board ${suite.boardId}.`));
  });
});
