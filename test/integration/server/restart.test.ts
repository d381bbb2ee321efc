/**
 * Data survives a restart of the API: stop it, start it again on the same tables, read what was written.
 * (`cli-start.test.ts` does the same through `liveboard start` with DynamoDB Local persisting on disk.)
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { definition } from '../../fixtures/server-api/definition.js';
import { graphql, makeTestDir, startTestApi, uniqueTablePrefix, type TestApi } from '../../support/local-api.js';

const started: TestApi[] = [];
let dataDir: string | undefined;

afterAll(async () => {
  for (const api of started) await api.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('restart', () => {
  it('serves the data written before the restart', async () => {
    dataDir = await makeTestDir();
    const tablePrefix = uniqueTablePrefix();
    const first = await startTestApi({ definition, dataDir, tablePrefix });
    started.push(first);
    const put = await graphql(first, 'mutation { putNote(id: "kept", text: "survives restarts") { id text updatedAt } }');
    const written = (put.body as { data: { putNote: unknown } }).data.putNote;
    await first.close();
    started.pop();

    const second = await startTestApi({ definition, dataDir, tablePrefix });
    started.push(second);
    const read = await graphql(second, '{ getNote(id: "kept") { id text updatedAt } }');
    expect(read.body).toEqual({ data: { getNote: written } });
  });
});
