/**
 * The task-board app end to end on the local runtime: its own definition (infra/definition.ts), real
 * HTTP and WebSocket clients, real tokens from the local Cognito issuer, the real Lambda bundles and
 * DynamoDB Local. One API serves every suite (starting it builds every resolver and function once);
 * the suites live in ./suites, one concern each, and use users of their own.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { startBoardApi, type BoardApi } from './support/board-api.js';
import { boardsSuite } from './suites/boards.js';
import { cardsSuite } from './suites/cards.js';
import { columnsSuite } from './suites/columns.js';
import { concurrencySuite } from './suites/concurrency.js';
import { deleteBoardSuite } from './suites/delete-board.js';
import { membersSuite } from './suites/members.js';
import { seedSuite } from './suites/seed.js';
import { subscriptionsSuite } from './suites/subscriptions.js';

let board: BoardApi | undefined;
const app = (): BoardApi => {
  if (!board) throw new Error('the board API did not start');
  return board;
};

beforeAll(async () => {
  board = await startBoardApi();
}, 120_000);

afterAll(async () => {
  await board?.close();
});

describe('boards', () => boardsSuite(app));
describe('columns', () => columnsSuite(app));
describe('cards', () => cardsSuite(app));
describe('members', () => membersSuite(app));
describe('deleting a board', () => deleteBoardSuite(app));
describe('concurrency', () => concurrencySuite(app));
describe('live updates', () => subscriptionsSuite(app));
describe('demo data', () => seedSuite(app));
