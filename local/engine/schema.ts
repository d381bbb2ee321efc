/**
 * Loads an AppSync schema: the API's SDL merged with `schema/appsync.graphql` (AppSync's predefined scalars
 * and directives), with AppSync's scalar implementations attached.
 * Spec: appsync-graphql-engine.md §2.1 (no custom scalars, `AWS` names reserved), §2.2, §2.3.
 */
import { readFile } from 'node:fs/promises';
import { Kind } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { BadRequestException } from '../errors.js';
import { appSyncScalars } from './scalars/index.js';

const PRELUDE_URL = new URL('../../schema/appsync.graphql', import.meta.url);

let preludeText: Promise<string> | undefined;

/** The text of `schema/appsync.graphql`, read once. */
export function readAppSyncPrelude(): Promise<string> {
  preludeText ??= readFile(PRELUDE_URL, 'utf8');
  return preludeText;
}

/** Reads SDL files and builds the schema (see `buildAppSyncSchema`). */
export async function loadSchemaFiles(paths: string[]): Promise<GraphQLSchema> {
  const sources = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
  return buildAppSyncSchema(sources, await readAppSyncPrelude());
}

/**
 * Builds an executable schema from SDL sources plus the AppSync prelude text. Refuses what AppSync refuses
 * at schema creation: custom scalars and user types named `AWS…` (BadRequestException).
 */
export function buildAppSyncSchema(sources: string[], prelude: string): GraphQLSchema {
  const userDocument = mergeTypeDefs(sources);
  rejectReservedDefinitions(userDocument);
  const typeDefs = mergeTypeDefs([prelude, userDocument]);
  return makeExecutableSchema({ typeDefs, resolvers: { ...appSyncScalars } });
}

function rejectReservedDefinitions(document: DocumentNode): void {
  for (const definition of document.definitions) {
    if (!('name' in definition) || definition.name === undefined) continue;
    const name = definition.name.value;
    if (definition.kind === Kind.SCALAR_TYPE_DEFINITION) {
      if (name in appSyncScalars) continue;
      throw new BadRequestException(`Custom scalars are not supported: scalar ${name}. Use one of AppSync's scalars.`);
    }
    if (definition.kind !== Kind.DIRECTIVE_DEFINITION && name.startsWith('AWS')) {
      throw new BadRequestException(`Type name ${name} is reserved: names starting with AWS belong to AppSync.`);
    }
  }
}
