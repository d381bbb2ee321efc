/**
 * Hot reload: editing a resolver, a Lambda entry, the schema or the definition file swaps the running
 * API without a restart; a broken edit, or a definition change only a restart can apply, is reported and
 * the last good version keeps serving. Works on a copy of the fixture API (definition file included), so
 * that the edits never touch the repository's files.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDefinition } from '../../../local/definition/load.js';
import { graphql, makeTestDir, PROJECT_ROOT, startTestApi, type TestApi, type TestApiOptions } from '../../support/local-api.js';

const FIXTURE = 'test/fixtures/server-api';
const DEFINITION_FILE = `${FIXTURE}/definition.ts`;

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
  const options: TestApiOptions = {
    definition: await importDefinition(DEFINITION_FILE, root),
    definitionFile: { path: DEFINITION_FILE, read: () => importDefinition(DEFINITION_FILE, root, { fresh: true }) },
    rootDir: root,
    dataDir: join(root, 'data'),
    watch: true,
    log,
  };
  api = await startTestApi(options);
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

  describe('of the definition file', () => {
    const GREETING_RESOLVER = `{ kind: 'UNIT', typeName: 'Query', fieldName: 'greeting', dataSource: 'none', code: 'extra/Query.greeting.ts' },`;
    const greet = async () => (await graphql(api, '{ greeting(name: "Ada") }')).body;
    /** Waits, without a time assumption beyond vi.waitFor's bound, until the API answers `greeting` so. */
    const greetingBecomes = (expected: unknown) => vi.waitFor(async () => expect(await greet()).toEqual(expected), { timeout: 30_000, interval: 100 });

    it('attaches a resolver added to the definition, in a folder watched from then on', async () => {
      // The resolver's folder is new: hot reload must start watching it once the definition names it.
      await mkdir(join(root, 'extra'));
      await writeFile(
        join(root, 'extra/Query.greeting.ts'),
        "import type { Context } from '@aws-appsync/utils';\n\nexport function request(ctx: Context<{ name: string }>) {\n  return { payload: `hello ${ctx.args.name}` };\n}\n\nexport function response(ctx: Context) {\n  return ctx.result;\n}\n",
      );
      await edit('schema.graphql', (text) => text.replace('type Query {', 'type Query {\n  greeting(name: String!): String'));
      await edit('definition.ts', (text) => text.replace('resolvers: [', `resolvers: [\n    ${GREETING_RESOLVER}`));
      await greetingBecomes({ data: { greeting: 'hello Ada' } });

      const reloaded = nextLog(/^liveboard: reloaded/);
      await writeFile(join(root, 'extra/Query.greeting.ts'), (await readFile(join(root, 'extra/Query.greeting.ts'), 'utf8')).replace('hello', 'hi'));
      expect(await reloaded).toContain('extra/Query.greeting.ts');
      expect(await greet()).toEqual({ data: { greeting: 'hi Ada' } });
    });

    it('reports a change that needs a restart in one line and keeps serving the last good version', async () => {
      const restartNeeded = nextLog(/needs a restart/);
      // A table change (restart-only) together with a resolver removal (hot-swappable): neither is applied.
      await edit('definition.ts', (text) =>
        text.replace("partitionKey: { name: 'id', type: 'S' } }", "partitionKey: { name: 'id', type: 'S' }, timeToLiveAttribute: 'expiresAt' }").replace(`\n    ${GREETING_RESOLVER}`, ''),
      );
      expect(await restartNeeded).toEqual(
        `liveboard: ${DEFINITION_FILE} changed tables, which needs a restart of liveboard start; still serving the last good version.`,
      );
      expect(await greet()).toEqual({ data: { greeting: 'hi Ada' } });
      expect((await graphql(api, '{ echo(message: "c") }')).body).toEqual({ data: { echo: 'c!' } });

      // Undoing the table change makes the definition reloadable again: the resolver removal now applies.
      const reloaded = nextLog(/^liveboard: reloaded/);
      await edit('definition.ts', (text) => text.replace(", timeToLiveAttribute: 'expiresAt' }", ' }'));
      expect(await reloaded).toContain('definition.ts');
      // A Query field without a resolver resolves to null, as in AppSync (the root source is null).
      expect(await greet()).toEqual({ data: { greeting: null } });
    });

    it('reports an invalid definition and keeps serving the last good version', async () => {
      const reloaded = nextLog(/^liveboard: reloaded/);
      await edit('definition.ts', (text) => text.replace('resolvers: [', `resolvers: [\n    ${GREETING_RESOLVER}`));
      await reloaded;
      await greetingBecomes({ data: { greeting: 'hi Ada' } });

      const failed = nextLog(/^liveboard: reload failed/);
      await edit('definition.ts', (text) => text.replace("fieldName: 'greeting', dataSource: 'none'", "fieldName: 'greeting', dataSource: 'missing'"));
      expect(await failed).toEqual(
        [
          `liveboard: reload failed after a change to ${join(root, DEFINITION_FILE)}; still serving the last good version.`,
          `Invalid API definition in ${DEFINITION_FILE} (1 problem):`,
          "  - resolvers[0] Query.greeting: data source 'missing' is not defined in dataSources",
        ].join('\n'),
      );
      expect(await greet()).toEqual({ data: { greeting: 'hi Ada' } });

      const repaired = nextLog(/^liveboard: reloaded/);
      await edit('definition.ts', (text) => text.replace("dataSource: 'missing'", "dataSource: 'none'"));
      await repaired;
      expect(await greet()).toEqual({ data: { greeting: 'hi Ada' } });
    });
  });
});
