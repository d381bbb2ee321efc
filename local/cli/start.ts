/**
 * `liveboard start [--port N] [--host H] [--in-memory] [--data-dir DIR] [--seed] [--no-watch] [--definition FILE]`:
 * starts DynamoDB Local (unless `DYNAMODB_ENDPOINT` names a running one) and the local AppSync API, prints
 * its URLs and API key, and runs until Ctrl-C / SIGTERM, which stop everything (no orphan JVM).
 * Contract: shared/design/architecture.md, "CLI contract" (environment `PORT`, `LIVEBOARD_API_KEY`,
 * `DYNAMODB_ENDPOINT`; also `LIVEBOARD_DATA_DIR`, the data directory unless `--data-dir` names one, shared
 * with `liveboard token`). The developer's own AWS credentials (`AWS_ACCESS_KEY_ID`, …), when set, are
 * trusted by the IAM mode as an IAM user `local-developer`; this is the only place that reads them.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentIamPrincipals } from '../auth/iam.js';
import { DEFAULT_DEFINITION_FILE, importDefinition } from '../definition/load.js';
import type { ApiDefinition } from '../definition/types.js';
import { JavaMissingError, startDynamoDbLocal, type RunningDynamoDbLocal } from '../dynamodb/launcher.js';
import { LOCAL_ACCOUNT_ID, startLocalApi, type LocalApi } from '../app.js';
import { dataDirFrom } from './data-dir.js';

const USAGE =
  'usage: liveboard start [--port N] [--host H] [--in-memory] [--data-dir DIR] [--seed] [--no-watch] [--definition FILE]';
const DEFAULT_PORT = 4000;
const DEFAULT_HOST = '127.0.0.1';

interface StartOptions {
  port: number;
  host: string;
  inMemory: boolean;
  dataDir: string;
  seed: boolean;
  watch: boolean;
  definitionFile: string;
}

export async function run(args: string[]): Promise<number> {
  const options = readOptions(args, process.env);
  if (typeof options === 'string') return fail(options, 2);

  let definition: ApiDefinition;
  try {
    definition = await importDefinition(options.definitionFile, process.cwd());
  } catch (error) {
    const hint = options.definitionFile === DEFAULT_DEFINITION_FILE ? '\n(pass --definition FILE to serve another definition)' : '';
    return fail(`${describe(error)}${hint}`, 1);
  }

  // Listen for Ctrl-C / SIGTERM before anything starts: a signal during start-up stops right after it.
  const stopRequested = waitForStopSignal();
  let dynamodb: RunningDynamoDbLocal | undefined;
  let api: LocalApi | undefined;
  const stop = async (): Promise<void> => {
    await api?.close();
    await dynamodb?.stop();
  };
  try {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    if (endpoint === undefined || endpoint === '') {
      dynamodb = await startDynamoDbLocal(options.inMemory ? {} : { dataDir: join(options.dataDir, 'dynamodb') });
    }
    api = await startLocalApi({
      rootDir: process.cwd(),
      definition,
      definitionSource: options.definitionFile,
      port: options.port,
      host: options.host,
      dynamodbEndpoint: dynamodb?.endpoint ?? (endpoint as string),
      dataDir: options.dataDir,
      watch: options.watch,
      definitionFile: { path: options.definitionFile, read: () => importDefinition(options.definitionFile, process.cwd(), { fresh: true }) },
      iamPrincipals: environmentIamPrincipals(process.env, LOCAL_ACCOUNT_ID),
      ...(process.env.LIVEBOARD_API_KEY ? { apiKey: process.env.LIVEBOARD_API_KEY } : {}),
    });
  } catch (error) {
    await stop();
    return fail(error instanceof JavaMissingError ? error.message : describe(error), 1);
  }

  printBanner(api, dynamodb ? (options.inMemory ? 'in memory' : join(options.dataDir, 'dynamodb')) : `at ${process.env.DYNAMODB_ENDPOINT}`);
  if (options.seed) {
    const seeded = await runSeed(api, options.dataDir);
    if (seeded !== 0) {
      await stop();
      return seeded;
    }
  }
  await stopRequested;
  process.stdout.write('\nliveboard: stopping\n');
  await stop();
  return 0;
}

/** Flags win over the environment (`PORT`, `LIVEBOARD_DATA_DIR`), which wins over the defaults. Returns an error text when invalid. */
export function readOptions(args: string[], env: NodeJS.ProcessEnv): StartOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: DEFAULT_HOST },
        'in-memory': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        seed: { type: 'boolean', default: false },
        'no-watch': { type: 'boolean', default: false },
        definition: { type: 'string', default: DEFAULT_DEFINITION_FILE },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return `--port (or PORT) must be a port number, not '${portText}'`;
  return {
    port,
    host: values.host,
    inMemory: values['in-memory'],
    dataDir: dataDirFrom(values['data-dir'], env),
    seed: values.seed,
    watch: !values['no-watch'],
    definitionFile: values.definition,
  };
}

function printBanner(api: LocalApi, dynamodbWhere: string): void {
  process.stdout.write(
    [
      'liveboard: local AppSync API ready',
      `  GraphQL    ${api.url}`,
      `  Real-time  ${api.realtimeUrl}`,
      `  GraphiQL   ${api.graphiqlUrl}`,
      `  API key    ${api.apiKey}`,
      `  TLS cert   ${api.certificatePath} (wss:// on the same port; trust it with NODE_EXTRA_CA_CERTS)`,
      `  DynamoDB   ${dynamodbWhere}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

/** `--seed` runs `liveboard seed` against the API just started. */
async function runSeed(api: LocalApi, dataDir: string): Promise<number> {
  const { run: seed } = await import('./seed.js');
  // The seed's tokens must come from this server's issuer key, which lives in its data dir.
  return seed(['--url', api.url, '--data-dir', dataDir]);
}

/**
 * Resolves on the first SIGINT/SIGTERM. A second one exits at once; the DynamoDB launcher's exit hook
 * still kills the JVM then.
 */
function waitForStopSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    let received = false;
    const onSignal = (): void => {
      if (received) process.exit(130);
      received = true;
      resolveStop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function fail(message: string, code: number): number {
  process.stderr.write(`liveboard start: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  return code;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
