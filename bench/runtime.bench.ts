/**
 * APPSYNC_JS runtime benchmark (issue 3, "Performance"). A typical resolver — a `ddb.get` request and
 * its response — is evaluated 100,000 times through the runtime (fresh module state, isolated realm,
 * copies across the boundary), and the same two functions are called directly in this process as the
 * baseline, in the same run. Headline: the isolation overhead = mean time per evaluation minus the
 * baseline's mean time (target ≤ 10 µs). Both are measured in interleaved blocks so that a busy
 * machine slows them alike; wall-clock and CPU time are both reported.
 *
 * Run: `npm run bench` (all benchmarks) or `node --import tsx bench/runtime.bench.ts`.
 */
import assert from 'node:assert/strict';
import { dynamodbModule } from '../local/runtime/dynamodb/index.js';
import type { EvaluationState } from '../local/runtime/evaluation-state.js';
import { loadResolverCode } from '../local/runtime/index.js';
import type { ContextInput } from '../local/runtime/types.js';
import { createUtil } from '../local/runtime/util/index.js';

const EVALUATIONS = 100_000;
const BLOCKS = 20;
const WARMUP = 10_000;

const RESOLVER = `import { util } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  return ddb.get({ key: { id: ctx.args.id } });
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
`;

const requestContext: ContextInput = { arguments: { id: 'card-1' } };
const responseContext: ContextInput = { arguments: { id: 'card-1' }, result: { id: 'card-1', title: 'Write the benchmark', position: 'a0', version: 3 } };

// ---------------------------------------------------------------- the two ways of running it

const code = loadResolverCode(RESOLVER, { fileName: 'bench/getCard.js' });
let sink: unknown;

function throughRuntime(): void {
  sink = code.evaluate('request', requestContext);
  sink = code.evaluate('response', responseContext);
}

/** The same two handlers as plain functions of this process, with the same built-ins. */
const state: EvaluationState = { authType: 'API Key Authorization', now: Date.now, appendedErrors: [], responseHeaders: {}, extensions: { invalidations: [], cacheEvictions: [] }, logs: [] };
const util = createUtil(() => state);
const direct = {
  request: (ctx: { args: Record<string, unknown> }) => dynamodbModule.get({ key: { id: ctx.args.id } }),
  response: (ctx: ContextInput) => {
    if (ctx.error) util.error(ctx.error.message, ctx.error.type);
    return ctx.result;
  },
};

function directly(): void {
  sink = direct.request({ args: requestContext.arguments! });
  sink = direct.response(responseContext);
}

// ---------------------------------------------------------------- measuring

interface Totals {
  wallNs: number;
  cpuMicroseconds: number;
}

function measureBlock(run: () => void, iterations: number, totals: Totals): void {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index += 1) run();
  totals.wallNs += Number(process.hrtime.bigint() - started);
  const used = process.cpuUsage(cpu);
  totals.cpuMicroseconds += used.user + used.system;
}

// Same answers both ways, or the comparison means nothing.
const viaRuntime = [code.evaluate('request', requestContext), code.evaluate('response', responseContext)];
assert.deepEqual(
  viaRuntime.map((outcome) => (outcome.status === 'returned' ? outcome.value : outcome)),
  [direct.request({ args: requestContext.arguments! }), direct.response(responseContext)],
);

for (let index = 0; index < WARMUP; index += 1) {
  throughRuntime();
  directly();
}
const runtimeTotals: Totals = { wallNs: 0, cpuMicroseconds: 0 };
const directTotals: Totals = { wallNs: 0, cpuMicroseconds: 0 };
for (let block = 0; block < BLOCKS; block += 1) {
  measureBlock(throughRuntime, EVALUATIONS / BLOCKS, runtimeTotals);
  measureBlock(directly, EVALUATIONS / BLOCKS, directTotals);
}
void sink;

const microseconds = (ns: number) => ns / 1000 / EVALUATIONS;
const runtimeWall = microseconds(runtimeTotals.wallNs);
const directWall = microseconds(directTotals.wallNs);
const runtimeCpu = runtimeTotals.cpuMicroseconds / EVALUATIONS;
const directCpu = directTotals.cpuMicroseconds / EVALUATIONS;
const format = (value: number) => value.toFixed(2).padStart(8);

console.log(`APPSYNC_JS runtime: ${EVALUATIONS.toLocaleString('en-US')} evaluations of a ddb.get resolver (request + response each)`);
console.log(`                                   wall µs    CPU µs`);
console.log(`  through the runtime, mean      ${format(runtimeWall)}  ${format(runtimeCpu)}`);
console.log(`  direct calls (baseline), mean  ${format(directWall)}  ${format(directCpu)}`);
console.log(`  isolation overhead (headline)  ${format(runtimeWall - directWall)}  ${format(runtimeCpu - directCpu)}   target ≤ 10 µs`);
console.log(`  evaluations per second         ${Math.round(1e6 / runtimeWall).toLocaleString('en-US').padStart(8)}  (baseline ${Math.round(1e6 / directWall).toLocaleString('en-US')})`);
