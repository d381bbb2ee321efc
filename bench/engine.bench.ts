/**
 * Engine and server benchmark (issue 4, "Performance"). Every figure is compared with a baseline
 * measured in the same run, on the same machine:
 *
 * (a) one query resolving 100 fields through APPSYNC_JS resolvers on a NONE data source, executed by
 *     the engine, vs plain graphql-js `execute` on the same schema with equivalent JS resolvers
 *     (target: ratio ≤ 2×);
 * (b) `getNote` (a GetItem resolver) through the local server over HTTP, vs the same GetItem sent
 *     straight to DynamoDB Local with the AWS SDK client the server's data source uses: p50/p99, the
 *     latency the server adds (target: ≤ 1 ms at p50) and the server process's CPU time per request;
 *     the two sides run in alternating rounds, so that a shared machine's changing load weighs on both;
 * (c) requests per second of (b) with 32 concurrent clients, next to the SDK's own rate (also
 *     alternated).
 *
 * The server runs as `liveboard start` in a child process (as users run it), so that it does not share
 * an event loop with the load generator. Run: `npx tsx bench/engine.bench.ts`.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { execute, parse } from 'graphql';
import { startLocalApi } from '../local/app.js';
import { loadSchemaFiles } from '../local/engine/index.js';
import type { ApiDefinition } from '../local/definition/types.js';
import { localDynamoDbClient, startDynamoDbLocal } from '../local/dynamodb/launcher.js';
import { percentile, PROJECT_ROOT, sample, startLiveboard } from './support.js';

const FIELD_COUNT = 100;
const CONCURRENT_CLIENTS = 32;

// ---------------------------------------------------------------- measuring

function mean(durations: number[]): number {
  return durations.reduce((sum, value) => sum + value, 0) / durations.length;
}

/** Completed operations per second with `clients` concurrent loops for `seconds`. */
async function throughput(operation: () => Promise<unknown>, clients: number, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let completed = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        await operation();
        completed += 1;
      }
    }),
  );
  return completed / seconds;
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;

// ---------------------------------------------------------------- (a) engine vs graphql-js

/** A throw-away project with 100 `Query` fields, each with the same NONE resolver. */
async function writeWideApi(dir: string): Promise<ApiDefinition> {
  const fields = Array.from({ length: FIELD_COUNT }, (_, index) => `f${index}`);
  await mkdir(join(dir, 'resolvers'), { recursive: true });
  await writeFile(join(dir, 'schema.graphql'), `type Query {\n${fields.map((field) => `  ${field}: String`).join('\n')}\n}\n`);
  await writeFile(
    join(dir, 'resolvers', 'field.ts'),
    [
      "import type { Context } from '@aws-appsync/utils';",
      'export function request(ctx: Context) {',
      '  return { payload: ctx.info.fieldName };',
      '}',
      'export function response(ctx: Context) {',
      '  return ctx.result;',
      '}',
      '',
    ].join('\n'),
  );
  return {
    name: 'bench-wide',
    schemaFiles: ['schema.graphql'],
    authentication: { default: { type: 'API_KEY' } },
    tables: [],
    dataSources: [{ name: 'none', type: 'NONE' }],
    lambdaFunctions: [],
    functions: [],
    resolvers: fields.map((fieldName) => ({ kind: 'UNIT', typeName: 'Query', fieldName, dataSource: 'none', code: 'resolvers/field.ts' })),
  };
}

async function benchEngineVsGraphqlJs(dynamodbEndpoint: string): Promise<void> {
  const dir = await mkdtemp(join(PROJECT_ROOT, '.liveboard', 'bench-'));
  try {
    const definition = await writeWideApi(dir);
    const api = await startLocalApi({ rootDir: dir, definition, port: 0, host: '127.0.0.1', dynamodbEndpoint, dataDir: join(dir, 'data'), buildDir: join(dir, 'dist') });
    try {
      const engine = api.engine();
      const query = `{ ${Array.from({ length: FIELD_COUNT }, (_, index) => `f${index}`).join(' ')} }`;
      const auth = { type: 'API_KEY' as const, identity: null, deniedFields: [] };
      const viaEngine = () => engine.execute({ query, headers: {}, auth });
      // graphql-js baseline: the same schema (AppSync scalars included), resolvers doing what the NONE
      // resolver does (the field's name as payload, returned as is), the document parsed once as the
      // engine's document cache does.
      const plainSchema = await loadSchemaFiles([join(dir, 'schema.graphql')]);
      const document = parse(query);
      const viaGraphqlJs = async () =>
        execute({ schema: plainSchema, document, fieldResolver: (_source, _args, _context, info) => ({ payload: info.fieldName }).payload });

      const check = await viaEngine();
      const expected = await viaGraphqlJs();
      if (JSON.stringify(check.body) !== JSON.stringify({ data: expected.data })) throw new Error('engine and graphql-js disagree');

      const engineRuns = await sample(viaEngine, 2000);
      const plainRuns = await sample(viaGraphqlJs, 2000);
      console.log(`(a) query with ${FIELD_COUNT} NONE-resolver fields (2000 runs each)`);
      console.log(`    engine      mean ${ms(mean(engineRuns))}  p50 ${ms(percentile(engineRuns, 0.5))}  p99 ${ms(percentile(engineRuns, 0.99))}`);
      console.log(`    graphql-js  mean ${ms(mean(plainRuns))}  p50 ${ms(percentile(plainRuns, 0.5))}  p99 ${ms(percentile(plainRuns, 0.99))}`);
      console.log(
        `    ratio: mean ${(mean(engineRuns) / mean(plainRuns)).toFixed(1)}×, p50 ${(percentile(engineRuns, 0.5) / percentile(plainRuns, 0.5)).toFixed(1)}×   target ≤ 2×`,
      );
    } finally {
      await api.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- (b), (c) server vs SDK

interface ServedApi {
  child: ChildProcess;
  url: URL;
  apiKey: string;
}

/** `liveboard start` on the server fixture API, against the bench's DynamoDB Local. */
async function startServer(dynamodbEndpoint: string, dataDir: string): Promise<ServedApi> {
  const { child, banner } = await startLiveboard(['--definition', 'test/fixtures/server-api/definition.ts', '--data-dir', dataDir], dynamodbEndpoint);
  return { child, url: new URL(banner.url), apiKey: banner.apiKey };
}

/** A keep-alive HTTP POST with node:http (less client overhead than fetch). */
function postGraphql(api: ServedApi, agent: Agent, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: api.url.hostname, port: api.url.port, path: api.url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': api.apiKey } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`${response.statusCode}: ${text}`))));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const WARMUP_RUNS = 1000;
const SEQUENTIAL_ROUNDS = 10;
const RUNS_PER_ROUND = 200;
const THROUGHPUT_SECONDS = 5;
/** `getconf CLK_TCK` on Linux; 100 on every mainstream kernel build. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) a process has used so far, from `/proc` (Linux); undefined elsewhere.
 * Other work on the machine moves it far less than latency, so it shows the server's own cost.
 */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * (b) Sequential latency, server and SDK measured in alternating rounds (server first in even rounds,
 * SDK first in odd ones), so that a change in machine load during the run weighs on both alike, after a
 * warm-up that lets the server's JIT settle. Reports pooled percentiles, the median of the rounds' own
 * p50 differences, and the server process's CPU time per request over the rounds.
 */
async function sequentialLatency(api: ServedApi, viaServer: () => Promise<unknown>, viaSdk: () => Promise<unknown>): Promise<void> {
  await sample(viaServer, 0, WARMUP_RUNS);
  await sample(viaSdk, 0, WARMUP_RUNS);
  const serverRuns: number[] = [];
  const sdkRuns: number[] = [];
  const addedPerRound: number[] = [];
  const cpuBefore = processCpuMs(api.child.pid ?? -1);
  for (let round = 0; round < SEQUENTIAL_ROUNDS; round += 1) {
    let server: number[];
    let sdk: number[];
    if (round % 2 === 0) {
      server = await sample(viaServer, RUNS_PER_ROUND, 0);
      sdk = await sample(viaSdk, RUNS_PER_ROUND, 0);
    } else {
      sdk = await sample(viaSdk, RUNS_PER_ROUND, 0);
      server = await sample(viaServer, RUNS_PER_ROUND, 0);
    }
    serverRuns.push(...server);
    sdkRuns.push(...sdk);
    addedPerRound.push(percentile(server, 0.5) - percentile(sdk, 0.5));
  }
  const cpuAfter = processCpuMs(api.child.pid ?? -1);
  const runs = SEQUENTIAL_ROUNDS * RUNS_PER_ROUND;
  const added = percentile(serverRuns, 0.5) - percentile(sdkRuns, 0.5);
  console.log(`(b) getItem latency, sequential (${runs} runs each, in ${SEQUENTIAL_ROUNDS} alternating rounds after ${WARMUP_RUNS} warm-up runs)`);
  console.log(`    server over HTTP  p50 ${ms(percentile(serverRuns, 0.5))}  p99 ${ms(percentile(serverRuns, 0.99))}`);
  console.log(`    SDK → DynamoDB    p50 ${ms(percentile(sdkRuns, 0.5))}  p99 ${ms(percentile(sdkRuns, 0.99))}`);
  console.log(`    added by the server: p50 ${ms(added)} (median of the rounds' p50 differences ${ms(percentile(addedPerRound, 0.5))})   target ≤ 1 ms at p50`);
  if (cpuBefore !== undefined && cpuAfter !== undefined) console.log(`    server process CPU time per request: ${ms((cpuAfter - cpuBefore) / runs)}`);
}

/**
 * (c) Requests per second with `CONCURRENT_CLIENTS` loops, each side measured for `THROUGHPUT_SECONDS`
 * in two halves ordered server, SDK, SDK, server, so that drifting machine load weighs on both alike.
 */
async function concurrentThroughput(viaServer: () => Promise<unknown>, viaSdk: () => Promise<unknown>): Promise<void> {
  const half = THROUGHPUT_SECONDS / 2;
  const serverFirst = await throughput(viaServer, CONCURRENT_CLIENTS, half);
  const sdkFirst = await throughput(viaSdk, CONCURRENT_CLIENTS, half);
  const sdkSecond = await throughput(viaSdk, CONCURRENT_CLIENTS, half);
  const serverSecond = await throughput(viaServer, CONCURRENT_CLIENTS, half);
  console.log(`(c) ${CONCURRENT_CLIENTS} concurrent clients, ${THROUGHPUT_SECONDS} s each`);
  console.log(`    server over HTTP  ${((serverFirst + serverSecond) / 2).toFixed(0)} requests/s`);
  console.log(`    SDK → DynamoDB    ${((sdkFirst + sdkSecond) / 2).toFixed(0)} requests/s (baseline)`);
}

/**
 * The baseline sends GetItem with the very client configuration the server's data source uses
 * (`localDynamoDbClient`: same SDK, same keep-alive agent, same trimmed middleware), so that (b) and
 * (c) compare the server with the call it makes itself. The bench's own HTTP client keeps connections
 * alive too.
 */
async function benchServerVsSdk(dynamodbEndpoint: string): Promise<void> {
  const dataDir = await mkdtemp(join(PROJECT_ROOT, '.liveboard', 'bench-server-'));
  const api = await startServer(dynamodbEndpoint, dataDir);
  const client = localDynamoDbClient(dynamodbEndpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENT_CLIENTS });
  try {
    await client.send(new PutItemCommand({ TableName: 'notes', Item: { id: { S: 'bench' }, text: { S: 'a note to read' }, updatedAt: { S: '2026-01-01T00:00:00.000Z' } } }));
    const body = JSON.stringify({ query: '{ getNote(id: "bench") { id text updatedAt } }' });
    const viaServer = () => postGraphql(api, agent, body);
    const viaSdk = () => client.send(new GetItemCommand({ TableName: 'notes', Key: { id: { S: 'bench' } } }));
    if (!(await viaServer()).includes('a note to read')) throw new Error('the server did not return the note');

    await sequentialLatency(api, viaServer, viaSdk);
    await concurrentThroughput(viaServer, viaSdk);
  } finally {
    agent.destroy();
    client.destroy();
    api.child.kill('SIGTERM');
    await new Promise((resolve) => api.child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await mkdir(join(PROJECT_ROOT, '.liveboard'), { recursive: true });
const dynamodb = await startDynamoDbLocal();
try {
  console.log(`liveboard engine benchmark (Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs)\n`);
  await benchEngineVsGraphqlJs(dynamodb.endpoint);
  console.log('');
  await benchServerVsSdk(dynamodb.endpoint);
} finally {
  await dynamodb.stop();
}
