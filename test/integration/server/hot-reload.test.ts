/**
 * Hot reload: editing a resolver, a Lambda entry or the schema swaps the running API without a restart;
 * a broken edit is reported and the last good version keeps serving. Works on a copy of the fixture
 * API, so that the edits never touch the repository's files.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '../../fixtures/server-api/definition.js';
import { graphql, makeTestDir, PROJECT_ROOT, startTestApi, type TestApi } from '../../support/local-api.js';

const FIXTURE = 'test/fixtures/server-api';

let root: string;
let api: TestApi;
const logLines: string[] = [];
const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];

/** Resolves with the next log line matching `pattern` (create the promise before making the change). */
function nextLog(pattern: RegExp): Promise<string> {
  return new Promise((resolve) => waiters.push({ pattern, resolve }));
}

function log(line: string): void {
  logLines.push(line);
  for (const waiter of waiters.splice(0)) {
    if (waiter.pattern.test(line)) waiter.resolve(line);
    else waiters.push(waiter);
  }
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const path = join(root, FIXTURE, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

beforeAll(async () => {
  root = await makeTestDir();
  await cp(join(PROJECT_ROOT, FIXTURE), join(root, FIXTURE), { recursive: true });
  api = await startTestApi({ definition, rootDir: root, dataDir: join(root, 'data'), watch: true, log });
}, 120_000);

afterAll(async () => {
  await api?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('hot reload', () => {
  it('swaps an edited resolver without a restart', async () => {
    expect((await graphql(api, '{ echo(message: "a") }')).body).toEqual({ data: { echo: 'a' } });
    const reloaded = nextLog(/^liveboard: reloaded/);
    await edit('resolvers/Query.echo.ts', (text) => text.replace('return ctx.result;', "return `${ctx.result}!`;"));
    expect(await reloaded).toContain('Query.echo.ts');
    expect((await graphql(api, '{ echo(message: "a") }')).body).toEqual({ data: { echo: 'a!' } });
  });

  it('reports a broken resolver and keeps serving the last good version', async () => {
    const failed = nextLog(/^liveboard: reload failed/);
    await edit('resolvers/Query.echo.ts', (text) => text.replace('return { payload', 'let i = 0;\n  while (i < 1) { i = i + 1; }\n  return { payload'));
    const report = await failed;
    expect(report).toContain('still serving the last good version');
    expect(report).toContain('Query.echo.ts');
    expect((await graphql(api, '{ echo(message: "a") }')).body).toEqual({ data: { echo: 'a!' } });

    const reloaded = nextLog(/^liveboard: reloaded/);
    await edit('resolvers/Query.echo.ts', (text) => text.replace('let i = 0;\n  while (i < 1) { i = i + 1; }\n  ', ''));
    await reloaded;
    expect((await graphql(api, '{ echo(message: "b") }')).body).toEqual({ data: { echo: 'b!' } });
  });

  it('swaps an edited Lambda entry', async () => {
    expect((await graphql(api, '{ shout(message: "hey") }')).body).toEqual({ data: { shout: 'HEY' } });
    const reloaded = nextLog(/^liveboard: reloaded/);
    await edit('functions/shout.ts', (text) => text.replace('toUpperCase()', "toUpperCase() + '?'"));
    await reloaded;
    expect((await graphql(api, '{ shout(message: "hey") }')).body).toEqual({ data: { shout: 'HEY?' } });
  });

  it('keeps the last good Lambda bundle when an edit does not compile', async () => {
    const failed = nextLog(/^liveboard: reload failed/);
    await edit('functions/shout.ts', (text) => text.replace('export async function handler', 'export async function handler(('));
    expect(await failed).toContain('shout');
    expect((await graphql(api, '{ shout(message: "hey") }')).body).toEqual({ data: { shout: 'HEY?' } });
    // The installed bundle is still the good one, so environments started later run it too.
    const installed = await readFile(join(api.dataDir, 'dist', 'functions', 'shout', 'index.mjs'), 'utf8');
    expect(installed).toContain('toUpperCase() + "?"');

    const reloaded = nextLog(/^liveboard: reloaded/);
    await edit('functions/shout.ts', (text) => text.replace('export async function handler((', 'export async function handler'));
    await reloaded;
  });

  it('swaps an edited schema', async () => {
    // spec: appsync-graphql-engine.md §1.4 (FieldUndefined validation error)
    expect((await graphql(api, '{ version }')).body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: "Validation error of type FieldUndefined: Field 'version' in type 'Query' is undefined @ 'version'",
        },
      ],
    });

    const schemaReloaded = nextLog(/^liveboard: reloaded/);
    await edit('schema.graphql', (text) => text.replace('type Query {', 'type Query {\n  version: String'));
    await schemaReloaded;
    expect((await graphql(api, '{ version }')).body).toEqual({ data: { version: null } });
  });
});
