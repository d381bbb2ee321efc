/**
 * The SDK in a browser (issue 9: "works in Node and in browsers"): bundled for the browser as a web app
 * would bundle it, loaded by Chromium from a page on another origin than the API, it queries over HTTP,
 * receives live updates over the real-time WebSocket, and signs with SigV4 (the ES module build of
 * aws-appsync-auth-link, which cannot sign under Node).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type LiveboardClient, type MemberFieldsFragment } from '../../../client/index.js';
import { definition } from '../../../infra/definition.js';
import { LOCAL_FUNCTION_PRINCIPAL } from '../../../local/app.js';
import { loadLocalUserPool, type LocalUserPool } from '../../../local/auth/local-user-pool.js';
import { PROJECT_ROOT, startTestApi, type TestApi } from '../../support/local-api.js';

const CHROMIUM = '/usr/bin/chromium';

let api: TestApi;
let pool: LocalUserPool;
let alice: LiveboardClient;
let pageServer: Server;
let browser: Browser;
let page: Page;

/** The SDK bundled for browsers, and a page that loads it, served from a second local origin. */
async function serveSdkPage(): Promise<{ server: Server; url: string }> {
  const bundle = await build({
    entryPoints: [`${PROJECT_ROOT}test/e2e/sdk/browser-entry.ts`],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === '/sdk.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>liveboard</title><script type="module" src="/sdk.js"></script>');
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

beforeAll(async () => {
  api = await startTestApi({ definition });
  pool = await loadLocalUserPool(api.dataDir);
  alice = createClient({ url: api.url, auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: await pool.mint({ username: 'alice' }) } });
  const sdkPage = await serveSdkPage();
  pageServer = sdkPage.server;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage();
  await page.goto(sdkPage.url);
  await page.waitForFunction(() => typeof globalThis.createLiveboardClient === 'function');
});

afterAll(async () => {
  await browser?.close();
  pageServer?.close();
  alice?.close();
  await api?.close();
});

describe('the SDK in Chromium', () => {
  it('queries, receives live updates through the real-time endpoint, and signs IAM requests', async () => {
    const token = await pool.mint({ username: 'erin' });
    const erin = await page.evaluateHandle(
      async ({ url, token }) => {
        const client = createLiveboardClient({ url, auth: { type: 'AMAZON_COGNITO_USER_POOLS', jwtToken: token } });
        const me = await client.me();
        const memberships: Array<MemberFieldsFragment | null> = [];
        await client.onMembershipChanged({ userId: me.id }, (membership) => memberships.push(membership)).started;
        return { me, memberships };
      },
      { url: api.url, token },
    );
    const erinsUser = await erin.evaluate(({ me }) => me);
    expect(erinsUser).toEqual({ __typename: 'User', id: erinsUser.id, username: 'erin', email: 'erin@example.com' });

    const board = await alice.createBoard({ input: { name: 'Browser board' } });
    const invitation = await alice.inviteMember({ boardId: board!.id, userId: erinsUser.id, role: 'VIEWER' });
    await page.waitForFunction(({ memberships }) => memberships.length === 1, erin);
    expect(await erin.evaluate(({ memberships }) => memberships)).toEqual([invitation]);

    // A server-side event published from the browser with IAM credentials (SigV4 by the auth link's ES module build).
    const { __typename: _typename, ...member } = invitation!;
    const published = await page.evaluate(
      async ({ url, credentials, member }) => {
        const functions = createLiveboardClient({ url, auth: { type: 'AWS_IAM', credentials } });
        return functions.publishMembershipChanged({ member: { ...member, role: 'EDITOR' } });
      },
      { url: api.url, credentials: { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey }, member },
    );
    expect(published).toEqual({ ...invitation, role: 'EDITOR' });
    await page.waitForFunction(({ memberships }) => memberships.length === 2, erin);
    expect(await erin.evaluate(({ memberships }) => memberships)).toEqual([invitation, published]);
  });
});
