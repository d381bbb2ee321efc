/** Members: inviteMember, changeRole, removeMember, their role rules and the last-owner rule, through the API. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardApi, User } from '../support/board-api.js';
import { boardOf, CHANGE_ROLE, failed, INVITE, only, READ_BOARD, REMOVE_MEMBER, TIMESTAMP, unauthorized } from '../support/operations.js';

export function membersSuite(app: () => BoardApi): void {
  let owner: User;
  let editor: User;
  let viewer: User;
  let newcomer: User;

  beforeAll(async () => {
    [owner, editor, viewer, newcomer] = await Promise.all(['me-owner', 'me-editor', 'me-viewer', 'me-newcomer'].map((name) => app().user(name)));
  });

  const membership = (boardId: string, user: User, role: string, invitedBy: User, lastChange = 'CREATED') => ({
    boardId,
    userId: user.id,
    role,
    invitedBy: invitedBy.id,
    joinedAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    lastChange,
  });

  const roles = async (boardId: string) =>
    Object.fromEntries(only(await app().gql(owner, READ_BOARD, { id: boardId })).members.map((member: { userId: string; role: string }) => [member.userId, member.role]));

  const teamBoard = () =>
    boardOf(app(), owner, [
      [editor, 'EDITOR'],
      [viewer, 'VIEWER'],
    ]);

  describe('inviteMember', () => {
    it('lets an EDITOR invite an EDITOR; inviting again with the same role changes nothing', async () => {
      const board = await teamBoard();
      const invited = only(await app().gql(editor, INVITE, { boardId: board.id, userId: newcomer.id, role: 'EDITOR' }));
      expect(invited).toEqual(membership(board.id, newcomer, 'EDITOR', editor));
      expect(only(await app().gql(owner, INVITE, { boardId: board.id, userId: newcomer.id, role: 'EDITOR' }))).toEqual(invited);
      expect(only(await app().gql(newcomer, READ_BOARD, { id: board.id })).myRole).toBe('EDITOR');
    });

    it('refuses an EDITOR inviting an OWNER, a VIEWER inviting anyone, and a second invitation with another role', async () => {
      const board = await teamBoard();
      expect(await app().gql(editor, INVITE, { boardId: board.id, userId: newcomer.id, role: 'OWNER' })).toEqual(
        failed(INVITE, 'inviteMember', 'Unauthorized', 'An EDITOR cannot invite an OWNER.'),
      );
      expect(await app().gql(viewer, INVITE, { boardId: board.id, userId: newcomer.id, role: 'VIEWER' })).toEqual(
        failed(INVITE, 'inviteMember', 'Unauthorized', `This needs the EDITOR role on board ${board.id}; yours is VIEWER.`),
      );
      expect(await app().gql(newcomer, INVITE, { boardId: board.id, userId: newcomer.id, role: 'OWNER' })).toEqual(unauthorized(INVITE, 'inviteMember', 'Mutation'));
      expect(await app().gql(owner, INVITE, { boardId: board.id, userId: viewer.id, role: 'EDITOR' })).toEqual(
        failed(INVITE, 'inviteMember', 'AlreadyMember', `User ${viewer.id} is already a member of board ${board.id}, as VIEWER; use changeRole.`, membership(board.id, viewer, 'VIEWER', owner)),
      );
      expect(await roles(board.id)).toEqual({ [owner.id]: 'OWNER', [editor.id]: 'EDITOR', [viewer.id]: 'VIEWER' });
    });
  });

  describe('changeRole', () => {
    it('lets an OWNER promote and demote, but never the last OWNER', async () => {
      const board = await teamBoard();
      expect(only(await app().gql(owner, CHANGE_ROLE, { boardId: board.id, userId: viewer.id, role: 'OWNER' }))).toEqual(
        membership(board.id, viewer, 'OWNER', owner, 'UPDATED'),
      );
      only(await app().gql(viewer, CHANGE_ROLE, { boardId: board.id, userId: owner.id, role: 'VIEWER' }));
      expect(await app().gql(viewer, CHANGE_ROLE, { boardId: board.id, userId: viewer.id, role: 'EDITOR' })).toEqual(
        failed(CHANGE_ROLE, 'changeRole', 'LastOwner', `The last OWNER of board ${board.id} cannot be demoted.`),
      );
      expect(await roles(board.id)).toEqual({ [owner.id]: 'VIEWER', [editor.id]: 'EDITOR', [viewer.id]: 'OWNER' });
    });

    it('is for OWNERs only, about members only', async () => {
      const board = await teamBoard();
      expect(await app().gql(editor, CHANGE_ROLE, { boardId: board.id, userId: viewer.id, role: 'EDITOR' })).toEqual(
        failed(CHANGE_ROLE, 'changeRole', 'Unauthorized', `This needs the OWNER role on board ${board.id}; yours is EDITOR.`),
      );
      expect(await app().gql(owner, CHANGE_ROLE, { boardId: board.id, userId: newcomer.id, role: 'EDITOR' })).toEqual(
        failed(CHANGE_ROLE, 'changeRole', 'NotFound', `User ${newcomer.id} is not a member of board ${board.id}.`),
      );
    });
  });

  describe('removeMember', () => {
    it('lets an OWNER remove a member, who then sees nothing of the board', async () => {
      const board = await teamBoard();
      expect(only(await app().gql(owner, REMOVE_MEMBER, { boardId: board.id, userId: editor.id }))).toEqual(membership(board.id, editor, 'EDITOR', owner, 'DELETED'));
      expect(await app().gql(editor, READ_BOARD, { id: board.id })).toEqual(unauthorized(READ_BOARD, 'board'));
      expect(await roles(board.id)).toEqual({ [owner.id]: 'OWNER', [viewer.id]: 'VIEWER' });
    });

    it('lets a member leave but not remove others, and keeps the last OWNER', async () => {
      const board = await teamBoard();
      expect(await app().gql(editor, REMOVE_MEMBER, { boardId: board.id, userId: viewer.id })).toEqual(
        failed(REMOVE_MEMBER, 'removeMember', 'Unauthorized', 'Only an OWNER can remove other members.'),
      );
      only(await app().gql(viewer, REMOVE_MEMBER, { boardId: board.id, userId: viewer.id }));
      expect(await app().gql(owner, REMOVE_MEMBER, { boardId: board.id, userId: owner.id })).toEqual(
        failed(REMOVE_MEMBER, 'removeMember', 'LastOwner', `The last OWNER of board ${board.id} cannot be removed.`),
      );
      expect(await roles(board.id)).toEqual({ [owner.id]: 'OWNER', [editor.id]: 'EDITOR' });
    });
  });
}
