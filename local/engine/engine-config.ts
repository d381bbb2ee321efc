/**
 * The engine's settings, checked once at creation (what AppSync refuses when resolvers or API settings
 * are created: spec appsync-graphql-engine.md §1.6, §4.2, §4.4, §6).
 */
import { isObjectType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { FieldAuthorizer } from '../auth/types.js';
import { BadRequestException } from '../errors.js';
import type { EngineOptions, ResolverBinding } from './types.js';

export interface EngineConfig {
  schema: GraphQLSchema;
  resolvers: ReadonlyMap<string, ResolverBinding>;
  fieldAuthorizer: FieldAuthorizer | undefined;
  /** 0 = no limit. */
  queryDepthLimit: number;
  resolverCountLimit: number;
  introspectionDisabled: boolean;
  env: Record<string, string>;
  executionTimeoutMs: number;
}

const MAX_PIPELINE_FUNCTIONS = 10;
const MAX_BATCH_SIZE = 2000;
const DEFAULT_RESOLVER_COUNT_LIMIT = 10_000;
const MAX_QUERY_DEPTH_LIMIT = 75;
const APPSYNC_EXECUTION_TIMEOUT_MS = 30_000;

export function engineConfig(options: EngineOptions): EngineConfig {
  const resolvers = new Map<string, ResolverBinding>();
  for (const [key, binding] of Object.entries(options.resolvers)) {
    checkResolverField(options.schema, key);
    checkBinding(key, binding);
    resolvers.set(key, binding);
  }
  const limits = options.limits ?? {};
  const queryDepthLimit = limits.queryDepthLimit ?? 0;
  const resolverCountLimit = limits.resolverCountLimit || DEFAULT_RESOLVER_COUNT_LIMIT;
  if (!Number.isInteger(queryDepthLimit) || queryDepthLimit < 0 || queryDepthLimit > MAX_QUERY_DEPTH_LIMIT) {
    throw new BadRequestException(`queryDepthLimit must be 0..${MAX_QUERY_DEPTH_LIMIT}, got ${queryDepthLimit}.`);
  }
  if (!Number.isInteger(resolverCountLimit) || resolverCountLimit < 1 || resolverCountLimit > DEFAULT_RESOLVER_COUNT_LIMIT) {
    throw new BadRequestException(`resolverCountLimit must be 0..${DEFAULT_RESOLVER_COUNT_LIMIT}, got ${resolverCountLimit}.`);
  }
  return {
    schema: options.schema,
    resolvers,
    fieldAuthorizer: options.fieldAuthorizer,
    queryDepthLimit,
    resolverCountLimit,
    introspectionDisabled: limits.introspection === 'DISABLED',
    env: options.env ?? {},
    executionTimeoutMs: options.executionTimeoutMs ?? APPSYNC_EXECUTION_TIMEOUT_MS,
  };
}

function checkResolverField(schema: GraphQLSchema, key: string): void {
  const [typeName = '', fieldName = '', ...rest] = key.split('.');
  const type = schema.getType(typeName);
  if (rest.length > 0 || !isObjectType(type) || type.getFields()[fieldName] === undefined) {
    throw new BadRequestException(`Resolver ${key}: no field ${fieldName || '?'} on an object type ${typeName || '?'} in the schema.`);
  }
}

function checkBinding(key: string, binding: ResolverBinding): void {
  if (binding.kind === 'PIPELINE' && binding.functions.length > MAX_PIPELINE_FUNCTIONS) {
    throw new BadRequestException(
      `Resolver ${key}: a pipeline has at most ${MAX_PIPELINE_FUNCTIONS} functions, got ${binding.functions.length}.`,
    );
  }
  const batchSize = binding.kind === 'UNIT' ? (binding.maxBatchSize ?? 0) : 0;
  if (!Number.isInteger(batchSize) || batchSize < 0 || batchSize > MAX_BATCH_SIZE) {
    throw new BadRequestException(`Resolver ${key}: maxBatchSize must be 0..${MAX_BATCH_SIZE}, got ${batchSize}.`);
  }
}
