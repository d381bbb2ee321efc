/**
 * Board functions against a real table: the app's board table (from `infra/definition.ts`) on the
 * run's DynamoDB Local, boards written item by item, a fixed clock and predictable ids, and events
 * recorded instead of published.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { BoardTable } from '../../../functions/lib/board-table.js';
import type { Role } from '../../../functions/lib/domain.js';
import type { BoardEvents } from '../../../functions/lib/events.js';
import {
  boardPk,
  columnSk,
  memberSk,
  META_SK,
  userGsiPk,
  type BoardItem,
  type CardView,
  type ColumnItem,
  type ColumnView,
  type MemberItem,
  type MemberView,
  type TableKey,
} from '../../../functions/lib/model.js';
import { definition } from '../../../infra/definition.js';
import { createSuiteTables, type SuiteTables } from '../../support/tables.js';

export const NOW = '2026-11-23T12:00:00.000Z';

export interface BoardFixture {
  suite: SuiteTables;
  table: BoardTable;
  /** Every item of a board's partition, in key order. */
  partition(boardId: string): Promise<Array<TableKey & Record<string, unknown>>>;
}

export async function boardFixture(label: string): Promise<BoardFixture> {
  const suite = await createSuiteTables(label, definition.tables);
  const table = new BoardTable(suite.physicalName('board'), suite.client);
  return {
    suite,
    table,
    partition: (boardId) =>
      table.queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': boardPk(boardId) }, ConsistentRead: true }),
  };
}

/** `01TEST00…0001`, `…0002`, …: ULID-shaped, sorting in creation order. */
export function sequentialIds(prefix = '01TEST'): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${String(next).padStart(26 - prefix.length, '0')}`;
  };
}

export interface RecordedEvents extends BoardEvents {
  cards: CardView[];
  columns: ColumnView[];
  memberships: MemberView[];
}

export function recordingEvents(): RecordedEvents {
  const recorded: RecordedEvents = {
    cards: [],
    columns: [],
    memberships: [],
    cardChanged: async (card) => void recorded.cards.push(card),
    columnChanged: async (column) => void recorded.columns.push(column),
    membershipChanged: async (member) => void recorded.memberships.push(member),
  };
  return recorded;
}

export interface BoardSpec {
  boardId: string;
  members: Array<{ userId: string; role: Role }>;
  columns?: Array<{ id: string; name: string; wipLimit?: number }>;
}

/** Writes a board as createBoard leaves it (plus extra members and the given columns). */
export async function writeBoard(table: BoardTable, spec: BoardSpec): Promise<void> {
  const pk = boardPk(spec.boardId);
  const board: BoardItem = {
    PK: pk,
    SK: META_SK,
    type: 'BOARD',
    id: spec.boardId,
    name: 'Fixture board',
    status: 'ACTIVE',
    createdBy: spec.members[0]!.userId,
    createdAt: NOW,
    updatedAt: NOW,
    ownerCount: spec.members.filter((member) => member.role === 'OWNER').length,
    columnSeq: spec.columns?.length ?? 0,
  };
  const members = spec.members.map(
    ({ userId, role }): MemberItem => ({
      PK: pk,
      SK: memberSk(userId),
      type: 'MEMBER',
      GSI1PK: userGsiPk(userId),
      GSI1SK: pk,
      boardId: spec.boardId,
      userId,
      role,
      invitedBy: spec.members[0]!.userId,
      joinedAt: NOW,
      updatedAt: NOW,
      lastChange: 'CREATED',
    }),
  );
  const columns = (spec.columns ?? []).map(
    ({ id, name, wipLimit }, position): ColumnItem => ({
      PK: pk,
      SK: columnSk(id),
      type: 'COLUMN',
      id,
      boardId: spec.boardId,
      name,
      position,
      ...(wipLimit === undefined ? {} : { wipLimit }),
      cardCount: 0,
      lastChange: 'CREATED',
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
  const outcome = await table.transact(Object.fromEntries([board, ...members, ...columns].map((item, index) => [`item${index}`, table.put(item)])));
  if (!outcome.committed) throw new Error(`writeBoard: ${JSON.stringify(outcome.failed)}`);
}

/** What a board-function suite works with; read inside tests and hooks (the hooks set it). */
export interface BoardSuite {
  readonly fixture: BoardFixture;
  /** This test's board: `board-<n>`, new for each test. */
  readonly boardId: string;
  /** This test's events (a new recorder for each test). */
  readonly events: RecordedEvents;
}

/**
 * The set-up every board-function suite shares: the board table for the file (`boardFixture(label)`,
 * dropped after the file's tests), and before each test a new board written from `spec` and a new event
 * recorder. A suite's own `beforeEach` hooks, registered after this call, run after the board is written.
 */
export function boardSuite(label: string, spec: Omit<BoardSpec, 'boardId'>): BoardSuite {
  let fixture: BoardFixture | undefined;
  let boardNumber = 0;
  let boardId: string | undefined;
  let events: RecordedEvents | undefined;
  beforeAll(async () => {
    fixture = await boardFixture(label);
  });
  afterAll(() => fixture?.suite.drop());
  beforeEach(async () => {
    boardNumber += 1;
    boardId = `board-${boardNumber}`;
    await writeBoard(setUp(fixture, 'fixture').table, { boardId, ...spec });
    events = recordingEvents();
  });
  return {
    get fixture() {
      return setUp(fixture, 'fixture');
    },
    get boardId() {
      return setUp(boardId, 'boardId');
    },
    get events() {
      return setUp(events, 'events');
    },
  };
}

function setUp<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`boardSuite: ${name} is set by the suite's hooks; read it inside a test or hook`);
  return value;
}
