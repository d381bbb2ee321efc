/**
 * `liveboard start` as users run it, in a child process: it starts its own DynamoDB Local persisting in
 * the data folder, prints the URLs and the key, serves, and on SIGTERM/SIGINT stops everything without
 * leaving a JVM behind; started again on the same data folder it serves the same data.
 * Contract: shared/design/architecture.md, "CLI contract".
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForBanner, type CliBanner } from '../../support/cli-banner.js';
import { get, graphql, makeTestDir, PROJECT_ROOT } from '../../support/local-api.js';

const DEFINITION = 'test/fixtures/server-api/definition.ts';

interface RunningCli extends CliBanner {
  child: ChildProcess;
}

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await makeTestDir();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

function startCli(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(process.execPath, ['bin/liveboard.js', 'start', ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Starts the CLI and resolves once it printed its banner. */
async function startServing(): Promise<RunningCli> {
  const child = startCli(['--port', '0', '--definition', DEFINITION, '--data-dir', join(dataDir, 'state'), '--no-watch']);
  return { child, ...(await waitForBanner(child)) };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Java processes running DynamoDB Local on our data folder. */
function dynamoDbProcesses(): string[] {
  const list = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return list.split('\n').filter((line) => line.includes('DynamoDBLocal.jar') && line.includes(dataDir));
}

describe('liveboard start', () => {
  it('serves, stops cleanly on SIGTERM, and keeps the data for the next start', async () => {
    const first = await startServing();
    expect(first.output()).toMatch(/Real-time\s+ws:\/\/127\.0\.0\.1:\d+\/graphql\/realtime/);
    expect(first.output()).toMatch(/GraphiQL\s+http:\/\/127\.0\.0\.1:\d+\/graphiql\//);
    expect(first.apiKey).toMatch(/^da2-[a-z0-9]{26}$/);
    expect((await get(new URL('/health', first.url).href)).body).toEqual({ status: 'ok' });
    const put = await graphql(first, 'mutation { putNote(id: "cli", text: "kept on disk") { id text } }');
    expect(put.body).toEqual({ data: { putNote: { id: 'cli', text: 'kept on disk' } } });
    expect(dynamoDbProcesses()).toHaveLength(1);

    first.child.kill('SIGTERM');
    expect(await exitCode(first.child)).toBe(0);
    expect(dynamoDbProcesses()).toEqual([]);

    const second = await startServing();
    const read = await graphql(second, '{ getNote(id: "cli") { id text } }');
    expect(read.body).toEqual({ data: { getNote: { id: 'cli', text: 'kept on disk' } } });
    second.child.kill('SIGINT');
    expect(await exitCode(second.child)).toBe(0);
    expect(dynamoDbProcesses()).toEqual([]);
  }, 120_000);

  it('says in one line what to install when Java is missing', async () => {
    const child = startCli(['--port', '0', '--definition', DEFINITION, '--data-dir', join(dataDir, 'no-java')], {
      ...process.env,
      PATH: '/nonexistent',
      DYNAMODB_ENDPOINT: '',
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(1);
    expect(stderr).toBe(
      'liveboard start: DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or set DYNAMODB_ENDPOINT to a running DynamoDB.\n',
    );
  }, 60_000);
});
