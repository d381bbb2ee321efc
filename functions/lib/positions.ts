/**
 * Where a card goes in a column: the bounds it must sort between, from the request's anchors
 * (`afterCardId`, `beforeCardId`, or neither: the end of the column), and a fractional index between
 * them (`fractional-indexing`: keys that sort as strings, with always a key between two others).
 *
 * Neighbours come from a `NeighbourLookup`, which the board table answers with strongly consistent
 * reads of the column's position entries. The card being moved is skipped wherever it shows up, so a
 * card can be moved within its own column.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { InvalidInputError } from './errors.js';

/** Where one card sits. */
export interface Placement {
  cardId: string;
  columnId: string;
  position: string;
}

/** The cards of a column nearest to a position, nearest first, at most two (enough to skip the moving card). */
export interface NeighbourLookup {
  /** Cards strictly after `position`. */
  following(columnId: string, position: string): Promise<Placement[]>;
  /** Cards strictly before `position`; `null` means from the end of the column. */
  preceding(columnId: string, position: string | null): Promise<Placement[]>;
}

export interface PlacementRequest {
  columnId: string;
  /** The card the new position follows, if the request named one. */
  after?: Placement;
  /** The card the new position precedes, if the request named one. */
  before?: Placement;
  /** The card being moved (absent when creating one). */
  moving?: Placement;
}

/** The new position sorts strictly between `above` and `below` (`null`: the top or bottom of the column). */
export interface Bounds {
  above: string | null;
  below: string | null;
}

export async function boundsFor(lookup: NeighbourLookup, request: PlacementRequest): Promise<Bounds> {
  const { columnId, after, before, moving } = request;
  for (const anchor of [after, before]) {
    if (anchor === undefined) continue;
    if (moving !== undefined && anchor.cardId === moving.cardId) throw new InvalidInputError('A card cannot be placed relative to itself.');
    if (anchor.columnId !== columnId) throw new InvalidInputError(`Card ${anchor.cardId} is not in column ${columnId}.`);
  }
  const others = (placements: Placement[]) => placements.find((placement) => placement.cardId !== moving?.cardId)?.position ?? null;
  if (after && before) {
    if (after.position >= before.position) throw new InvalidInputError(`Card ${after.cardId} does not come before card ${before.cardId}.`);
    return { above: after.position, below: before.position };
  }
  if (after) return { above: after.position, below: others(await lookup.following(columnId, after.position)) };
  if (before) return { above: others(await lookup.preceding(columnId, before.position)), below: before.position };
  return { above: others(await lookup.preceding(columnId, null)), below: null };
}

/** True when the moving card already sits within `bounds` in the target column: moving it changes nothing. */
export function alreadyPlaced(request: PlacementRequest, bounds: Bounds): boolean {
  const { moving } = request;
  if (moving === undefined || moving.columnId !== request.columnId) return false;
  return (bounds.above === null || bounds.above < moving.position) && (bounds.below === null || moving.position < bounds.below);
}

/** How many evenly spaced candidates a spread position is drawn from. */
const SPREAD_CANDIDATES = 64;

/**
 * A fractional index strictly between the bounds: the midpoint, or (`spread`, for a writer that just
 * lost a race for the midpoint) one of 64 evenly spaced indexes drawn at random, so that writers who
 * saw the same neighbours stop choosing the same position.
 */
export function positionWithin(bounds: Bounds, spread?: { random: () => number }): string {
  if (!spread) return generateKeyBetween(bounds.above, bounds.below);
  const candidates = generateNKeysBetween(bounds.above, bounds.below, SPREAD_CANDIDATES);
  return candidates[Math.floor(spread.random() * SPREAD_CANDIDATES)]!;
}
