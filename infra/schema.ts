/**
 * The API's schema for AppSync: the definition's SDL files as written, joined in order. Nothing else
 * is added: `schema/appsync.graphql` (AppSync's own scalars and directives, which the local runtime
 * merges in) is never part of `schemaFiles`, and AppSync rejects a schema that redeclares them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IGraphqlApi, ISchema, ISchemaConfig } from 'aws-cdk-lib/aws-appsync';

/** What `ISchema.bind` is given (a reference to the API). */
type ApiReference = Parameters<ISchema['bind']>[0];

/** The SDL AppSync receives for these files (paths relative to `projectRoot`). */
function schemaDefinition(schemaFiles: readonly string[], projectRoot: string): string {
  return schemaFiles.map((file) => readFileSync(resolve(projectRoot, file), 'utf8')).join('\n');
}

/** An `ISchema` made of several files (CDK's `SchemaFile` takes one). */
export function schemaFromFiles(schemaFiles: readonly string[], projectRoot: string): ISchema {
  const definition = schemaDefinition(schemaFiles, projectRoot);
  return {
    bind: (api: ApiReference): ISchemaConfig => {
      if (!isGraphqlApi(api)) throw new Error('schemaFromFiles: the schema can only be bound to a GraphqlApi');
      return { apiId: api.apiId, definition };
    },
  };
}

function isGraphqlApi(api: ApiReference): api is IGraphqlApi {
  return 'apiId' in api;
}
