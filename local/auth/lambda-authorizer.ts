/**
 * AWS_LAMBDA mode: the `Authorization` value goes to an authorizer function with AppSync's event; its
 * answer (`isAuthorized`, `resolverContext`, `deniedFields`, `ttlOverride`) decides, and is cached per
 * token for the TTL. Spec: shared/spec/appsync-graphql-engine.md §3.1, §3.4, §3.7, §3.8.
 */
import { randomUUID } from 'node:crypto';
import type { LambdaAuthConfig } from '../definition/types.js';
import type { AuthMode, Clock } from './mode.js';
import { accepted, unauthorized, UNAUTHORIZED_MESSAGES } from './outcome.js';
import type { AuthenticationOutcome, CredentialsRequest } from './types.js';
import { wholeMatcher } from './whole-match.js';

/** The event AppSync sends to a Lambda authorizer (spec §3.4). */
export interface LambdaAuthorizerEvent {
  authorizationToken: string;
  requestContext: {
    apiId: string;
    accountId: string;
    requestId: string;
    queryString: string;
    operationName?: string;
    variables: Record<string, unknown>;
  };
  requestHeaders: Record<string, string>;
}

/**
 * Invokes a function of the definition's `lambdaFunctions` by its logical name, synchronously
 * (`RequestResponse`): `{ result }` is the handler's return value, `{ error }` a thrown error or a
 * failed invocation. Provided by the caller (the Lambda data source's invoker).
 */
export type InvokeLambda = (functionName: string, event: LambdaAuthorizerEvent) => Promise<{ result: unknown } | { error: unknown }>;

export interface LambdaAuthorizerDependencies {
  invoke: InvokeLambda;
  apiId: string;
  accountId: string;
}

/** `ctx.identity` for a Lambda-authorized request (spec §3.8). */
export interface LambdaIdentity {
  resolverContext: Record<string, unknown>;
}

/** Longest token AppSync passes to an authorizer (spec §3.4). */
export const MAX_LAMBDA_TOKEN_LENGTH = 2048;
/** AppSync gives up on an authorizer after 10 seconds (spec §3.4). */
export const AUTHORIZER_TIMEOUT_MS = 10_000;
/**
 * Cache TTL when the definition gives none: 300 s, the default of CDK's `resultsCacheTtl` (the value the
 * deployed API gets) and of the older CloudFormation text; the API reference says 0 (spec §3.1).
 */
export const DEFAULT_RESULTS_CACHE_TTL_SECONDS = 300;
const MAX_RESULTS_CACHE_TTL_SECONDS = 3600;
const MAX_CACHED_TOKENS = 10_000;

interface CachedDecision {
  expiresAt: number;
  outcome: AuthenticationOutcome;
}

export function createLambdaAuthorizerMode(config: LambdaAuthConfig, deps: LambdaAuthorizerDependencies, now: Clock): AuthMode {
  const cache = new Map<string, CachedDecision>();
  const tokenAllowed =
    config.identityValidationExpression === undefined
      ? () => true
      : wholeMatcher(config.identityValidationExpression, 'identityValidationExpression');

  async function decide(token: string, request: CredentialsRequest): Promise<AuthenticationOutcome> {
    const cached = cache.get(token);
    if (cached && cached.expiresAt > now()) return cached.outcome;
    cache.delete(token);

    const answer = await invokeWithTimeout(deps.invoke, config.function, authorizerEvent(token, request, deps));
    if ('error' in answer) return unauthorized(UNAUTHORIZED_MESSAGES.notAuthorized);
    const response = parseResponse(answer.result, deps);
    if (!response) return unauthorized(UNAUTHORIZED_MESSAGES.notAuthorized);

    const outcome = response.isAuthorized
      ? accepted({ type: 'AWS_LAMBDA', identity: { resolverContext: response.resolverContext } satisfies LambdaIdentity, deniedFields: response.deniedFields })
      : unauthorized(UNAUTHORIZED_MESSAGES.notAuthorized);
    const ttlSeconds = Math.min(response.ttlOverride ?? config.resultsCacheTtlSeconds ?? DEFAULT_RESULTS_CACHE_TTL_SECONDS, MAX_RESULTS_CACHE_TTL_SECONDS);
    // Denials are cached like grants (unconfirmed for AppSync; API Gateway's authorizer cache does so).
    if (ttlSeconds > 0) remember(cache, token, { expiresAt: now() + ttlSeconds * 1000, outcome });
    return outcome;
  }

  return {
    type: 'AWS_LAMBDA',
    async authenticate(request: CredentialsRequest) {
      const token = request.headers.authorization ?? '';
      if (token === '' || token.length > MAX_LAMBDA_TOKEN_LENGTH) return unauthorized(UNAUTHORIZED_MESSAGES.notAuthorized);
      if (!tokenAllowed(token)) {
        return unauthorized(UNAUTHORIZED_MESSAGES.notAuthorized);
      }
      return decide(token, request);
    },
  };
}

function authorizerEvent(token: string, request: CredentialsRequest, deps: LambdaAuthorizerDependencies): LambdaAuthorizerEvent {
  const graphql = request.graphql;
  return {
    authorizationToken: token,
    requestContext: {
      apiId: deps.apiId,
      accountId: deps.accountId,
      requestId: randomUUID(),
      queryString: graphql?.query ?? '',
      ...(graphql?.operationName ? { operationName: graphql.operationName } : {}),
      variables: graphql?.variables ?? {},
    },
    requestHeaders: { ...request.headers },
  };
}

async function invokeWithTimeout(
  invoke: InvokeLambda,
  functionName: string,
  event: LambdaAuthorizerEvent,
): Promise<{ result: unknown } | { error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ error: unknown }>((resolve) => {
    timer = setTimeout(() => resolve({ error: new Error('authorizer timed out') }), AUTHORIZER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([invoke(functionName, event).catch((error: unknown) => ({ error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface AuthorizerResponse {
  isAuthorized: boolean;
  resolverContext: Record<string, unknown>;
  deniedFields: string[];
  ttlOverride: number | undefined;
}

/** A response without a boolean `isAuthorized` is a failure (401, spec §3.4, unconfirmed). */
function parseResponse(result: unknown, deps: LambdaAuthorizerDependencies): AuthorizerResponse | undefined {
  if (!isRecord(result) || typeof result.isAuthorized !== 'boolean') return undefined;
  const ttl = result.ttlOverride;
  return {
    isAuthorized: result.isAuthorized,
    resolverContext: isRecord(result.resolverContext) ? result.resolverContext : {},
    deniedFields: Array.isArray(result.deniedFields)
      ? result.deniedFields.flatMap((field) => {
          const name = typeof field === 'string' ? deniedFieldName(field, deps) : undefined;
          return name === undefined ? [] : [name];
        })
      : [],
    ttlOverride: typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 0 ? ttl : undefined,
  };
}

/**
 * `Type.field`, or the field's ARN `arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>`
 * (of this API), as `Type.field`; anything else is ignored.
 */
export function deniedFieldName(entry: string, deps: Pick<LambdaAuthorizerDependencies, 'apiId' | 'accountId'>): string | undefined {
  const short = /^([_A-Za-z][_0-9A-Za-z]*)\.([_A-Za-z][_0-9A-Za-z]*)$/.exec(entry);
  if (short) return `${short[1]}.${short[2]}`;
  const arn = /^arn:aws:appsync:[^:]*:([^:]*):apis\/([^/]+)\/types\/([_A-Za-z][_0-9A-Za-z]*)\/fields\/([_A-Za-z][_0-9A-Za-z]*)$/.exec(entry);
  if (arn && arn[1] === deps.accountId && arn[2] === deps.apiId) return `${arn[3]}.${arn[4]}`;
  return undefined;
}

function remember(cache: Map<string, CachedDecision>, token: string, decision: CachedDecision): void {
  if (cache.size >= MAX_CACHED_TOKENS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(token, decision);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
