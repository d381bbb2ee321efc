/**
 * `liveboard seed [--url URL] [--data-dir DIR] [--ttl 12h]`: loads a demo board into a running local API,
 * over HTTP like any client, and prints a token for each of its two users, so that a new user sees live
 * updates within a minute of `npm start` (issue: the task-board app, "Demo data").
 *
 * The users are `alice` (OWNER) and `bob` (EDITOR) of the local Cognito pool kept in the data folder
 * (the one `liveboard start` uses: `--data-dir`, else `LIVEBOARD_DATA_DIR`, else `.liveboard`; so their tokens are accepted). Seeding is idempotent: when alice
 * already has the demo board, it is left as it is and only the tokens are printed.
 */
import { parseArgs } from 'node:util';
import { loadLocalUserPool, subjectFor } from '../auth/local-user-pool.js';
import { dataDirFrom } from './data-dir.js';
import { parseTtl } from './token.js';

const USAGE = 'usage: liveboard seed [--url URL] [--data-dir DIR] [--ttl 12h]';
const DEMO_BOARD = 'Liveboard demo';

interface DemoUser {
  name: string;
  id: string;
  token: string;
}

/** The demo board's cards, top to bottom in each column. */
const DEMO_CARDS: Array<{ column: 'To do' | 'Doing' | 'Done'; title: string; labels?: string[]; assignee?: 'alice' | 'bob'; dueInDays?: number; comments?: string[] }> = [
  { column: 'To do', title: 'Open GraphiQL and run the board query', labels: ['demo'], assignee: 'bob' },
  { column: 'To do', title: 'Subscribe to onCardChanged as bob', labels: ['demo', 'realtime'], assignee: 'bob', dueInDays: 1 },
  { column: 'To do', title: 'Move a card as alice and watch it arrive', labels: ['realtime'], assignee: 'alice', dueInDays: 2 },
  { column: 'Doing', title: 'Write the release notes', labels: ['docs'], assignee: 'alice', dueInDays: 7, comments: ['Draft is in the wiki.', 'Add the benchmark figures.'] },
  { column: 'Doing', title: 'Review the CDK stack', labels: ['infra'], assignee: 'bob' },
  { column: 'Done', title: 'Set up DynamoDB Local', labels: ['infra'], comments: ['Runs offline, no AWS account needed.'] },
];

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql` },
        'data-dir': { type: 'string' },
        ttl: { type: 'string', default: '12h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  const ttlSeconds = parseTtl(values.ttl);
  if (ttlSeconds === undefined) return fail(`--ttl must look like 3600, 90s, 15m, 12h or 7d, not '${values.ttl}'`);

  const pool = await loadLocalUserPool(dataDirFrom(values['data-dir'], process.env));
  const user = async (name: string): Promise<DemoUser> => ({ name, id: subjectFor(pool.userPoolId, name), token: await pool.mint({ username: name, ttlSeconds }) });
  const [alice, bob] = await Promise.all([user('alice'), user('bob')]);
  const api = new DemoClient(values.url);
  try {
    const existing = await api.findBoard(alice, DEMO_BOARD);
    const boardId = existing ?? (await createDemoBoard(api, alice, bob));
    printSummary(values.url, boardId, existing !== undefined, [
      [alice, 'OWNER'],
      [bob, 'EDITOR'],
    ]);
    return 0;
  } catch (error) {
    return fail(`could not seed the API at ${values.url}: ${(error as Error).message}`, 1);
  }
}

async function createDemoBoard(api: DemoClient, alice: DemoUser, bob: DemoUser): Promise<string> {
  const board = await api.call<{ id: string }>(alice, 'mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }', {
    input: { name: DEMO_BOARD, description: 'Demo data from `liveboard seed`: alice owns the board, bob edits it.' },
  });
  await api.call(alice, 'mutation($boardId: ID!, $userId: ID!) { inviteMember(boardId: $boardId, userId: $userId, role: EDITOR) { userId } }', {
    boardId: board.id,
    userId: bob.id,
  });
  const { columns } = await api.call<{ columns: Array<{ id: string; name: string }> }>(alice, 'query($id: ID!) { board(id: $id) { columns { id name } } }', { id: board.id });
  const columnId = (name: string): string => columns.find((column) => column.name === name)!.id;
  const users = { alice, bob };
  for (const card of DEMO_CARDS) {
    const created = await api.call<{ id: string }>(alice, 'mutation($input: CreateCardInput!) { createCard(input: $input) { id } }', {
      input: {
        boardId: board.id,
        columnId: columnId(card.column),
        title: card.title,
        labels: card.labels ?? [],
        ...(card.assignee ? { assigneeId: users[card.assignee].id } : {}),
        ...(card.dueInDays ? { dueAt: new Date(Date.now() + card.dueInDays * 86_400_000).toISOString() } : {}),
      },
    });
    for (const text of card.comments ?? []) {
      await api.call(bob, 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { boardId: board.id, cardId: created.id, text } });
    }
  }
  return board.id;
}

/** A GraphQL client of the running API, as one of the demo users. */
class DemoClient {
  constructor(private readonly url: string) {}

  /** The value of the operation's one root field; a GraphQL error or another status is an error. */
  async call<T>(user: DemoUser, query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: user.token },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
    const answer = JSON.parse(text) as { data?: Record<string, T>; errors?: Array<{ message: string }> };
    if (answer.errors?.length) throw new Error(answer.errors.map((error) => error.message).join('; '));
    return Object.values(answer.data ?? {})[0] as T;
  }

  /** The id of the first board of `user` named `name`, going through every page of myBoards. */
  async findBoard(user: DemoUser, name: string): Promise<string | undefined> {
    let nextToken: string | null = null;
    do {
      const page: { items: Array<{ id: string; name: string }>; nextToken: string | null } = await this.call(
        user,
        'query($nextToken: String) { myBoards(limit: 100, nextToken: $nextToken) { items { id name } nextToken } }',
        { nextToken },
      );
      const found = page.items.find((board) => board.name === name);
      if (found) return found.id;
      nextToken = page.nextToken;
    } while (nextToken);
    return undefined;
  }
}

function printSummary(url: string, boardId: string, existed: boolean, users: Array<[DemoUser, string]>): void {
  const lines = [
    `liveboard seed: ${existed ? 'the demo board was already there' : 'demo board created'}: "${DEMO_BOARD}" (${boardId}) at ${url}`,
    '',
    'Tokens (send one as the Authorization header, e.g. in GraphiQL\'s "Headers" tab):',
    ...users.flatMap(([user, role]) => [`  ${user.name} (${role}, id ${user.id})`, `    {"Authorization": "${user.token}"}`]),
    '',
    'Try it: as bob, subscribe',
    `  subscription { onCardChanged(boardId: "${boardId}") { id title columnId position version } }`,
    'then, as alice, read the board and move a card',
    `  query { board(id: "${boardId}") { columns { id name cards { id title } } } }`,
    `  mutation { moveCard(input: { boardId: "${boardId}", id: "<card id>", toColumnId: "<column id>" }) { id boardId title columnId position version } }`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

function fail(message: string, code = 2): number {
  process.stderr.write(`liveboard seed: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  return code;
}
