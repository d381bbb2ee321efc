/** What the benchmarks share: timing loops, percentiles, and `liveboard start` as users run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitForBanner, type CliBanner } from '../test/support/cli-banner.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Runs `operation` `iterations` times in sequence, after a warm-up; returns each run's duration in ms. */
export async function sample(operation: () => Promise<unknown>, iterations: number, warmup = Math.min(200, iterations)): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await operation();
  const durations: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = process.hrtime.bigint();
    await operation();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

export function percentile(durations: number[], fraction: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/**
 * `liveboard start` in a child process (so that it does not share an event loop with the load
 * generator), on `dynamodbEndpoint`, with the given extra arguments; resolves once it serves.
 */
export async function startLiveboard(args: string[], dynamodbEndpoint: string): Promise<{ child: ChildProcess; banner: CliBanner }> {
  const child = spawn(process.execPath, ['bin/liveboard.js', 'start', '--port', '0', '--no-watch', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DYNAMODB_ENDPOINT: dynamodbEndpoint },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { child, banner: await waitForBanner(child) };
}
