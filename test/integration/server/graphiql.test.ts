/**
 * The GraphiQL page in headless Chromium: it loads offline from the local server (bundled from
 * installed packages), its headers editor holds the API key, a query typed into it executes, and the
 * auth picker switches to a local Cognito token.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { definition } from '../../fixtures/server-api/definition.js';
import { get, startTestApi, type TestApi } from '../../support/local-api.js';

const CHROMIUM = '/usr/bin/chromium';

/** The fixture API with Cognito user pools as an additional mode, so that the page offers two options. */
const withCognito = { ...definition, authentication: { default: { type: 'API_KEY' as const }, additional: [{ type: 'AMAZON_COGNITO_USER_POOLS' as const }] } };

let api: TestApi;
let browser: Browser;

/** Replaces the query editor's text, runs it, and waits until the response (spaces removed) contains `expected`. */
async function runQuery(page: Page, query: string, expected: string): Promise<void> {
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await queryEditor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  // Monaco closes brackets and quotes as they are typed, and types over them when the closing one comes.
  await page.keyboard.type(query);
  await page.locator('.graphiql-execute-button').click();
  const responseEditor = page.locator('.result-window');
  await expect.poll(async () => (await responseEditor.innerText()).replace(/\s+/g, ''), { timeout: 30_000 }).toContain(expected);
}

beforeAll(async () => {
  api = await startTestApi({ definition: withCognito });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe.skipIf(!existsSync(CHROMIUM))('GraphiQL', () => {
  it('redirects / to /graphiql/', async () => {
    const answer = await get(new URL('/', api.url).href);
    expect({ status: answer.status, location: answer.headers.get('location') }).toEqual({ status: 302, location: '/graphiql/' });
  });

  it('loads with the API key in the headers editor, runs a query, and switches to a Cognito token', async () => {
    const page = await browser.newPage();
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(api.graphiqlUrl);

    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    const headersText = await page.locator('.graphiql-editor-tool .monaco-editor').last().innerText();
    expect(headersText.replace(/\s+/g, '')).toContain(`"x-api-key":"${api.apiKey}"`);
    await runQuery(page, '{ echo(message: "from graphiql") }', '"echo":"fromgraphiql"');

    // A Cognito token is accepted at request level; `echo` has no directive, so only the default mode
    // (API key) may read it (spec appsync-graphql-engine.md §3.3 rule 1): a field-level error, HTTP 200.
    await page.locator('.liveboard-auth-picker select').selectOption({ index: 1 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
    const cognitoHeaders = await page.locator('.graphiql-editor-tool .monaco-editor').last().innerText();
    expect(cognitoHeaders.replace(/\s+/g, '')).toMatch(/"authorization":"eyJ/);
    await runQuery(page, '{ echo(message: "as cognito") }', 'NotAuthorizedtoaccessechoontypeQuery');

    expect(failedRequests).toEqual([]);
    await page.close();
  });
});
