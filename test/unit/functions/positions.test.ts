import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../functions/lib/errors.js';
import { alreadyPlaced, boundsFor, positionWithin, type NeighbourLookup, type Placement } from '../../../functions/lib/positions.js';

/** A column held in memory, in position order, answering like the board table's position index. */
function columnOf(columnId: string, cards: Array<[cardId: string, position: string]>): { lookup: NeighbourLookup; placement: (cardId: string) => Placement } {
  const placements = cards.map(([cardId, position]) => ({ cardId, columnId, position }));
  return {
    placement: (cardId) => placements.find((placement) => placement.cardId === cardId)!,
    lookup: {
      following: async (column, position) => placements.filter((p) => p.columnId === column && p.position > position).slice(0, 2),
      preceding: async (column, position) =>
        placements
          .filter((p) => p.columnId === column && (position === null || p.position < position))
          .reverse()
          .slice(0, 2),
    },
  };
}

const todo = columnOf('todo', [
  ['a', 'a0'],
  ['b', 'a1'],
  ['c', 'a2'],
]);

describe('boundsFor', () => {
  it('appends to the end of the column when no anchor is given', async () => {
    expect(await boundsFor(todo.lookup, { columnId: 'todo' })).toEqual({ above: 'a2', below: null });
  });

  it('starts an empty column from nothing', async () => {
    expect(await boundsFor(columnOf('empty', []).lookup, { columnId: 'empty' })).toEqual({ above: null, below: null });
  });

  it('places after a card, before the card that follows it', async () => {
    expect(await boundsFor(todo.lookup, { columnId: 'todo', after: todo.placement('a') })).toEqual({ above: 'a0', below: 'a1' });
  });

  it('places after the last card at the end', async () => {
    expect(await boundsFor(todo.lookup, { columnId: 'todo', after: todo.placement('c') })).toEqual({ above: 'a2', below: null });
  });

  it('places before a card, after the card that precedes it', async () => {
    expect(await boundsFor(todo.lookup, { columnId: 'todo', before: todo.placement('b') })).toEqual({ above: 'a0', below: 'a1' });
  });

  it('places before the first card at the top', async () => {
    expect(await boundsFor(todo.lookup, { columnId: 'todo', before: todo.placement('a') })).toEqual({ above: null, below: 'a0' });
  });

  it('places between two named cards', async () => {
    expect(await boundsFor(todo.lookup, { columnId: 'todo', after: todo.placement('a'), before: todo.placement('c') })).toEqual({ above: 'a0', below: 'a2' });
  });

  it('skips the moving card itself when it is the neighbour', async () => {
    // moving a (a0) to after b: the card following b is c, a is not in the way
    expect(await boundsFor(todo.lookup, { columnId: 'todo', after: todo.placement('b'), moving: todo.placement('a') })).toEqual({ above: 'a1', below: 'a2' });
    // moving c (the last card) to the end: it is skipped, the end is after b
    expect(await boundsFor(todo.lookup, { columnId: 'todo', moving: todo.placement('c') })).toEqual({ above: 'a1', below: null });
  });

  it('refuses a card placed relative to itself', async () => {
    await expect(boundsFor(todo.lookup, { columnId: 'todo', after: todo.placement('a'), moving: todo.placement('a') })).rejects.toEqual(
      new InvalidInputError('A card cannot be placed relative to itself.'),
    );
  });

  it('refuses an anchor from another column', async () => {
    const other = { cardId: 'x', columnId: 'done', position: 'a0' };
    await expect(boundsFor(todo.lookup, { columnId: 'todo', before: other })).rejects.toEqual(new InvalidInputError('Card x is not in column todo.'));
  });

  it('refuses anchors in the wrong order', async () => {
    await expect(boundsFor(todo.lookup, { columnId: 'todo', after: todo.placement('c'), before: todo.placement('a') })).rejects.toEqual(
      new InvalidInputError('Card c does not come before card a.'),
    );
  });
});

describe('alreadyPlaced', () => {
  it('is true when the moving card already sits between the bounds of its own column', () => {
    expect(alreadyPlaced({ columnId: 'todo', moving: todo.placement('b') }, { above: 'a0', below: 'a2' })).toBe(true);
    expect(alreadyPlaced({ columnId: 'todo', moving: todo.placement('c') }, { above: 'a1', below: null })).toBe(true);
  });

  it('is false outside the bounds, for another column, and when creating', () => {
    expect(alreadyPlaced({ columnId: 'todo', moving: todo.placement('a') }, { above: 'a1', below: 'a2' })).toBe(false);
    expect(alreadyPlaced({ columnId: 'done', moving: todo.placement('a') }, { above: null, below: null })).toBe(false);
    expect(alreadyPlaced({ columnId: 'todo' }, { above: null, below: null })).toBe(false);
  });
});

describe('positionWithin', () => {
  it('gives fractional indexes strictly between the bounds, ordered as strings', () => {
    expect(positionWithin({ above: null, below: null })).toBe('a0');
    expect(positionWithin({ above: 'a0', below: null })).toBe('a1');
    expect(positionWithin({ above: null, below: 'a0' })).toBe('Zz');
    expect(positionWithin({ above: 'a0', below: 'a1' })).toBe('a0V');
  });

  it('always finds room: 50 insertions right after the same card keep the column strictly ordered', () => {
    const column = ['a0', 'a1'];
    for (let insertion = 0; insertion < 50; insertion += 1) column.splice(1, 0, positionWithin({ above: column[0]!, below: column[1]! }));
    expect(column).toHaveLength(52);
    expect([...column].sort()).toEqual(column);
    expect(new Set(column).size).toBe(52);
  });

  it('spreads a retrying writer over 64 evenly spaced positions between the same bounds', () => {
    const bounds = { above: 'a0', below: 'a1' };
    const draws = [0, 0.25, 0.5, 0.999].map((value) => positionWithin(bounds, { random: () => value }));
    expect(draws).toEqual(['a00V', 'a0G', 'a0V', 'a0zV']);
    expect(draws.every((position) => position > 'a0' && position < 'a1')).toBe(true);
    expect(positionWithin({ above: 'a5', below: null }, { random: () => 0 })).toBe('a6');
  });
});
