/**
 * Loading an AppSync schema: the SDL plus `schema/appsync.graphql`, AppSync scalars attached, what AppSync
 * refuses at schema creation refused. Spec: shared/spec/appsync-graphql-engine.md §2.1-2.3.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLScalarType, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadRequestException } from '../../../local/errors.js';
import { buildAppSyncSchema, loadSchemaFiles, readAppSyncPrelude } from '../../../local/engine/index.js';

const sdl = `
  type Query @aws_api_key { when(at: AWSDateTime): AWSDateTime @aws_cognito_user_pools(cognito_groups: ["admin"]) @aws_iam }
  type Mutation { touch: Boolean @aws_auth(cognito_groups: ["a"]) }
  type Subscription { touched: Boolean @aws_subscribe(mutations: ["touch"]) @aws_oidc @aws_lambda }
`;

describe('AppSync schema loading', () => {
  it('reads SDL files, declares the AppSync directives and attaches the AppSync scalars', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'engine-schema-'));
    const file = join(directory, 'schema.graphql');
    await writeFile(file, sdl);
    const schema = await loadSchemaFiles([file]);
    const scalarNames = Object.values(schema.getTypeMap()).filter((type) => isScalarType(type) && type.name.startsWith('AWS')).map((type) => type.name);
    expect(scalarNames.sort()).toEqual(['AWSDate', 'AWSDateTime', 'AWSEmail', 'AWSIPAddress', 'AWSJSON', 'AWSPhone', 'AWSTime', 'AWSTimestamp', 'AWSURL']);
    expect(schema.getDirectives().map((directive) => directive.name).filter((name) => name.startsWith('aws_')).sort()).toEqual([
      'aws_api_key', 'aws_auth', 'aws_cognito_user_pools', 'aws_iam', 'aws_lambda', 'aws_oidc', 'aws_subscribe',
    ]);
    const awsDateTime = schema.getType('AWSDateTime') as GraphQLScalarType;
    expect(awsDateTime.parseValue('2020-01-01T00:00Z')).toBe('2020-01-01T00:00Z');
  });

  it('accepts a schema that already declares the AppSync prelude', async () => {
    const prelude = await readAppSyncPrelude();
    expect(() => buildAppSyncSchema([prelude, sdl], prelude)).not.toThrow();
  });

  it('refuses custom scalars (spec §2.1)', async () => {
    expect(() => buildAppSyncSchema(['scalar Money type Query { m: Money }'], '')).toThrow(
      new BadRequestException("Custom scalars are not supported: scalar Money. Use one of AppSync's scalars."),
    );
  });

  it('refuses type names starting with AWS (spec §2.1)', async () => {
    expect(() => buildAppSyncSchema(['type AWSThing { x: Int } type Query { t: AWSThing }'], '')).toThrow(
      new BadRequestException('Type name AWSThing is reserved: names starting with AWS belong to AppSync.'),
    );
  });
});
