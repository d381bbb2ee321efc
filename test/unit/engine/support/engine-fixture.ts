import { readFileSync } from 'node:fs';
import type { AuthContext, FieldAuthorizer } from '../../../../local/auth/types.js';
import type { ApiLimits } from '../../../../local/definition/types.js';
import { buildAppSyncSchema, createEngine } from '../../../../local/engine/index.js';
import type { Engine, ExecuteRequest, ResolverBinding } from '../../../../local/engine/index.js';

const prelude = readFileSync(new URL('../../../../schema/appsync.graphql', import.meta.url), 'utf8');

export const API_KEY_AUTH: AuthContext = { type: 'API_KEY', identity: null, deniedFields: [] };

export interface FixtureOptions {
  resolvers?: Record<string, ResolverBinding>;
  fieldAuthorizer?: FieldAuthorizer;
  limits?: ApiLimits;
  env?: Record<string, string>;
  executionTimeoutMs?: number;
}

export function engineFor(sdl: string, options: FixtureOptions = {}): Engine {
  return createEngine({ schema: buildAppSyncSchema([sdl], prelude), resolvers: options.resolvers ?? {}, ...options });
}

/** A request with an API key caller and no headers unless given. */
export function request(query: string, extra: Partial<ExecuteRequest> = {}): ExecuteRequest {
  return { query, headers: {}, auth: API_KEY_AUTH, ...extra };
}

/** The checklist's Schema S (spec appsync-graphql-engine.md §7) with the engine tests' additions. */
export const SCHEMA_S = readFileSync(new URL('../../../fixtures/engine/schema-s.graphql', import.meta.url), 'utf8');
