/**
 * The composition root: turns an `ApiDefinition` into a running local AppSync API. Each step is another
 * module's job; this file only wires them together, in the order data flows (architecture.md):
 * tables → data sources → auth → engine (schema + resolver code) → HTTP server, plus hot reload.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createAuthenticator, type AuthenticatorDependencies } from './auth/authenticator.js';
import { iamUserPrincipal, type IamPrincipal } from './auth/iam.js';
import { loadLocalIamUser } from './auth/local-iam-user.js';
import { loadLocalOidcKey, type LocalOidcKey } from './auth/local-oidc-key.js';
import { loadLocalUserPool, type LocalUserPool } from './auth/local-user-pool.js';
import type { Authenticator } from './auth/types.js';
import { createDynamoDbDataSource } from './datasources/dynamodb/data-source.js';
import { createHttpDataSource } from './datasources/http/http-data-source.js';
import { createLambdaDataSource } from './datasources/lambda/lambda-data-source.js';
import { createNoneDataSource } from './datasources/none/none-data-source.js';
import type { DataSource } from './datasources/types.js';
import type { ApiDefinition, AuthType, DataSourceDefinition } from './definition/types.js';
import { validateDefinition } from './definition/validate.js';
import { localDynamoDbClient } from './dynamodb/launcher.js';
import { ensureTables, physicalTableName, tableNameResolver } from './dynamodb/tables.js';
import type { Engine } from './engine/index.js';
import { ensureGraphiqlBundle } from './graphiql/bundle.js';
import type { GraphiqlAuthOption } from './graphiql/page.js';
import { graphiqlRoutes, GRAPHIQL_PATH } from './graphiql/routes.js';
import { LocalLambdaRuntime } from './lambda/local-lambda-runtime.js';
import { attachRealtimeEndpoint, loadLocalCertificate, type RealtimeEndpoint, type RealtimeSettingsInput } from './realtime/index.js';
import type { LocalLambdaSettings } from './lambda/environment.js';
import type { LambdaInvoker } from './lambda/types.js';
import { healthRoute, jsonDocumentRoute } from './server/json-routes.js';
import { createLocalServer, GRAPHQL_PATH, type LocalServer } from './server/server.js';
import { buildEngine, sourceFilesOf } from './watch/build-engine.js';
import { reloadableDefinition } from './watch/definition-reload.js';
import { startHotReload } from './watch/hot-reload.js';

/** The local stand-ins for the AWS account the API would live in. */
const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '123456789012';
const LOCAL_API_ID = 'local';

/**
 * The credentials local Lambda functions run with. The IAM mode trusts them, so that a function that
 * calls the API with SigV4 (`callsApi`) is accepted as its execution role would be.
 */
export const LOCAL_FUNCTION_PRINCIPAL = {
  accessKeyId: 'ASIALOCALFUNCTIONS00',
  secretAccessKey: 'local-functions-secret-access-key',
  accountId: LOCAL_ACCOUNT_ID,
  userArn: `arn:aws:sts::${LOCAL_ACCOUNT_ID}:assumed-role/liveboard-local-functions/local`,
  username: 'AROALOCALFUNCTIONS00:local',
} as const;

export interface LocalApiOptions {
  /** Definition paths (schema, code, Lambda entries) are relative to this folder. */
  rootDir: string;
  definition: ApiDefinition;
  /** How validation messages name the definition (e.g. its file). Default: its name. */
  definitionSource?: string;
  /** 0 = a free port. */
  port: number;
  host: string;
  dynamodbEndpoint: string;
  /** Physical table names are `tablePrefix + logical name`. Default: none. */
  tablePrefix?: string;
  /** Default: a generated key (AppSync's `da2-…` format). */
  apiKey?: string;
  /** Local state: the Cognito issuer's keys, the local OIDC key, the local IAM user, the GraphiQL bundle cache. */
  dataDir: string;
  /**
   * IAM principals the IAM mode trusts besides the local functions' and the local IAM user (e.g. the
   * developer's own credentials: `environmentIamPrincipals(process.env, LOCAL_ACCOUNT_ID)`). Default: none.
   */
  iamPrincipals?: readonly IamPrincipal[];
  /** Where resolver and Lambda bundles are written. Default: `<rootDir>/dist` (the files CDK deploys). */
  buildDir?: string;
  /** Rebuild and swap the API when a source file changes. Default: false. */
  watch?: boolean;
  /**
   * With `watch`: the file `definition` was read from (relative to `rootDir`) and how to read it again
   * (bypassing the module cache), so that edits to the definition itself hot-reload too. Default: none
   * (the definition is fixed for the server's life).
   */
  definitionFile?: { path: string; read: () => Promise<ApiDefinition> };
  /** Requests above this size get 413. Default: the server's (10 MiB). */
  maxRequestBodyBytes?: number;
  /** Real-time limits and timings (keep-alive interval, subscriptions per connection, …). Default: AppSync's. */
  realtime?: RealtimeSettingsInput;
  /** Reload reports and server failures. Default: stderr. */
  log?: (line: string) => void;
}

export interface LocalApi {
  /** `http://host:port/graphql`. */
  url: string;
  /** `ws://host:port/graphql/realtime` (appsync-realtime.md §1.3). */
  realtimeUrl: string;
  graphiqlUrl: string;
  apiKey: string;
  /** For the real-time endpoint: the HTTP server to attach to, and every executed operation's outcome. */
  server: LocalServer;
  /** The WebSocket endpoint (`ws://` and, on the same port, `wss://`). */
  realtime: RealtimeEndpoint;
  /** The TLS certificate of `wss://` (and `https://`) on the same port, for clients to trust (`NODE_EXTRA_CA_CERTS`). */
  certificatePath: string;
  authenticator: Authenticator;
  /** The engine serving now (hot reload replaces it). */
  engine(): Engine;
  close(): Promise<void>;
}

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const { definition } = options;
  const rootDir = resolve(options.rootDir);
  const buildDir = resolve(options.buildDir ?? join(rootDir, 'dist'));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  await validateDefinition(definition, { projectRoot: rootDir, source: options.definitionSource ?? `the definition '${definition.name}'` });

  // Everything started is stopped by `close()`, last started first; a failed start stops what it started.
  const stoppers: Array<() => unknown> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
  };
  try {
    const dynamodb = localDynamoDbClient(options.dynamodbEndpoint);
    stoppers.push(() => dynamodb.destroy());
    const tablePrefix = options.tablePrefix ?? '';
    await ensureTables(dynamodb, definition.tables, { prefix: tablePrefix });

    let graphqlUrl = '';
    const lambdas = new LocalLambdaRuntime({
      functions: definition.lambdaFunctions,
      bundleDir: join(buildDir, 'functions'),
      settings: lambdaSettings(options.dynamodbEndpoint, tablePrefix, () => graphqlUrl),
    });
    stoppers.push(() => lambdas.close());
    const dataSources = createDataSources(definition.dataSources, {
      dynamodb,
      tableName: tableNameResolver(definition.tables, tablePrefix),
      invokeLambda: lambdas.invokeFunction,
    });
    const build = (from: ApiDefinition) => buildEngine({ definition: from, rootDir, buildDir, dataSources, lambdas });
    let engine = await build(definition);

    const apiKey = options.apiKey ?? generateApiKey();
    const localAuth = await loadLocalAuthState(definition, options.dataDir, options.iamPrincipals ?? []);
    const userPool = localAuth.userPool;
    const authenticator = createAuthenticator(definition.authentication, authDependencies(definition, apiKey, localAuth, lambdas.invokeFunction));

    const graphiqlBundle = lazyGraphiqlBundle(join(options.dataDir, 'graphiql'), log);
    const server = createLocalServer({
      authenticator,
      executor: () => engine,
      routes: [
        healthRoute(),
        ...graphiqlRoutes({ bundle: graphiqlBundle, config: async () => ({ endpoint: GRAPHQL_PATH, authOptions: await graphiqlAuthOptions(definition, apiKey, localAuth) }) }),
        ...(userPool ? [jsonDocumentRoute(JWKS_PATH, () => userPool.jwks())] : []),
      ],
      ...(options.maxRequestBodyBytes === undefined ? {} : { maxBodyBytes: options.maxRequestBodyBytes }),
      log,
    });
    // Same port: WebSocket upgrades, and TLS for Amplify v6, which always opens wss:// (appsync-realtime.md §1.3).
    const certificate = await loadLocalCertificate(options.dataDir);
    const realtime = attachRealtimeEndpoint({
      httpServer: server.httpServer,
      authenticator,
      engine: () => engine,
      graphqlPath: GRAPHQL_PATH,
      tls: certificate,
      ...(options.realtime ? { settings: options.realtime } : {}),
      log,
    });
    server.onExecuted((outcome) => realtime.publish(outcome));
    const port = await server.listen(options.port, options.host);
    stoppers.push(() => server.close());
    stoppers.push(() => realtime.close());
    const origin = `http://${urlHost(options.host)}:${port}`;
    graphqlUrl = `${origin}${GRAPHQL_PATH}`;
    // Build (or find) the GraphiQL bundle in the background; a failure is logged and retried on first use.
    graphiqlBundle().catch(() => undefined);

    if (options.watch) {
      const definitionFile = options.definitionFile;
      const definitionPath = definitionFile && resolve(rootDir, definitionFile.path);
      const watchedFiles = (from: ApiDefinition) => [...sourceFilesOf(from, rootDir), ...(definitionPath ? [definitionPath] : [])];
      let running = definition;
      const hotReload = startHotReload({
        sourceFiles: watchedFiles(running),
        reload: async (changedPaths) => {
          const next =
            definitionFile && definitionPath && changedPaths.includes(definitionPath)
              ? await reloadableDefinition(running, { read: definitionFile.read, projectRoot: rootDir, source: options.definitionSource ?? definitionFile.path })
              : running;
          engine = await build(next);
          if (next !== running) hotReload.setSourceFiles(watchedFiles(next));
          running = next;
        },
        log,
      });
      stoppers.push(() => hotReload.close());
    }

    return {
      url: graphqlUrl,
      realtimeUrl: `ws://${urlHost(options.host)}:${port}${GRAPHQL_PATH}/realtime`,
      graphiqlUrl: `${origin}${GRAPHIQL_PATH}`,
      apiKey,
      server,
      realtime,
      certificatePath: certificate.path,
      authenticator,
      engine: () => engine,
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Where Cognito publishes a pool's keys (`<issuer>/.well-known/jwks.json`); the local issuer's are served here. */
const JWKS_PATH = '/.well-known/jwks.json';

/** AppSync API keys look like `da2-` and 26 lower-case letters and digits. */
function generateApiKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `da2-${[...randomBytes(26)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

function lambdaSettings(dynamodbEndpoint: string, tablePrefix: string, graphqlUrl: () => string): LocalLambdaSettings {
  return {
    tableName: (logicalName) => physicalTableName(logicalName, tablePrefix),
    graphqlUrl,
    dynamodbEndpoint,
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    credentials: { accessKeyId: LOCAL_FUNCTION_PRINCIPAL.accessKeyId, secretAccessKey: LOCAL_FUNCTION_PRINCIPAL.secretAccessKey },
  };
}

interface DataSourceDependencies {
  dynamodb: DynamoDBClient;
  /** Logical → physical table name. */
  tableName: (logicalName: string) => string;
  invokeLambda: LambdaInvoker;
}

function createDataSources(definitions: readonly DataSourceDefinition[], deps: DataSourceDependencies): Map<string, DataSource> {
  return new Map(definitions.map((definition) => [definition.name, createDataSource(definition, deps)]));
}

function createDataSource(definition: DataSourceDefinition, deps: DataSourceDependencies): DataSource {
  switch (definition.type) {
    case 'AMAZON_DYNAMODB':
      return createDynamoDbDataSource({
        name: definition.name,
        client: deps.dynamodb,
        tableName: deps.tableName(definition.table),
        resolveTableName: deps.tableName,
      });
    case 'AWS_LAMBDA':
      return createLambdaDataSource({ name: definition.name, functionName: definition.function, invoke: deps.invokeLambda });
    case 'NONE':
      return createNoneDataSource(definition.name);
    case 'HTTP':
      return createHttpDataSource({ name: definition.name, endpoint: definition.endpoint });
  }
}

function usesAuthType(definition: ApiDefinition, type: AuthType): boolean {
  return [definition.authentication.default, ...(definition.authentication.additional ?? [])].some((mode) => mode.type === type);
}

/** The local stand-ins the configured modes verify against, kept in the data directory. */
interface LocalAuthState {
  userPool: LocalUserPool | undefined;
  localOidcKey: LocalOidcKey | undefined;
  /** Whom the IAM mode trusts: the local functions, the local IAM user, and the caller's extra principals. */
  iamPrincipals: IamPrincipal[];
}

async function loadLocalAuthState(definition: ApiDefinition, dataDir: string, extraIamPrincipals: readonly IamPrincipal[]): Promise<LocalAuthState> {
  const iamUser = usesAuthType(definition, 'AWS_IAM') ? await loadLocalIamUser(dataDir) : undefined;
  return {
    userPool: usesAuthType(definition, 'AMAZON_COGNITO_USER_POOLS') ? await loadLocalUserPool(dataDir) : undefined,
    localOidcKey: usesAuthType(definition, 'OPENID_CONNECT') ? await loadLocalOidcKey(dataDir) : undefined,
    iamPrincipals: [LOCAL_FUNCTION_PRINCIPAL, ...(iamUser ? [iamUserPrincipal({ ...iamUser, accountId: LOCAL_ACCOUNT_ID })] : []), ...extraIamPrincipals],
  };
}

/**
 * What each configured auth mode needs locally: the API key (valid for the configured lifetime from
 * now, spec §3.5), the local Cognito issuer, the local OIDC key, the trusted IAM principals, the Lambda
 * authorizer through the local Lambda runtime.
 */
function authDependencies(
  definition: ApiDefinition,
  apiKey: string,
  localAuth: LocalAuthState,
  invokeLambda: LambdaInvoker,
): AuthenticatorDependencies {
  const modes = [definition.authentication.default, ...(definition.authentication.additional ?? [])];
  const apiKeyMode = modes.find((mode) => mode.type === 'API_KEY');
  const lifetimeDays = apiKeyMode?.type === 'API_KEY' ? (apiKeyMode.expiresInDays ?? DEFAULT_API_KEY_DAYS) : DEFAULT_API_KEY_DAYS;
  return {
    apiKeys: [{ id: apiKey, expires: Math.floor(Date.now() / 1000) + lifetimeDays * 86_400 }],
    ...(localAuth.userPool ? { userPool: localAuth.userPool } : {}),
    ...(localAuth.localOidcKey ? { localOidcKey: localAuth.localOidcKey } : {}),
    iam: { region: LOCAL_REGION, principals: localAuth.iamPrincipals },
    lambda: { invoke: invokeLambda, apiId: LOCAL_API_ID, accountId: LOCAL_ACCOUNT_ID },
  };
}

/** AppSync's default API key lifetime (spec §3.5). */
const DEFAULT_API_KEY_DAYS = 7;

/** The user the GraphiQL page's Cognito option signs in as. */
const GRAPHIQL_USER = 'graphiql';

/**
 * The credentials GraphiQL offers, in the API's order of modes: the API key, an ID token of the local
 * user pool, and a token of the local OIDC stand-in key for the configured issuer (tokens minted at each
 * page load, valid for an hour). IAM needs request signing and a Lambda authorizer its own token format,
 * which the page cannot make up.
 */
async function graphiqlAuthOptions(definition: ApiDefinition, apiKey: string, localAuth: LocalAuthState): Promise<GraphiqlAuthOption[]> {
  const options: GraphiqlAuthOption[] = [];
  for (const mode of [definition.authentication.default, ...(definition.authentication.additional ?? [])]) {
    if (mode.type === 'API_KEY') options.push({ label: 'API key', headers: { 'x-api-key': apiKey } });
    if (mode.type === 'AMAZON_COGNITO_USER_POOLS' && localAuth.userPool) {
      const token = await localAuth.userPool.mint({ username: GRAPHIQL_USER });
      options.push({ label: `Cognito user pool (user '${GRAPHIQL_USER}')`, headers: { authorization: token } });
    }
    if (mode.type === 'OPENID_CONNECT' && localAuth.localOidcKey) {
      const token = await localAuth.localOidcKey.mint({ issuer: mode.issuer, subject: GRAPHIQL_USER, ...(mode.clientId === undefined ? {} : { audience: mode.clientId }) });
      options.push({ label: `OIDC, local stand-in key (sub '${GRAPHIQL_USER}')`, headers: { authorization: token } });
    }
  }
  return options;
}

/** Builds the GraphiQL bundle once, on first need; a failed build is reported and retried on the next need. */
function lazyGraphiqlBundle(cacheDir: string, log: (line: string) => void): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= ensureGraphiqlBundle(cacheDir).catch((error: unknown) => {
      pending = undefined;
      log(`liveboard: could not build the GraphiQL page: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    });
    return pending;
  };
}

/** IPv6 literals need brackets in URLs. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
