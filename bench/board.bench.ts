/**
 * Task-board benchmark (issue 7, "Performance"): the app served by `liveboard start` (a child process,
 * as users run it) on DynamoDB Local, driven over HTTP by 16 concurrent clients for 20 s with a realistic
 * mix: 70% `board(id)` reads of a board with 200 cards, 25% card changes (15% updateCard, 10% moveCard),
 * 5% addComment. It reports
 *
 * (a) throughput, and p50/p99 latency per operation, next to a baseline measured in the same run: the
 *     same board partition read straight from DynamoDB Local with the AWS SDK (one Query);
 * (b) DynamoDB requests and consumed capacity per operation (resolvers and Lambda functions alike),
 *     measured one operation at a time, with the cost per million operations at on-demand prices;
 * (c) the DynamoDB requests one `board(id)` costs with 10 and with 200 cards (they must be equal).
 *
 * Capacity is seen by a small proxy between the API and DynamoDB Local: every DynamoDB call of the
 * server and of the functions goes through it; it asks each one for `ReturnConsumedCapacity: TOTAL` and
 * adds up what DynamoDB Local reports. (The data source's own observer hook sees only the resolvers'
 * calls, not the functions'.) The proxy adds a local hop to every DynamoDB call, in every figure alike.
 *
 * Run: `npm run bench board` (or `npx tsx bench/board.bench.ts`).
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { loadLocalUserPool, subjectFor } from '../local/auth/local-user-pool.js';
import { localDynamoDbClient, startDynamoDbLocal } from '../local/dynamodb/launcher.js';
import { percentile, PROJECT_ROOT, sample, startLiveboard } from './support.js';

const CLIENTS = 16;
const LOAD_SECONDS = 20;
const BIG_BOARD_CARDS = 200;
const SMALL_BOARD_CARDS = 10;
/** Operations run one at a time to measure (b), per operation. */
const CAPACITY_SAMPLES = 40;

/**
 * DynamoDB on-demand prices, us-east-1, Standard table class (after AWS's November 2024 reduction):
 * per million write request units and read request units. A consistent read of up to 4 KB is 1 RRU, an
 * eventually consistent one 0.5; transactional reads and writes cost twice (DynamoDB reports it so).
 */
const PRICE_PER_MILLION = { write: 0.625, read: 0.125 };

// ---------------------------------------------------------------- measuring DynamoDB

/** DynamoDB APIs that read; every other item API writes. */
const READ_APIS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const CAPACITY_APIS = new Set([...READ_APIS, 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

interface DynamoUsage {
  requests: Map<string, number>;
  readUnits: number;
  writeUnits: number;
}

const emptyUsage = (): DynamoUsage => ({ requests: new Map(), readUnits: 0, writeUnits: 0 });

/** The proxy between the API and DynamoDB Local: counts calls by API and adds up consumed capacity. */
class CapacityProxy {
  usage: DynamoUsage = emptyUsage();
  private readonly server: Server;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly target: URL) {
    this.server = createServer((incoming, outgoing) => {
      void this.forward(incoming).then(
        ({ status, headers, body }) => outgoing.writeHead(status, headers).end(body),
        (error: Error) => outgoing.writeHead(502).end(error.message),
      );
    });
  }

  async listen(): Promise<string> {
    // Never close an idle connection before its client does (a client reusing it would see a hang-up).
    this.server.keepAliveTimeout = 10 * 60_000;
    this.server.headersTimeout = this.server.keepAliveTimeout + 1000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Starts counting afresh; answers what was counted since the last reset. */
  reset(): DynamoUsage {
    const counted = this.usage;
    this.usage = emptyUsage();
    return counted;
  }

  close(): Promise<void> {
    this.agent.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async forward(incoming: IncomingMessage): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    const api = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    let body: Buffer = await readAll(incoming);
    if (CAPACITY_APIS.has(api)) body = Buffer.from(JSON.stringify({ ...JSON.parse(body.toString('utf8')), ReturnConsumedCapacity: 'TOTAL' }));
    const headers = { ...incoming.headers, 'content-length': String(body.length) };
    const send = () =>
      new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = request({ host: this.target.hostname, port: this.target.port, path: incoming.url, method: incoming.method, headers, agent: this.agent }, resolve);
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    // A kept-alive connection DynamoDB Local has just closed fails at once: send again on a fresh one.
    const answer = await send().catch(send);
    const answerBody = await readAll(answer);
    if (api) this.count(api, answerBody);
    return { status: answer.statusCode ?? 500, headers: answer.headers as Record<string, string | string[]>, body: answerBody };
  }

  private count(api: string, body: Buffer): void {
    this.usage.requests.set(api, (this.usage.requests.get(api) ?? 0) + 1);
    const parsed = JSON.parse(body.toString('utf8') || '{}') as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> };
    const capacity = [parsed.ConsumedCapacity ?? []].flat().reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
    if (READ_APIS.has(api)) this.usage.readUnits += capacity;
    else this.usage.writeUnits += capacity;
  }
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- the API and its clients

interface ServedApi {
  child: ChildProcess;
  url: string;
}

/** `liveboard start` on the app's own definition, with DynamoDB behind the proxy. */
async function startServer(dynamodbEndpoint: string, dataDir: string): Promise<ServedApi> {
  const { child, banner } = await startLiveboard(['--data-dir', dataDir], dynamodbEndpoint);
  return { child, url: banner.url };
}

interface BenchUser {
  id: string;
  token: string;
}

class GraphQLError extends Error {
  constructor(readonly errorType: string, message: string, readonly data: unknown) {
    super(message);
  }
}

/** One root field's value; a GraphQL error is thrown as a `GraphQLError`. */
async function call<T>(url: string, user: BenchUser, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: user.token }, body: JSON.stringify({ query, variables }) });
  const answer = (await response.json()) as { data?: Record<string, T>; errors?: Array<{ errorType?: string; message: string; data?: unknown }> };
  const [error] = answer.errors ?? [];
  if (error) throw new GraphQLError(error.errorType ?? 'GraphQL', error.message, error.data);
  return Object.values(answer.data ?? {})[0] as T;
}

const CARD_FIELDS = 'id boardId columnId title description assigneeId labels dueAt position version createdBy updatedBy createdAt updatedAt lastChange';
const BOARD_QUERY = `query Board($id: ID!) { board(id: $id) { id name status myRole columns { id name position wipLimit cardCount cards { ${CARD_FIELDS} comments { id authorId text createdAt } } } members { userId role } } }`;
const UPDATE_CARD = `mutation UpdateCard($input: UpdateCardInput!) { updateCard(input: $input) { ${CARD_FIELDS} } }`;
const MOVE_CARD = `mutation MoveCard($input: MoveCardInput!) { moveCard(input: $input) { ${CARD_FIELDS} } }`;
const ADD_COMMENT = 'mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id boardId cardId authorId text createdAt } }';

interface Board {
  id: string;
  /** Columns without a WIP limit, for cards to move between. */
  columns: string[];
  cards: Array<{ id: string; version: number }>;
}

/** A board owned by `owner` with `editors`, an extra "Review" column, and `cardCount` cards spread over the unlimited columns. */
async function createBoard(url: string, owner: BenchUser, editors: BenchUser[], name: string, cardCount: number): Promise<Board> {
  const { id } = await call<{ id: string }>(url, owner, 'mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }', { input: { name } });
  await call(url, owner, 'mutation($input: AddColumnInput!) { addColumn(input: $input) { id } }', { input: { boardId: id, name: 'Review' } });
  await Promise.all(editors.map((editor) => call(url, owner, 'mutation($b: ID!, $u: ID!) { inviteMember(boardId: $b, userId: $u, role: EDITOR) { userId } }', { b: id, u: editor.id })));
  const { columns } = await call<{ columns: Array<{ id: string; wipLimit: number | null }> }>(url, owner, 'query($id: ID!) { board(id: $id) { columns { id wipLimit } } }', { id });
  const open = columns.filter((column) => column.wipLimit === null).map((column) => column.id);
  // One writer per column, so that setting up does not contend for positions.
  const perColumn = open.map((columnId, index) =>
    Array.from({ length: Math.ceil((cardCount - index) / open.length) }, (_, n) => ({ columnId, title: `Card ${index}-${n}`, labels: n % 3 === 0 ? ['bench'] : [] })),
  );
  const cards = (
    await Promise.all(
      perColumn.map(async (specs) => {
        const created = [];
        for (const spec of specs) {
          const card = await call<{ id: string; version: number }>(url, owner, 'mutation($input: CreateCardInput!) { createCard(input: $input) { id version } }', { input: { boardId: id, ...spec } });
          if (created.length % 4 === 0) await call(url, owner, ADD_COMMENT, { input: { boardId: id, cardId: card.id, text: 'A comment that comes with the board.' } });
          created.push(card);
        }
        return created;
      }),
    )
  ).flat();
  return { id, columns: open, cards };
}

// ---------------------------------------------------------------- the operations

const OPERATION_NAMES = ['board(id)', 'updateCard', 'moveCard', 'addComment'] as const;
type OperationName = (typeof OPERATION_NAMES)[number];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Runs one operation of the mix as `user`; version conflicts are answers too (another client won). */
function operations(url: string, board: Board): Record<OperationName, (user: BenchUser) => Promise<void>> {
  const versionAfter = async (card: { id: string; version: number }, work: () => Promise<{ version: number }>) => {
    try {
      card.version = (await work()).version;
    } catch (error) {
      if (!(error instanceof GraphQLError && error.errorType === 'VersionConflict')) throw error;
      card.version = (error.data as { version: number }).version;
    }
  };
  return {
    'board(id)': async (user) => {
      await call(url, user, BOARD_QUERY, { id: board.id });
    },
    updateCard: async (user) => {
      const card = pick(board.cards);
      await versionAfter(card, () => call(url, user, UPDATE_CARD, { input: { boardId: board.id, id: card.id, expectedVersion: card.version, title: `Edited ${Date.now()}` } }));
    },
    moveCard: async (user) => {
      const card = pick(board.cards);
      await versionAfter(card, () => call(url, user, MOVE_CARD, { input: { boardId: board.id, id: card.id, toColumnId: pick(board.columns) } }));
    },
    addComment: async (user) => {
      await call(url, user, ADD_COMMENT, { input: { boardId: board.id, cardId: pick(board.cards).id, text: 'Looks good to me.' } });
    },
  };
}

/** The mix: 70% board reads, 15% updates, 10% moves, 5% comments. */
function nextOperation(): OperationName {
  const roll = Math.random();
  if (roll < 0.7) return 'board(id)';
  if (roll < 0.85) return 'updateCard';
  if (roll < 0.95) return 'moveCard';
  return 'addComment';
}

const ms = (value: number): string => `${value.toFixed(1)} ms`.padStart(10);

/** Latencies per operation of `clients` loops running the mix for `seconds`. */
async function runMix(run: Record<OperationName, (user: BenchUser) => Promise<void>>, users: BenchUser[], seconds: number) {
  const latencies = new Map<OperationName, number[]>(OPERATION_NAMES.map((name) => [name, []]));
  const failures = new Map<string, number>();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      while (Date.now() < deadline) {
        const name = nextOperation();
        const started = process.hrtime.bigint();
        try {
          await run[name](user);
          latencies.get(name)!.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch (error) {
          const key = `${name}: ${error instanceof GraphQLError ? error.errorType : (error as Error).message}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  return { latencies, failures };
}

/** DynamoDB use of one operation, averaged over `samples` runs one at a time, and the runs' latencies. */
async function usagePerOperation(proxy: CapacityProxy, operation: () => Promise<void>, samples: number): Promise<DynamoUsage & { latencies: number[] }> {
  proxy.reset();
  const latencies = await sample(operation, samples, 0);
  const total = proxy.reset();
  return {
    requests: new Map([...total.requests].map(([api, count]) => [api, count / samples])),
    readUnits: total.readUnits / samples,
    writeUnits: total.writeUnits / samples,
    latencies,
  };
}

const requestCount = (usage: DynamoUsage): number => [...usage.requests.values()].reduce((sum, count) => sum + count, 0);
const describeRequests = (usage: DynamoUsage): string => [...usage.requests].map(([api, count]) => `${+count.toFixed(2)} ${api}`).join(' + ');
const costPerMillion = (usage: DynamoUsage): number => usage.readUnits * PRICE_PER_MILLION.read + usage.writeUnits * PRICE_PER_MILLION.write;

// ---------------------------------------------------------------- main

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await mkdir(join(PROJECT_ROOT, '.liveboard'), { recursive: true });
const dataDir = await mkdtemp(join(PROJECT_ROOT, '.liveboard', 'bench-board-'));
const dynamodb = await startDynamoDbLocal();
const proxy = new CapacityProxy(new URL(dynamodb.endpoint));
const sdk = localDynamoDbClient(dynamodb.endpoint);
let api: ServedApi | undefined;
try {
  console.log(`liveboard task-board benchmark (Node ${process.version}, ${cpus().length} CPUs)\n`);
  api = await startServer(await proxy.listen(), dataDir);
  const pool = await loadLocalUserPool(dataDir);
  const user = async (name: string): Promise<BenchUser> => ({ id: subjectFor(pool.userPoolId, name), token: await pool.mint({ username: name, ttlSeconds: 3600 }) });
  const owner = await user('bench-owner');
  const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => user(`bench-client-${index}`)));

  const setupStarted = Date.now();
  const [big, small] = await Promise.all([
    createBoard(api.url, owner, clients, 'Big board', BIG_BOARD_CARDS),
    createBoard(api.url, owner, clients, 'Small board', SMALL_BOARD_CARDS),
  ]);
  console.log(`set-up: a board with ${big.cards.length} cards and one with ${small.cards.length}, in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s\n`);

  const bigOperations = operations(api.url, big);
  await runMix(bigOperations, clients, 3); // warm-up: every function has warm environments

  // (a) the mix under load, and the baseline
  const { latencies, failures } = await runMix(bigOperations, clients, LOAD_SECONDS);
  const completed = [...latencies.values()].reduce((sum, runs) => sum + runs.length, 0);
  console.log(`(a) ${CLIENTS} clients, ${LOAD_SECONDS} s, the mix on the ${BIG_BOARD_CARDS}-card board: ${(completed / LOAD_SECONDS).toFixed(1)} operations/s`);
  console.log(`    ${'operation'.padEnd(12)} ${'share'.padStart(6)} ${'ops/s'.padStart(8)} ${'p50'.padStart(10)} ${'p99'.padStart(10)}`);
  for (const name of OPERATION_NAMES) {
    const runs = latencies.get(name) ?? [];
    console.log(`    ${name.padEnd(12)} ${`${((100 * runs.length) / completed).toFixed(0)}%`.padStart(6)} ${(runs.length / LOAD_SECONDS).toFixed(1).padStart(8)} ${ms(percentile(runs, 0.5))} ${ms(percentile(runs, 0.99))}`);
  }
  for (const [failure, count] of failures) console.log(`    failed: ${failure} ×${count}`);
  const rawQuery = async () => {
    await sdk.send(new QueryCommand({ TableName: 'board', KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': { S: `BOARD#${big.id}` }, ':from': { S: 'CARD#' }, ':to': { S: 'META' } } }));
  };
  const baseline = await sample(rawQuery, 200, 0);
  const boardRuns = latencies.get('board(id)') ?? [];
  console.log(`    baseline: the same board partition, one Query with the SDK straight to DynamoDB Local, one at a time: p50 ${ms(percentile(baseline, 0.5)).trim()}`);
  console.log(`    board(id) p50 under load / baseline p50: ${(percentile(boardRuns, 0.5) / percentile(baseline, 0.5)).toFixed(1)}×\n`);

  // (b) DynamoDB use per operation, one at a time
  console.log(`(b) DynamoDB use per operation (${CAPACITY_SAMPLES} runs each, one at a time; on-demand $${PRICE_PER_MILLION.read}/M RRU, $${PRICE_PER_MILLION.write}/M WRU)`);
  let mixCost = 0;
  const shares: Record<OperationName, number> = { 'board(id)': 0.7, updateCard: 0.15, moveCard: 0.1, addComment: 0.05 };
  for (const name of OPERATION_NAMES) {
    const usage = await usagePerOperation(proxy, () => bigOperations[name](owner), CAPACITY_SAMPLES);
    mixCost += shares[name] * costPerMillion(usage);
    console.log(
      `    ${name.padEnd(12)} ${requestCount(usage).toFixed(2).padStart(5)} requests (${describeRequests(usage)}), ${usage.readUnits.toFixed(2)} RRU + ${usage.writeUnits.toFixed(2)} WRU → $${costPerMillion(usage).toFixed(2)} per million; p50 alone ${ms(percentile(usage.latencies, 0.5)).trim()}`,
    );
  }
  console.log(`    the mix: $${mixCost.toFixed(2)} per million operations (DynamoDB only; AppSync requests and Lambda invocations are billed apart)\n`);

  // (c) board(id) at 10 and 200 cards
  const smallRead = await usagePerOperation(proxy, () => operations(api!.url, small)['board(id)'](owner), 10);
  const bigRead = await usagePerOperation(proxy, () => bigOperations['board(id)'](owner), 10);
  console.log(`(c) DynamoDB requests per board(id): ${requestCount(smallRead)} with ${SMALL_BOARD_CARDS} cards (${describeRequests(smallRead)}, ${smallRead.readUnits} RRU), ${requestCount(bigRead)} with ${BIG_BOARD_CARDS} cards (${describeRequests(bigRead)}, ${bigRead.readUnits} RRU): ${requestCount(smallRead) === requestCount(bigRead) ? 'equal' : 'NOT EQUAL'}`);
  if (requestCount(smallRead) !== requestCount(bigRead)) process.exitCode = 1;
} finally {
  if (api) {
    api.child.kill('SIGTERM');
    await new Promise((resolve) => api!.child.once('exit', resolve));
  }
  sdk.destroy();
  await proxy.close();
  await dynamodb.stop();
  await rm(dataDir, { recursive: true, force: true });
}
