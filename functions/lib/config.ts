/**
 * The board functions' configuration, read from the environment in one place. The definition
 * (`infra/definition.ts`) sets `TABLE_NAME` and `GRAPHQL_URL`; Lambda sets the region and the
 * execution role's credentials (locally, `local/lambda/environment.ts` does the same).
 */

export interface FunctionConfig {
  /** The board table's physical name. */
  tableName: string;
  /** The API's GraphQL endpoint, for publishing events. */
  graphqlUrl: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): FunctionConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`board functions: the environment variable ${name} is not set`);
    return value;
  };
  return {
    tableName: required('TABLE_NAME'),
    graphqlUrl: required('GRAPHQL_URL'),
    region: required('AWS_REGION'),
    credentials: {
      accessKeyId: required('AWS_ACCESS_KEY_ID'),
      secretAccessKey: required('AWS_SECRET_ACCESS_KEY'),
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    },
  };
}
