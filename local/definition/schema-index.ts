/**
 * Reads the definition's SDL files for validation: syntax errors per file, AppSync's schema rules (by
 * building the schema as the engine does), and an index of the object types and their fields, built
 * from the parsed documents (including `extend type`) so that resolver targets can be checked even
 * when the schema has other errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import { buildAppSyncSchema, readAppSyncPrelude } from '../engine/schema.js';
import type { FileCheck } from './project-files.js';

/** What a resolver target is in the schema. */
export type TypeLookup = { kind: 'object'; fields: Set<string> } | { kind: 'other'; description: string } | undefined;

export interface SchemaIndex {
  lookup(typeName: string): TypeLookup;
}

const KIND_DESCRIPTIONS: Partial<Record<Kind, string>> = {
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'an input type',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'an input type',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'an interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'an interface',
  [Kind.UNION_TYPE_DEFINITION]: 'a union',
  [Kind.UNION_TYPE_EXTENSION]: 'a union',
  [Kind.ENUM_TYPE_DEFINITION]: 'an enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'an enum',
  [Kind.SCALAR_TYPE_DEFINITION]: 'a scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'a scalar',
};

function describeGraphQLError(error: unknown): string {
  if (error instanceof GraphQLError && error.locations?.[0]) {
    const { line, column } = error.locations[0];
    return `${error.message} (line ${line}, column ${column})`;
  }
  return error instanceof Error ? error.message : String(error);
}

function indexDocuments(documents: DocumentNode[]): SchemaIndex {
  const objects = new Map<string, Set<string>>();
  const others = new Map<string, string>();
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
        const fields = objects.get(definition.name.value) ?? new Set<string>();
        for (const field of definition.fields ?? []) fields.add(field.name.value);
        objects.set(definition.name.value, fields);
      } else if ('name' in definition && definition.name && KIND_DESCRIPTIONS[definition.kind]) {
        others.set(definition.name.value, KIND_DESCRIPTIONS[definition.kind]!);
      }
    }
  }
  return {
    lookup(typeName) {
      const fields = objects.get(typeName);
      if (fields) return { kind: 'object', fields };
      const description = others.get(typeName);
      return description ? { kind: 'other', description } : undefined;
    },
  };
}

/** AppSync's own rules (custom scalars, reserved names, unknown types, …), as the engine applies them. */
async function schemaRuleProblems(sources: string[]): Promise<string[]> {
  let prelude: string;
  try {
    prelude = await readAppSyncPrelude();
  } catch {
    // Without schema/appsync.graphql the AppSync directives are unknown: only syntax and targets are checked.
    return [];
  }
  try {
    buildAppSyncSchema(sources, prelude);
    return [];
  } catch (error) {
    return [`schema: ${describeGraphQLError(error)}`];
  }
}

export async function readSchemaFiles(
  schemaFiles: unknown,
  projectRoot: string,
  checkFile: FileCheck,
): Promise<{ index: SchemaIndex; problems: string[] }> {
  if (!Array.isArray(schemaFiles) || schemaFiles.length === 0) {
    return { index: indexDocuments([]), problems: ['schemaFiles: at least one SDL file is required'] };
  }
  const problems: string[] = [];
  const sources: string[] = [];
  const documents: DocumentNode[] = [];
  schemaFiles.forEach((file: unknown, index) => {
    const label = `schemaFiles[${index}]`;
    const missing = checkFile(file, 'SDL file');
    if (missing) {
      problems.push(`${label}: ${missing}`);
      return;
    }
    const source = readFileSync(resolve(projectRoot, file as string), 'utf8');
    try {
      documents.push(parse(source));
      sources.push(source);
    } catch (error) {
      problems.push(`${label} '${String(file)}': ${describeGraphQLError(error)}`);
    }
  });
  if (problems.length === 0) problems.push(...(await schemaRuleProblems(sources)));
  return { index: indexDocuments(documents), problems };
}
