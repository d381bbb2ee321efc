/**
 * The real-time fixture API (test/fixtures/realtime) started with the test helpers, plus the credentials
 * and operations the real-time tests use: auth header objects per mode (spec appsync-realtime.md §2.3)
 * and the fixture's mutations over HTTP.
 */
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../../local/app.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../../local/auth/local-user-pool.js';
import type { RealtimeSettingsInput } from '../../../../local/realtime/index.js';
import { signedHeaders } from '../../../fixtures/auth/sigv4-client.js';
import { definition as realtimeFixture } from '../../../fixtures/realtime/definition.js';
import { post, startTestApi, type HttpAnswer, type TestApi } from '../../../support/local-api.js';

export interface RealtimeFixture {
  api: TestApi;
  /** What the server logged (dropped clients, undelivered events, …). */
  logs: string[];
  pool: LocalUserPool;
  /** `127.0.0.1:<port>`: the HTTP GraphQL host the clients put in their auth headers (spec §1.1). */
  host: string;
  close(): Promise<void>;
}

export async function startRealtimeFixture(realtime?: RealtimeSettingsInput): Promise<RealtimeFixture> {
  const logs: string[] = [];
  const api = await startTestApi({ definition: realtimeFixture, ...(realtime ? { realtime } : {}), log: (line) => logs.push(line) });
  const pool = await loadLocalUserPool(api.dataDir);
  return { api, logs, pool, host: new URL(api.url).host, close: () => api.close() };
}

/** API key header object (spec §2.3). */
export function apiKeyAuth(fixture: RealtimeFixture, apiKey = fixture.api.apiKey): Record<string, string> {
  return { host: fixture.host, 'x-api-key': apiKey, 'x-amz-date': amzDate(new Date()) };
}

/** Cognito header object: the raw JWT, no `Bearer ` (spec §2.3). */
export function cognitoAuth(fixture: RealtimeFixture, token: string): Record<string, string> {
  return { host: fixture.host, Authorization: token };
}

export const functionCredentials = { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey };

/** The header set the JS clients sign for IAM (spec §2.3). */
const IAM_SIGNED_HEADERS = { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8' };

/** IAM header object signed over `POST <path>` with `body` (`/graphql/connect` and `{}` for the connection, spec §2.3). */
export function iamAuth(fixture: RealtimeFixture, path: string, body: string): Promise<Record<string, string>> {
  return signedHeaders({
    credentials: functionCredentials,
    signingDate: new Date(),
    host: fixture.host,
    path,
    body,
    headers: IAM_SIGNED_HEADERS,
    applyChecksum: false,
  });
}

/** `YYYYMMDDTHHMMSSZ`, as the JS clients add to every header object. */
function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export const POST_FIELDS = 'id title authorId category priority tags author { id name } createdAt';

export interface PostInput {
  id: string;
  createdAt: string;
  title?: string;
  authorId?: string;
  category?: string;
  priority?: number;
  tags?: string[];
  author?: { id: string; name?: string };
  reviewNote?: string;
}

export function postInput(id: string, fields: Partial<PostInput> = {}): PostInput {
  return { id, createdAt: '2026-11-23T10:00:00.000Z', ...fields };
}

/** Runs one of the fixture's post mutations with the API key, selecting `selection`. */
export function mutatePost(fixture: RealtimeFixture, mutation: string, input: PostInput, selection = POST_FIELDS, headers?: Record<string, string>): Promise<HttpAnswer> {
  const query = `mutation M($input: PostInput!) { ${mutation}(input: $input) { ${selection} } }`;
  return post(fixture.api.url, { query, variables: { input } }, headers ?? { 'x-api-key': fixture.api.apiKey });
}

/** `invalidate(subscriptionField, payloads)` (spec §4.6). */
export function invalidate(fixture: RealtimeFixture, subscriptionField: string, payloads: Array<Record<string, unknown>>): Promise<HttpAnswer> {
  const query = 'mutation I($field: String!, $payloads: [AWSJSON!]!) { invalidate(subscriptionField: $field, payloads: $payloads) }';
  return post(fixture.api.url, { query, variables: { field: subscriptionField, payloads: payloads.map((payload) => JSON.stringify(payload)) } }, { 'x-api-key': fixture.api.apiKey });
}
