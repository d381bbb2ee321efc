/**
 * Which definition edits hot reload applies: the parts the engine is rebuilt from are taken, the parts
 * set up once at start are reported as needing a restart, an invalid edit is refused. `read` is faked
 * (the integration suite reads a real edited file); validation is the real one, on the server fixture.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidDefinitionError } from '../../../local/definition/problems.js';
import type { ApiDefinition } from '../../../local/definition/types.js';
import { reloadableDefinition, restartOnlyChanges } from '../../../local/watch/definition-reload.js';
import { RestartNeededError } from '../../../local/watch/hot-reload.js';
import { definition as running } from '../../fixtures/server-api/definition.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const reload = (edited: ApiDefinition) => reloadableDefinition(running, { read: async () => edited, projectRoot: PROJECT_ROOT, source: 'infra/definition.ts' });

describe('restartOnlyChanges', () => {
  it('names nothing when only hot-swappable parts changed', () => {
    const edited: ApiDefinition = {
      ...running,
      name: 'renamed',
      resolvers: running.resolvers.slice(1),
      environmentVariables: { STAGE: 'local' },
      limits: { queryDepthLimit: 5 },
    };
    expect(restartOnlyChanges(running, edited)).toEqual([]);
  });

  it('names every restart-only part that changed, compared structurally', () => {
    const edited: ApiDefinition = {
      ...structuredClone(running),
      tables: [{ ...running.tables[0]!, timeToLiveAttribute: 'expiresAt' }],
      dataSources: [...running.dataSources, { name: 'other', type: 'NONE' }],
      lambdaFunctions: [{ ...running.lambdaFunctions[0]!, environment: { MODE: 'loud' } }],
      authentication: { default: { type: 'API_KEY' }, additional: [{ type: 'AWS_IAM' }] },
    };
    expect(restartOnlyChanges(running, edited)).toEqual(['tables', 'dataSources', 'lambdaFunctions', 'authentication']);
    expect(restartOnlyChanges(running, structuredClone(running))).toEqual([]);
  });
});

describe('reloadableDefinition', () => {
  it('returns a valid edit of hot-swappable parts', async () => {
    const edited: ApiDefinition = { ...running, resolvers: running.resolvers.slice(1) };
    expect(await reload(edited)).toEqual(edited);
  });

  it('refuses, in one line, an edit that needs a restart', async () => {
    const edited: ApiDefinition = { ...running, tables: [{ ...running.tables[0]!, timeToLiveAttribute: 'expiresAt' }] };
    await expect(reload(edited)).rejects.toEqual(
      new RestartNeededError('infra/definition.ts changed tables, which needs a restart of liveboard start; still serving the last good version.'),
    );
  });

  it('refuses an invalid edit with the validation problems', async () => {
    const edited: ApiDefinition = { ...running, dataSources: running.dataSources.filter((source) => source.name !== 'none') };
    await expect(reload(edited)).rejects.toEqual(
      new InvalidDefinitionError('infra/definition.ts', [
        "resolvers[1] Query.echo: data source 'none' is not defined in dataSources",
        "resolvers[2] Query.fail: data source 'none' is not defined in dataSources",
        "resolvers[3] Query.withHeader: data source 'none' is not defined in dataSources",
      ]),
    );
  });
});
