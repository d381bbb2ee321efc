/**
 * `liveboard start` serving the real-time fixture API (test/fixtures/realtime), as users run it: a child
 * process on a free port, using the run's DynamoDB Local, with a data folder of its own (its Cognito
 * issuer and TLS certificate live there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadLocalUserPool, type LocalUserPool } from '../../../../local/auth/local-user-pool.js';
import { waitForBanner } from '../../../support/cli-banner.js';
import { makeTestDir, PROJECT_ROOT } from '../../../support/local-api.js';

export interface LiveboardServer {
  /** `http://127.0.0.1:<port>/graphql`. */
  url: string;
  apiKey: string;
  /** The PEM certificate of wss:// on the same port. */
  ca: string;
  pool: LocalUserPool;
  stop(): Promise<void>;
}

const DEFINITION = 'test/fixtures/realtime/definition.ts';

export async function startLiveboardServer(): Promise<LiveboardServer> {
  const dataDir = await makeTestDir();
  const child = spawn(process.execPath, ['bin/liveboard.js', 'start', '--port', '0', '--definition', DEFINITION, '--data-dir', join(dataDir, 'state'), '--no-watch'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const banner = await waitForBanner(child);
    const ca = await readFile(banner.certificatePath, 'utf8');
    const pool = await loadLocalUserPool(join(dataDir, 'state'));
    return { url: banner.url, apiKey: banner.apiKey, ca, pool, stop: () => stop(child, dataDir) };
  } catch (error) {
    await stop(child, dataDir);
    throw error;
  }
}

async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
}
