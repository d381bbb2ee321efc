/**
 * Creates a board in one TransactWriteItems: the board, the caller's OWNER membership (indexed for
 * "my boards"), three default columns and the activity entry. The board keeps `ownerCount` (for the
 * last-owner rule) and `columnSeq` (the next column's position).
 */
import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import { activityPut } from './lib/activity.js';
import { refuseBadRequest } from './lib/bad-request.js';
import { boardDescriptionProblem, boardNameProblem } from './lib/input-rules.js';
import { boardPk, columnSk, memberSk, META_SK, userGsiPk } from './lib/keys.js';

const DEFAULT_COLUMNS = [{ name: 'To do' }, { name: 'Doing', wipLimit: 3 }, { name: 'Done' }];

export function request(ctx: Context) {
  const { input } = ctx.args;
  const { sub } = ctx.identity as AppSyncIdentityCognito;
  const name = input.name.trim();
  refuseBadRequest(boardNameProblem(name));
  refuseBadRequest(boardDescriptionProblem(input.description));
  const table = ctx.env.TABLE_NAME;
  const now = util.time.nowISO8601();
  const boardId = util.autoUlid();
  const pk = boardPk(boardId);
  const board = {
    id: boardId,
    name,
    ...(input.description ? { description: input.description } : {}),
    status: 'ACTIVE',
    createdBy: sub,
    createdAt: now,
    updatedAt: now,
  };
  ctx.stash.board = board;
  const columns = DEFAULT_COLUMNS.map((column, position) => {
    const id = util.autoUlid();
    return {
      putItem: {
        table,
        key: { PK: pk, SK: columnSk(id) },
        item: { type: 'COLUMN', id, boardId, ...column, position, cardCount: 0, lastChange: 'CREATED', createdAt: now, updatedAt: now },
      },
    };
  });
  return transactWrite({
    items: [
      {
        putItem: {
          table,
          key: { PK: pk, SK: META_SK },
          item: { type: 'BOARD', ...board, ownerCount: 1, columnSeq: DEFAULT_COLUMNS.length },
          condition: { PK: { attributeExists: false } },
        },
      },
      {
        putItem: {
          table,
          key: { PK: pk, SK: memberSk(sub) },
          item: {
            type: 'MEMBER',
            GSI1PK: userGsiPk(sub),
            GSI1SK: pk,
            boardId,
            userId: sub,
            role: 'OWNER',
            invitedBy: sub,
            joinedAt: now,
            updatedAt: now,
            lastChange: 'CREATED',
          },
        },
      },
      ...columns,
      activityPut(table, { boardId, action: 'BOARD_CREATED', actorId: sub }, util.autoUlid(), now, util.time.nowEpochSeconds()),
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { ...ctx.stash.board, myRole: 'OWNER' };
}
