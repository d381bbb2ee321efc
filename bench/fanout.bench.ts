/**
 * Real-time fan-out benchmark (issue 6, "Performance"): raw `ws` subscribers of the real-time fixture API
 * (test/fixtures/realtime), each on its own connection —
 *
 * - N on `onCreatePost(category: $c)` (argument filter, spec appsync-realtime.md §4.3), half of them with
 *   the category every event has;
 * - N on `onFilteredPost(filter: $filter)` (enhanced filter set by the subscription resolver, §4.5), half
 *   of them with a filter every event passes;
 *
 * and one `createPost` mutation every 10 ms for 10 s, which both fields listen to. It reports delivery
 * latency (mutation request sent → data frame received; the server publishes before answering the
 * mutation) p50/p99, deliveries per second, lost and duplicated deliveries (and deliveries to subscribers
 * whose filter does not match), the CPU each side used and how busy the server's event loop was, and the
 * server's memory before the run and after every client left (after a full GC). The same run with N = 5
 * (10 subscribers) is the baseline the N = 1,000 (2,000 subscribers) figures are compared with.
 *
 * The server runs in a child process, so that its memory is its own and the clients' work does not share
 * its event loop; it uses `DYNAMODB_ENDPOINT` if set, else a DynamoDB Local it starts.
 *
 * Run: `npm run bench fanout` (or `npx tsx bench/fanout.bench.ts`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import type { LocalApi } from '../local/app.js';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const MUTATION_INTERVAL_MS = 10;
const RUN_SECONDS = 10;
const MUTATIONS = (RUN_SECONDS * 1000) / MUTATION_INTERVAL_MS;
/** After the last mutation's answer, how long to wait for frames still on their way before counting losses. */
const DRAIN_TIMEOUT_MS = 30_000;
const MAIN_PER_FIELD = 1000;
const BASELINE_PER_FIELD = 5;

// ---------------------------------------------------------------- the server (child process)

type ServerRequest = { type: 'memory' } | { type: 'stop' };

interface ServerMemory {
  heapUsed: number;
  rss: number;
  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs: number;
  /** The server's event-loop utilization so far (`performance.eventLoopUtilization()`). */
  eventLoop: { idle: number; active: number };
  connections: number;
  subscriptions: number;
}

type ServerMessage = { type: 'ready'; url: string; apiKey: string; realtimeUrl: string } | ({ type: 'memory' } & ServerMemory);

/**
 * V8's `gc()`, without `node --expose-gc`: that flag gives every new context a `gc` global, which the
 * APPSYNC_JS sandbox refuses (it cannot delete the non-configurable global). The flag is set just long
 * enough to create one context and take its `gc`.
 */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--no-expose-gc');
  return gc;
}

async function serve(): Promise<void> {
  const gc = fullGc();
  const { startLocalApi } = await import('../local/app.js');
  const { startDynamoDbLocal } = await import('../local/dynamodb/launcher.js');
  const { definition } = await import('../test/fixtures/realtime/definition.js');
  const dataDir = await mkdtemp(join(PROJECT_ROOT, '.liveboard', 'bench-fanout-'));
  const dynamodb = process.env.DYNAMODB_ENDPOINT ? undefined : await startDynamoDbLocal();
  const api: LocalApi = await startLocalApi({
    rootDir: PROJECT_ROOT,
    definition,
    port: 0,
    host: '127.0.0.1',
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT ?? (dynamodb?.endpoint as string),
    tablePrefix: `fanout${process.pid}_`,
    dataDir,
    buildDir: join(dataDir, 'dist'),
    watch: false,
  });
  const send = (message: ServerMessage) => process.send?.(message);
  process.on('message', (request: ServerRequest) => {
    void (async () => {
      if (request.type === 'memory') {
        for (let pass = 0; pass < 3; pass += 1) {
          gc();
          await new Promise((resolve) => setImmediate(resolve));
        }
        const { heapUsed, rss } = process.memoryUsage();
        const { user, system } = process.cpuUsage();
        const { idle, active } = performance.eventLoopUtilization();
        send({ type: 'memory', heapUsed, rss, cpuMs: (user + system) / 1000, eventLoop: { idle, active }, ...api.realtime.stats() });
      } else {
        await api.close();
        await dynamodb?.stop();
        await rm(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
  send({ type: 'ready', url: api.url, apiKey: api.apiKey, realtimeUrl: api.realtimeUrl });
}

class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly apiKey: string,
    readonly realtimeUrl: string,
  ) {}

  static start(): Promise<ServerProcess> {
    const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], cwd: PROJECT_ROOT, stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      child.once('message', (message: ServerMessage) => {
        if (message.type === 'ready') resolve(new ServerProcess(child, message.url, message.apiKey, message.realtimeUrl));
      });
      child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    });
  }

  /** Memory after a full GC, and what the real-time endpoint holds. */
  memory(): Promise<ServerMemory> {
    return new Promise((resolve) => {
      this.child.once('message', (message: ServerMessage) => {
        if (message.type === 'memory') resolve(message);
      });
      this.child.send({ type: 'memory' } satisfies ServerRequest);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop' } satisfies ServerRequest);
    });
  }
}

// ---------------------------------------------------------------- the subscribers

const POST_FIELDS = 'id category priority';
const BY_CATEGORY = `subscription ByCategory($category: String) { onCreatePost(category: $category) { ${POST_FIELDS} } }`;
const FILTERED = `subscription Filtered($filter: AWSJSON!) { onFilteredPost(filter: $filter) { ${POST_FIELDS} } }`;
/** Every event has this category and priority 7. */
const EVENT = { category: 'bench', priority: 7 };

interface SubscriberSpec {
  query: string;
  variables: Record<string, unknown>;
  /** Whether every event passes this subscriber's filter. */
  matches: boolean;
}

function subscriberSpecs(perField: number): SubscriberSpec[] {
  const specs: SubscriberSpec[] = [];
  for (let index = 0; index < perField; index += 1) {
    const matches = index % 2 === 0;
    specs.push({ query: BY_CATEGORY, variables: { category: matches ? EVENT.category : 'other' }, matches });
  }
  for (let index = 0; index < perField; index += 1) {
    const matches = index % 2 === 0;
    const filter = { category: { eq: EVENT.category }, priority: matches ? { ge: 5 } : { gt: 100 } };
    specs.push({ query: FILTERED, variables: { filter: JSON.stringify(filter) }, matches });
  }
  return specs;
}

const DATA_FRAME_START = Buffer.from('{"id":"sub","type":"data",');
const POST_ID_START = Buffer.from('{"id":"m-');

/** When each mutation's request was sent (ms, performance clock), by mutation index. */
type SendTimes = Float64Array;

class Subscriber {
  /** Deliveries seen per mutation index (more than 1 is a duplicate). */
  readonly seen = new Uint8Array(MUTATIONS);
  duplicates = 0;
  received = 0;

  private constructor(
    readonly spec: SubscriberSpec,
    private readonly socket: WebSocket,
  ) {}

  /** Connects with the API key in the `header-` subprotocol, initializes, and starts its subscription. */
  static async open(server: ServerProcess, spec: SubscriberSpec, onDelivery: (subscriber: Subscriber, mutation: number) => void): Promise<Subscriber> {
    const auth = { host: new URL(server.url).host, 'x-api-key': server.apiKey };
    const protocols = ['graphql-ws', `header-${Buffer.from(JSON.stringify(auth)).toString('base64url')}`];
    // The clients share the machine with the server: they skip what a benchmark does not need.
    const socket = new WebSocket(server.realtimeUrl, protocols, { perMessageDeflate: false, skipUTF8Validation: true });
    const subscriber = new Subscriber(spec, socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', (raw: Buffer) => {
        // A data frame is `{"id":"sub","type":"data","payload":{"data":{"<field>":{"id":"m-<n>",…}}}}`:
        // the mutation's number is read without parsing the whole frame.
        if (raw.subarray(0, DATA_FRAME_START.length).equals(DATA_FRAME_START)) {
          const at = raw.indexOf(POST_ID_START) + POST_ID_START.length;
          onDelivery(subscriber, Number.parseInt(raw.toString('latin1', at, raw.indexOf(0x22, at)), 10));
          return;
        }
        const frame = JSON.parse(String(raw)) as { type: string };
        if (frame.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: 'sub', type: 'start', payload: { data: JSON.stringify({ query: spec.query, variables: spec.variables }), extensions: { authorization: auth } } }));
        } else if (frame.type === 'start_ack') {
          resolve();
        } else if (frame.type !== 'ka') {
          reject(new Error(`unexpected frame: ${String(raw)}`));
        }
      });
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    });
    return subscriber;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close(1000);
    });
  }
}

// ---------------------------------------------------------------- one run

interface RunResult {
  subscribers: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  unexpected: number;
  p50: number;
  p99: number;
  max: number;
  deliveriesPerSecond: number;
  mutationErrors: number;
  /** Mutation round trips (request sent → answer received). */
  answerP50: number;
  answerP99: number;
  /** CPU used during the run (ms): the server process, and this process (the clients). */
  serverCpuMs: number;
  clientCpuMs: number;
  /** Share of the run the server's event loop was busy (1: saturated). */
  serverEventLoopUtilization: number;
}

/** Opens subscribers a few hundred at a time (a browser-like burst, not 2,000 handshakes at once). */
async function openAll(server: ServerProcess, specs: SubscriberSpec[], onDelivery: (subscriber: Subscriber, mutation: number) => void): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  for (let start = 0; start < specs.length; start += 200) {
    subscribers.push(...(await Promise.all(specs.slice(start, start + 200).map((spec) => Subscriber.open(server, spec, onDelivery)))));
  }
  return subscribers;
}

async function run(server: ServerProcess, perField: number): Promise<RunResult> {
  const specs = subscriberSpecs(perField);
  const matching = specs.filter((spec) => spec.matches).length;
  const expected = matching * MUTATIONS;
  const sentAt: SendTimes = new Float64Array(MUTATIONS).fill(Number.NaN);
  const latencies = new Float64Array(expected);
  let delivered = 0;
  let unexpected = 0;
  let lastDeliveryAt = 0;
  let allDelivered: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDelivered = resolve));

  const onDelivery = (subscriber: Subscriber, mutation: number): void => {
    const now = performance.now();
    subscriber.received += 1;
    if (!subscriber.spec.matches) {
      unexpected += 1;
      return;
    }
    if (subscriber.seen[mutation]! > 0) {
      subscriber.duplicates += 1;
      return;
    }
    subscriber.seen[mutation] = 1;
    if (delivered < expected) latencies[delivered] = now - sentAt[mutation]!;
    delivered += 1;
    lastDeliveryAt = now;
    if (delivered === expected) allDelivered();
  };
  const subscribers = await openAll(server, specs, onDelivery);
  const serverBefore = await server.memory();
  const clientCpuBefore = process.cpuUsage();

  // One mutation every 10 ms, on a fixed schedule (requests are not held back by slow answers).
  let mutationErrors = 0;
  const answerTimes = new Float64Array(MUTATIONS);
  const answers: Array<Promise<void>> = [];
  const startedAt = performance.now();
  for (let index = 0; index < MUTATIONS; index += 1) {
    const due = startedAt + index * MUTATION_INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt[index] = performance.now();
    answers.push(
      createPost(server, index).then(
        (ok) => {
          answerTimes[index] = performance.now() - sentAt[index]!;
          if (!ok) mutationErrors += 1;
        },
        () => {
          mutationErrors += 1;
        },
      ),
    );
  }
  await Promise.all(answers);
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS))]);

  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverAfter = await server.memory();
  const serverCpuMs = serverAfter.cpuMs - serverBefore.cpuMs;
  const loopActive = serverAfter.eventLoop.active - serverBefore.eventLoop.active;
  const loopIdle = serverAfter.eventLoop.idle - serverBefore.eventLoop.idle;
  const duplicated = subscribers.reduce((sum, subscriber) => sum + subscriber.duplicates, 0);
  const sortedAnswers = answerTimes.sort();
  await Promise.all(subscribers.map((subscriber) => subscriber.close()));
  const sorted = latencies.slice(0, Math.min(delivered, expected)).sort();
  return {
    subscribers: specs.length,
    expected,
    delivered,
    lost: expected - delivered,
    duplicated,
    unexpected,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    deliveriesPerSecond: delivered / ((lastDeliveryAt - startedAt) / 1000),
    mutationErrors,
    answerP50: percentile(sortedAnswers, 0.5),
    answerP99: percentile(sortedAnswers, 0.99),
    serverCpuMs,
    clientCpuMs: (clientCpu.user + clientCpu.system) / 1000,
    serverEventLoopUtilization: loopActive / (loopActive + loopIdle),
  };
}

/** Kept-alive connections for the mutations (undici's `fetch` opens new ones under load, which stalls some requests). */
const mutationAgent = new Agent({ keepAlive: true, maxSockets: 32 });

/** Answers whether the mutation succeeded (HTTP 200 without GraphQL errors). */
function createPost(server: ServerProcess, index: number): Promise<boolean> {
  const url = new URL(server.url);
  const body = JSON.stringify({
    query: `mutation Create($input: PostInput!) { createPost(input: $input) { ${POST_FIELDS} } }`,
    variables: { input: { id: `m-${index}`, createdAt: '2026-11-23T10:00:00.000Z', ...EVENT } },
  });
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': server.apiKey };
  return new Promise((resolve, reject) => {
    const sent = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: mutationAgent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(response.statusCode === 200 && (JSON.parse(text) as { errors?: unknown[] }).errors === undefined));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

// ---------------------------------------------------------------- report

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function describeRun(label: string, result: RunResult): string[] {
  return [
    `${label}: ${result.subscribers} subscribers, ${MUTATIONS} mutations every ${MUTATION_INTERVAL_MS} ms`,
    `  delivery latency   p50 ${ms(result.p50)}   p99 ${ms(result.p99)}   max ${ms(result.max)}`,
    `  deliveries         ${result.delivered} of ${result.expected} expected, ${Math.round(result.deliveriesPerSecond)}/s`,
    `  lost ${result.lost}   duplicated ${result.duplicated}   to non-matching subscribers ${result.unexpected}   failed mutations ${result.mutationErrors}`,
    `  mutation answers   p50 ${ms(result.answerP50)}   p99 ${ms(result.answerP99)}`,
    `  CPU during the run server ${(result.serverCpuMs / 1000).toFixed(1)} s (event loop busy ${Math.round(result.serverEventLoopUtilization * 100)}%), ` +
      `clients ${(result.clientCpuMs / 1000).toFixed(1)} s (of ${RUN_SECONDS} s)`,
  ];
}

async function main(): Promise<void> {
  console.log(`fan-out benchmark on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
  const server = await ServerProcess.start();
  try {
    // Baseline first: it also warms the server (JIT, document caches) before memory is measured.
    const baseline = await run(server, BASELINE_PER_FIELD);
    const before = await server.memory();
    const main = await run(server, MAIN_PER_FIELD);
    let after = await server.memory();
    // Closing handshakes may still be finishing on the server side.
    while (after.connections > 0) after = await server.memory();
    const lines = [
      ...describeRun('baseline', baseline),
      ...describeRun('fan-out', main),
      `ratio to baseline    p50 ×${(main.p50 / baseline.p50).toFixed(1)}   p99 ×${(main.p99 / baseline.p99).toFixed(1)}   deliveries/s ×${(main.deliveriesPerSecond / baseline.deliveriesPerSecond).toFixed(1)}`,
      `server memory (after full GC)   before: heap ${mb(before.heapUsed)}, rss ${mb(before.rss)}   ` +
        `after every client left: heap ${mb(after.heapUsed)} (${signedPercent(after.heapUsed, before.heapUsed)}), rss ${mb(after.rss)} (${signedPercent(after.rss, before.rss)}); ` +
        `${after.connections} connections, ${after.subscriptions} subscriptions left`,
    ];
    console.log(lines.join('\n'));
    const failures = [
      ...(main.lost + baseline.lost > 0 ? ['lost deliveries'] : []),
      ...(main.duplicated + baseline.duplicated > 0 ? ['duplicated deliveries'] : []),
      ...(main.unexpected + baseline.unexpected > 0 ? ['deliveries to non-matching subscribers'] : []),
      ...(main.mutationErrors + baseline.mutationErrors > 0 ? ['failed mutations'] : []),
    ];
    if (failures.length > 0) {
      console.error(`fanout: ${failures.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    mutationAgent.destroy();
    await server.stop();
  }
}

function signedPercent(value: number, reference: number): string {
  const change = ((value - reference) / reference) * 100;
  return `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
}

if (process.argv.includes('--serve')) await serve();
else await main();
