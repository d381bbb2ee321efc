/** Writes the new column (at `ctx.stash.columnPosition`) and its activity entry in one transaction; answers the column. */
import { util, type Context } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import { boardChange, logActivity } from '../lib/board-change.js';
import { boardPk, columnSk } from '../lib/keys.js';

export function request(ctx: Context) {
  const { input } = ctx.args;
  const change = boardChange(ctx);
  const id = util.autoUlid();
  const column = {
    id,
    boardId: change.boardId,
    name: ctx.stash.name,
    position: ctx.stash.columnPosition,
    ...(input.wipLimit ? { wipLimit: input.wipLimit } : {}),
    cardCount: 0,
    lastChange: 'CREATED',
    createdAt: change.at,
    updatedAt: change.at,
  };
  ctx.stash.column = column;
  return transactWrite({
    items: [
      { putItem: { table: change.table, key: { PK: boardPk(change.boardId), SK: columnSk(id) }, item: { type: 'COLUMN', ...column }, condition: { PK: { attributeExists: false } } } },
      logActivity(change, 'COLUMN_ADDED', { columnId: id }),
    ],
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.stash.column;
}
