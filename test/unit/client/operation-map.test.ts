/**
 * The SDK's method table (client/operation-map.ts) against the generated documents and the schema: every
 * root field of the board app's Query, Mutation and Subscription types has exactly one operation,
 * listed in the map of its kind under the name of its one root field (which is also the operation's
 * name), so that `client.<field>(…)` sends the operation that answers `<field>` (issue 9).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchema, Kind, type DocumentNode, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../client/generated/operations.js';
import { mutations, queries, subscriptions } from '../../../client/operation-map.js';
import { PROJECT_ROOT } from '../../support/local-api.js';

interface OperationSummary {
  kind: OperationTypeNode;
  name: string | undefined;
  rootFields: string[];
}

function summary(document: DocumentNode): OperationSummary[] {
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      kind: operation.operation,
      name: operation.name?.value,
      rootFields: operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : selection.kind)),
    }));
}

const maps = { query: queries, mutation: mutations, subscription: subscriptions };

async function appSchemaRootFields(): Promise<Record<OperationTypeNode, string[]>> {
  const sdl = await Promise.all(['schema/appsync.graphql', 'schema/schema.graphql'].map((file) => readFile(join(PROJECT_ROOT, file), 'utf8')));
  const schema = buildSchema(sdl.join('\n'));
  return {
    query: Object.keys(schema.getQueryType()?.getFields() ?? {}),
    mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}),
    subscription: Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
  };
}

describe('the SDK operation map', () => {
  it('lists each operation once, under its kind, named after its one root field', () => {
    const listed = Object.entries(maps).flatMap(([kind, map]) =>
      Object.entries(map).map(([method, document]) => ({ method, operations: summary(document), expected: { kind, name: method, rootFields: [method] } })),
    );
    expect(listed.map(({ method, operations }) => ({ method, operations }))).toEqual(listed.map(({ method, expected }) => ({ method, operations: [expected] })));
  });

  it('lists every generated operation document', () => {
    const generatedDocuments = Object.entries(generated)
      .filter(([exportName]) => exportName.endsWith('Document'))
      .map(([, document]) => document);
    const listedDocuments = Object.values(maps).flatMap((map) => Object.values(map));
    expect(new Set(listedDocuments)).toEqual(new Set(generatedDocuments));
    expect(listedDocuments).toHaveLength(generatedDocuments.length);
  });

  it('covers every root field of the schema', async () => {
    const rootFields = await appSchemaRootFields();
    const methods = Object.fromEntries(Object.entries(maps).map(([kind, map]) => [kind, Object.keys(map).sort()]));
    expect(methods).toEqual(Object.fromEntries(Object.entries(rootFields).map(([kind, fields]) => [kind, [...fields].sort()])));
  });
});
