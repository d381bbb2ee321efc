/**
 * Deleting a board and everything under it (its partition: columns, cards, comments, positions,
 * activity, memberships) in batches, resumably:
 *
 * 1. the board is marked DELETING;
 * 2. the other members' memberships go first, so that nobody else can write to the board any more
 *    (every board-scoped resolver starts by reading the caller's membership); each ended membership is
 *    announced to its member;
 * 3. the partition is swept page by page (strongly consistent reads) and deleted 25 items at a time,
 *    except the board item and the caller's membership, which keep the board deletable by them if the
 *    work is interrupted; the sweep repeats (at most MAX_SWEEPS times) until it finds nothing, which also catches a write
 *    that was already under way when the memberships went;
 * 4. last, the caller's membership and the board item go together in one transaction.
 *
 * When the invocation runs short of time the work stops between pages and the board is answered as
 * DELETING; calling deleteBoard again continues where it stopped (what is gone stays gone).
 */
import type { BoardTable } from './board-table.js';
import { NotFoundError } from './errors.js';
import type { BoardEvents } from './events.js';
import { boardPk, boardView, MEMBER_SK_PREFIX, memberSk, memberView, META_SK, type BoardItem, type BoardView, type MemberItem, type TableKey } from './model.js';

export interface CascadeContext {
  table: BoardTable;
  events: BoardEvents;
  now: () => string;
  /** The caller (an OWNER: the resolver checked it). */
  actorId: string;
  /** Milliseconds left before the invocation must have answered. */
  remainingMs: () => number;
  /** Stop starting pages when fewer milliseconds than this are left. Default 3000. */
  reserveMs?: number;
  /** Items read per page. Default 100. */
  pageSize?: number;
}

/** What the cascade reads of each item: its key, and what announcing an ended membership needs. */
type PartitionItem = TableKey & Partial<MemberItem> & { type: string };

export async function deleteBoard(context: CascadeContext, boardId: string): Promise<BoardView> {
  const { table, actorId } = context;
  const board = await table.board(boardId);
  if (!board) throw new NotFoundError(`Board ${boardId} does not exist.`);
  const deleting = board.status === 'DELETING' ? board : await markDeleting(context, board);
  const kept = new Set([META_SK, memberSk(actorId)]);
  if ((await sweepPartition(context, boardId, kept, MEMBER_SK_PREFIX)) === OUT_OF_TIME) return boardView(deleting);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep += 1) {
    const deleted = await sweepPartition(context, boardId, kept);
    if (deleted === OUT_OF_TIME) return boardView(deleting);
    if (deleted === 0) break;
  }

  const caller = await table.member(boardId, actorId);
  const outcome = await table.transact({
    board: table.deleteItem(deleting),
    caller: caller ? table.deleteItem(caller) : undefined,
  });
  if (!outcome.committed) throw new Error(`deleteBoard: the final transaction was cancelled (${JSON.stringify(outcome.failed)})`);
  if (caller) await announceEndedMemberships(context, [caller]);
  return { ...boardView(deleting), status: 'DELETED', updatedAt: context.now() };
}

/** Sweeps of the whole partition at most: each one that still found something is followed by another. */
const MAX_SWEEPS = 4;
const OUT_OF_TIME = 'out of time';

/**
 * Deletes every item of the partition (or of its keys starting with `prefix`) but the `kept` ones, page by
 * page; answers how many it deleted, or that time ran short.
 */
async function sweepPartition(context: CascadeContext, boardId: string, kept: Set<string>, prefix?: string): Promise<number | typeof OUT_OF_TIME> {
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    if (context.remainingMs() < (context.reserveMs ?? 3000)) return OUT_OF_TIME;
    const page = await context.table.queryPage<PartitionItem>(
      {
        KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
        ExpressionAttributeValues: { ':pk': boardPk(boardId), ...(prefix ? { ':prefix': prefix } : {}) },
        ProjectionExpression: 'PK, SK, #type, boardId, userId, #role, invitedBy, joinedAt, updatedAt, lastChange',
        ExpressionAttributeNames: { '#type': 'type', '#role': 'role' },
        ConsistentRead: true,
        Limit: context.pageSize ?? 100,
      },
      startKey,
    );
    const doomed = page.items.filter((item) => !kept.has(item.SK));
    await context.table.deleteAll(doomed);
    await announceEndedMemberships(context, doomed.filter((item) => item.type === 'MEMBER') as MemberItem[]);
    deleted += doomed.length;
    startKey = page.nextKey;
  } while (startKey);
  return deleted;
}

async function markDeleting(context: CascadeContext, board: BoardItem): Promise<BoardItem> {
  return context.table.update<BoardItem>({
    Key: { PK: board.PK, SK: board.SK },
    UpdateExpression: 'SET #status = :deleting, updatedAt = :now',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':deleting': 'DELETING', ':now': context.now() },
  });
}

async function announceEndedMemberships(context: CascadeContext, members: MemberItem[]): Promise<void> {
  const now = context.now();
  await Promise.all(members.map((member) => context.events.membershipChanged({ ...memberView(member), updatedAt: now, lastChange: 'DELETED' })));
}
