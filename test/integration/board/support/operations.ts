/**
 * The board's GraphQL operations as the tests use them: every field of each type selected (so that
 * answers are compared whole), a few steps that many tests start from, and the exact shape of the
 * errors the API answers (appsync-graphql-engine.md §1.2).
 */
import { expect } from 'vitest';
import type { BoardApi, GraphQLAnswer, User } from './board-api.js';

export const BOARD_FIELDS = 'id name description status createdBy createdAt updatedAt myRole';
export const COLUMN_FIELDS = 'id boardId name position wipLimit cardCount lastChange createdAt updatedAt';
export const CARD_FIELDS = 'id boardId columnId title description assigneeId labels dueAt position version createdBy updatedBy createdAt updatedAt lastChange';
export const COMMENT_FIELDS = 'id boardId cardId authorId text createdAt';
export const MEMBER_FIELDS = 'boardId userId role invitedBy joinedAt updatedAt lastChange';
export const ACTIVITY_FIELDS = 'id boardId action actorId cardId columnId userId at';
export const FULL_BOARD = `${BOARD_FIELDS} columns { ${COLUMN_FIELDS} cards { ${CARD_FIELDS} comments { ${COMMENT_FIELDS} } } } members { ${MEMBER_FIELDS} }`;

/** ULIDs: 26 Crockford base32 characters. */
export const ULID = expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
/** `util.time.nowISO8601()` and `Date.toISOString()` timestamps. */
export const TIMESTAMP = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

export const CREATE_BOARD = `mutation CreateBoard($input: CreateBoardInput!) { createBoard(input: $input) { ${BOARD_FIELDS} } }`;
export const READ_BOARD = `query Board($id: ID!) { board(id: $id) { ${FULL_BOARD} } }`;
export const CREATE_CARD = `mutation CreateCard($input: CreateCardInput!) { createCard(input: $input) { ${CARD_FIELDS} } }`;
export const UPDATE_CARD = `mutation UpdateCard($input: UpdateCardInput!) { updateCard(input: $input) { ${CARD_FIELDS} } }`;
export const MOVE_CARD = `mutation MoveCard($input: MoveCardInput!) { moveCard(input: $input) { ${CARD_FIELDS} } }`;
export const DELETE_CARD = `mutation DeleteCard($boardId: ID!, $id: ID!, $expectedVersion: Int) { deleteCard(boardId: $boardId, id: $id, expectedVersion: $expectedVersion) { ${CARD_FIELDS} } }`;
export const INVITE = `mutation Invite($boardId: ID!, $userId: ID!, $role: Role!) { inviteMember(boardId: $boardId, userId: $userId, role: $role) { ${MEMBER_FIELDS} } }`;
export const CHANGE_ROLE = `mutation ChangeRole($boardId: ID!, $userId: ID!, $role: Role!) { changeRole(boardId: $boardId, userId: $userId, role: $role) { ${MEMBER_FIELDS} } }`;
export const REMOVE_MEMBER = `mutation Remove($boardId: ID!, $userId: ID!) { removeMember(boardId: $boardId, userId: $userId) { ${MEMBER_FIELDS} } }`;
export const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT_FIELDS} } }`;

/** The first field of a one-field answer, failing the test on any error. */
export function only(answer: GraphQLAnswer): any {
  expect(answer.errors).toBeUndefined();
  return Object.values(answer.data ?? {})[0];
}

export interface TestBoard {
  id: string;
  /** The default columns by name. */
  columns: { todo: string; doing: string; done: string };
}

/** A board created by `owner` (with its default columns), and members invited with their roles. */
export async function boardOf(app: BoardApi, owner: User, members: Array<[User, 'OWNER' | 'EDITOR' | 'VIEWER']> = [], name = 'Test board'): Promise<TestBoard> {
  const created = only(await app.gql(owner, CREATE_BOARD, { input: { name } }));
  const board = only(await app.gql(owner, READ_BOARD, { id: created.id }));
  for (const [user, role] of members) only(await app.gql(owner, INVITE, { boardId: created.id, userId: user.id, role }));
  const [todo, doing, done] = board.columns.map((column: { id: string }) => column.id);
  return { id: created.id, columns: { todo, doing, done } };
}

export async function cardOn(app: BoardApi, user: User, board: TestBoard, fields: Record<string, unknown> = {}): Promise<any> {
  return only(await app.gql(user, CREATE_CARD, { input: { boardId: board.id, columnId: board.columns.todo, title: 'A card', ...fields } }));
}

/** Where `field` (its name, first occurrence) stands in `query`: AppSync's `locations` entry. */
export function locationOf(query: string, field: string): { line: number; column: number; sourceName: null } {
  const offset = new RegExp(`\\b${field}\\s*[({]`).exec(query)?.index ?? -1;
  if (offset < 0) throw new Error(`locationOf: ${field} is not in the query`);
  const before = query.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1, sourceName: null };
}

/** The answer of a one-field operation that failed with a resolver error. */
export function failed(query: string, field: string, errorType: string, message: string, data: unknown = null, errorInfo: unknown = null): GraphQLAnswer {
  return {
    data: { [field]: null },
    errors: [{ path: [field], data, errorType, errorInfo, locations: [locationOf(query, field)], message }],
  };
}

/** AppSync's answer for a field the caller may not read (a non-member, `util.unauthorized()`). */
export function unauthorized(query: string, field: string, parentType = 'Query'): GraphQLAnswer {
  return failed(query, field, 'Unauthorized', `Not Authorized to access ${field} on type ${parentType}`);
}
