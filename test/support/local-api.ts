/**
 * Starts a local API in-process for an integration suite: on a free port, against the run's shared
 * DynamoDB Local (`inject('dynamodbEndpoint')`), with tables under a unique prefix and a data/build
 * folder of its own. The folder lives inside the project (`.liveboard/test-runs/`) so that Lambda
 * bundles resolve `@aws-sdk/*` from the project's node_modules, as `npm start` bundles do.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { startLocalApi, type LocalApi, type LocalApiOptions } from '../../local/app.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TestApi extends LocalApi {
  /** The API's data folder (DynamoDB tables are not in it: they are in the shared DynamoDB Local). */
  dataDir: string;
  tablePrefix: string;
}

/**
 * The definition is required; everything else defaults for a test: the project root, a fresh table
 * prefix, a fresh data folder (removed by `close()`), no file watching.
 */
export type TestApiOptions = Pick<LocalApiOptions, 'definition'> &
  Partial<Pick<LocalApiOptions, 'rootDir' | 'tablePrefix' | 'dataDir' | 'watch' | 'definitionFile' | 'log' | 'maxRequestBodyBytes' | 'realtime'>>;

/** A fresh folder inside the project for one test's data and builds. */
export async function makeTestDir(): Promise<string> {
  const parent = join(PROJECT_ROOT, '.liveboard', 'test-runs');
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, 'api-'));
}

export function uniqueTablePrefix(): string {
  return `t${randomBytes(4).toString('hex')}_`;
}

export async function startTestApi(options: TestApiOptions): Promise<TestApi> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeTestDir());
  const tablePrefix = options.tablePrefix ?? uniqueTablePrefix();
  const api = await startLocalApi({
    rootDir: PROJECT_ROOT,
    port: 0,
    host: '127.0.0.1',
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    buildDir: join(dataDir, 'dist'),
    watch: false,
    ...options,
    tablePrefix,
    dataDir,
  });
  return {
    ...api,
    dataDir,
    tablePrefix,
    close: async () => {
      await api.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body (or the raw text when it is not JSON). */
  body: unknown;
}

/** POSTs a raw body (a string is sent as is, anything else as JSON) to `url`. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer(response);
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return answer(await fetch(url, { headers, redirect: 'manual' }));
}

/** A GraphQL operation with the API's key. */
export function graphql(api: Pick<LocalApi, 'url' | 'apiKey'>, query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> {
  return post(api.url, variables === undefined ? { query } : { query, variables }, { 'x-api-key': api.apiKey });
}

async function answer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}
