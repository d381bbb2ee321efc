/**
 * The GraphiQL page, once, in headless Chromium: it loads offline from the local server (bundled from
 * installed packages), its headers editor holds the API key, and a query typed into it executes.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { definition } from '../../fixtures/server-api/definition.js';
import { get, startTestApi, type TestApi } from '../../support/local-api.js';

const CHROMIUM = '/usr/bin/chromium';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi({ definition });
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

  it('loads with the API key in the headers editor and runs a query', async () => {
    const page = await browser.newPage();
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(api.graphiqlUrl);

    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await queryEditor.waitFor({ timeout: 60_000 });
    const headersText = await page.locator('.graphiql-editor-tool .monaco-editor').last().innerText();
    expect(headersText.replace(/\s+/g, '')).toContain(`"x-api-key":"${api.apiKey}"`);

    await queryEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    // Monaco closes brackets and quotes as they are typed, and types over them when the closing one comes.
    await page.keyboard.type('{ echo(message: "from graphiql") }');
    await page.locator('.graphiql-execute-button').click();

    const responseEditor = page.locator('.result-window');
    await expect.poll(async () => (await responseEditor.innerText()).replace(/\s+/g, ''), { timeout: 30_000 }).toContain('"echo":"fromgraphiql"');
    expect(failedRequests).toEqual([]);
    await page.close();
  });
});
