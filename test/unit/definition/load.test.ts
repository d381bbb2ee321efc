/** Loading a definition module: exports, missing files, and the one error that lists every problem. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../../local/definition/load.js';
import { InvalidDefinitionError } from '../../../local/definition/problems.js';
import { definition as valid } from '../../fixtures/definition/valid.js';

const projectRoot = fileURLToPath(new URL('../../fixtures/definition/', import.meta.url));

describe('loadDefinition', () => {
  it("returns the module's `definition` export once it is valid", async () => {
    expect(await loadDefinition('valid.ts', { projectRoot })).toEqual(valid);
  });

  it('accepts a default export', async () => {
    expect(await loadDefinition('default-export.ts', { projectRoot })).toEqual(valid);
  });

  it('throws one error that lists every problem and names the file', async () => {
    const failure = loadDefinition('invalid.ts', { projectRoot });
    await expect(failure).rejects.toBeInstanceOf(InvalidDefinitionError);
    await expect(failure).rejects.toHaveProperty(
      'message',
      [
        'Invalid API definition in invalid.ts (2 problems):',
        "  - dataSources[4] 'Orphan': table 'Missing' is not defined in tables",
        '  - limits.queryDepthLimit 100 is out of range (0..75)',
      ].join('\n'),
    );
    await expect(failure).rejects.toHaveProperty('problems', ["dataSources[4] 'Orphan': table 'Missing' is not defined in tables", 'limits.queryDepthLimit 100 is out of range (0..75)']);
  });

  it('explains a missing file and a module without a definition', async () => {
    await expect(loadDefinition('infra/definition.ts', { projectRoot })).rejects.toHaveProperty(
      'message',
      'Invalid API definition in infra/definition.ts (1 problem):\n  - the file does not exist',
    );
    await expect(loadDefinition('no-export.ts', { projectRoot })).rejects.toHaveProperty(
      'message',
      "Invalid API definition in no-export.ts (1 problem):\n  - the module exports no 'definition' object (nor a default export)",
    );
  });
});
