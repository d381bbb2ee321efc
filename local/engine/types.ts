/**
 * The contract of the GraphQL engine (`local/engine/`), used by the HTTP server and the real-time layer.
 * Spec: shared/spec/appsync-graphql-engine.md §1.2 (response shapes), §4 (resolvers), §5 (errors).
 */
import type { GraphQLSchema } from 'graphql';
import type { AuthContext, FieldAuthorizer } from '../auth/types.js';
import type { DataSource } from '../datasources/types.js';
import type { ApiLimits } from '../definition/types.js';
import type { ExtensionCalls, ResolverCode } from '../runtime/types.js';

/**
 * A unit resolver: `request` → data source → `response` (spec §4.2). Without `code` it is a direct Lambda
 * resolver: the engine sends AppSync's Lambda event to the data source (spec §4.3).
 */
export interface UnitResolverBinding {
  kind: 'UNIT';
  code?: ResolverCode;
  dataSource: DataSource;
  /** BatchInvoke batch size (0..2000, spec §4.4); 0 or absent: no batching. */
  maxBatchSize?: number;
}

export interface PipelineFunctionBinding {
  name: string;
  code: ResolverCode;
  dataSource: DataSource;
}

/** A pipeline resolver: before (`request`) → functions (at most 10) → after (`response`) (spec §4.2). */
export interface PipelineResolverBinding {
  kind: 'PIPELINE';
  code: ResolverCode;
  functions: PipelineFunctionBinding[];
}

export type ResolverBinding = UnitResolverBinding | PipelineResolverBinding;

export interface EngineOptions {
  /** From `buildAppSyncSchema` / `loadSchemaFiles` (AppSync scalars attached). */
  schema: GraphQLSchema;
  /** Keyed by `"Type.field"`. */
  resolvers: Record<string, ResolverBinding>;
  /** Directive rules; absent = every field allowed (the auth layer's `deniedFields` still apply). */
  fieldAuthorizer?: FieldAuthorizer;
  limits?: ApiLimits;
  /** GraphQL API environment variables (`ctx.env`). */
  env?: Record<string, string>;
  /** Request execution limit in ms; default 30,000 (AppSync's hard limit, spec §6). */
  executionTimeoutMs?: number;
}

export interface ExecuteRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** HTTP request headers (any case; resolvers see them lower-cased). */
  headers: Record<string, string>;
  auth: AuthContext;
}

export interface AppSyncLocation {
  line: number;
  column: number;
  sourceName: null;
}

/** An execution (field) error, keys in AppSync's order (spec §1.2). */
export interface AppSyncFieldError {
  path: Array<string | number>;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: AppSyncLocation[] | null;
  message: string;
}

/**
 * An error in graphql-java's own shape: validation, variables, syntax (path null), non-null violations and
 * output serialisation (path set, locations null) (spec §1.2, §1.4, §5.1).
 */
export interface AppSyncPlainError {
  path: Array<string | number> | null;
  locations: AppSyncLocation[] | null;
  message: string;
}

export type AppSyncGraphQLError = AppSyncFieldError | AppSyncPlainError;

/** `data` comes first, `errors` only when there are some (spec §1.2). */
export interface AppSyncResponseBody {
  data: Record<string, unknown> | null;
  errors?: AppSyncGraphQLError[];
}

/** A Mutation root field that completed with a value: what `@aws_subscribe` subscribers receive. */
export interface Publication {
  /** The Mutation field's name (not its alias). */
  fieldName: string;
  /** The completed value as the mutation selected it, keyed by field names (aliases removed). */
  value: unknown;
}

export type Invalidation = ExtensionCalls['invalidations'][number];

export interface ExecuteOutcome {
  body: AppSyncResponseBody;
  publications: Publication[];
  /** `extensions.invalidateSubscriptions` calls made by resolvers that completed (realtime spec §4.6). */
  invalidations: Invalidation[];
  /** Headers set with `util.http.addResponseHeader(s)`; the last write of a name wins. */
  responseHeaders: Record<string, string>;
}
