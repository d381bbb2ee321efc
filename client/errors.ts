/**
 * The SDK's one error type: an error AppSync reported, with AppSync's own fields. AppSync adds
 * `errorType`, `data` and `errorInfo` to each GraphQL error (appsync-graphql-engine.md §1.3;
 * appsync-js-runtime.md §5, `util.error(message, errorType, data, errorInfo)`), and answers requests it
 * refuses outright (401 UnauthorizedException, 400 MalformedHttpRequestException, …) with the same
 * error shape and a non-200 status. Both reach the caller as an `AppSyncError`, whichever way they came
 * (HTTP response, HTTP error status, or the real-time connection).
 */
import { CombinedGraphQLErrors, ServerError, UnconventionalError } from '@apollo/client/errors';

/** One error object as AppSync writes it in `errors[]`. */
export interface AppSyncErrorEntry {
  message: string;
  /** e.g. `Unauthorized`, `DynamoDB:ConditionalCheckFailedException`, or a resolver's own type (`VersionConflict`). */
  errorType: string | null;
  /** What the resolver passed to `util.error`, filtered through the field's selection set. */
  data: unknown;
  /** What the resolver passed as `errorInfo`, verbatim. */
  errorInfo: unknown;
  /** The response path of the field that failed, when a field failed. */
  path: ReadonlyArray<string | number> | null;
  locations: ReadonlyArray<{ line: number; column: number }> | null;
}

/**
 * An operation failed with one or more AppSync errors. The first error's fields are on the error
 * itself (the usual case is a single failing root field); `errors` lists all of them in AppSync's order.
 *
 * `TData` is what the caller expects in `data` for the error types it handles, e.g. the current card of
 * a `VersionConflict` (see `isAppSyncError`): AppSync does not type it.
 */
export class AppSyncError<TData = unknown> extends Error implements AppSyncErrorEntry {
  override readonly name = 'AppSyncError';
  readonly errorType: string | null;
  readonly data: TData | null;
  readonly errorInfo: unknown;
  readonly path: ReadonlyArray<string | number> | null;
  readonly locations: ReadonlyArray<{ line: number; column: number }> | null;
  /** Every error of the response, this one first. */
  readonly errors: readonly AppSyncErrorEntry[];
  /** The HTTP status when AppSync refused the request as a whole (e.g. 401); null for field errors (200). */
  readonly statusCode: number | null;

  constructor(errors: readonly AppSyncErrorEntry[], options: { statusCode?: number | null; cause?: unknown } = {}) {
    const [first] = errors;
    super(first?.message ?? 'AppSync reported an error without a message.', { cause: options.cause });
    this.errorType = first?.errorType ?? null;
    this.data = (first?.data ?? null) as TData | null;
    this.errorInfo = first?.errorInfo ?? null;
    this.path = first?.path ?? null;
    this.locations = first?.locations ?? null;
    this.errors = errors;
    this.statusCode = options.statusCode ?? null;
  }
}

/**
 * Whether `error` is an `AppSyncError` (of `errorType`, when given). The type parameter names what the
 * caller knows `data` holds for that error type, e.g.
 * `isAppSyncError<CardFieldsFragment>(error, 'VersionConflict')`.
 */
export function isAppSyncError<TData = unknown>(error: unknown, errorType?: string): error is AppSyncError<TData> {
  return error instanceof AppSyncError && (errorType === undefined || error.errorType === errorType);
}

/** An `errors[]` entry from any source, normalised to AppSync's fields (absent ones are null). */
export function errorEntry(raw: unknown): AppSyncErrorEntry {
  const error = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as Record<string, unknown>;
  return {
    message: typeof error.message === 'string' ? error.message : JSON.stringify(error),
    errorType: typeof error.errorType === 'string' ? error.errorType : null,
    data: error.data ?? null,
    errorInfo: error.errorInfo ?? null,
    path: Array.isArray(error.path) ? (error.path as Array<string | number>) : null,
    locations: Array.isArray(error.locations) ? (error.locations as Array<{ line: number; column: number }>) : null,
  };
}

/** The `errors` array of a parsed AppSync error body, or undefined when `body` is not one. */
function errorsOfBody(body: unknown): unknown[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { errors } = body as { errors?: unknown };
  return Array.isArray(errors) && errors.length > 0 ? errors : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * aws-appsync-subscription-link fails a subscription by erroring its observer with a plain
 * `{ errors: [{ message }] }` object (Apollo wraps it in an `UnconventionalError`). For an `error` frame
 * of the real-time protocol the message is `Connection failed: <the frame's payload as JSON>`
 * (appsync-realtime.md §3.3, §7), a payload of AppSync errors; other messages are the link's own
 * ("Timeout disconnect", "Connection closed", "Subscription timeout …").
 */
const REALTIME_ERROR_PREFIX = 'Connection failed: ';

function subscriptionLinkFailure(error: UnconventionalError): unknown {
  const [first] = errorsOfBody(error.cause) ?? [];
  const message = (first as { message?: unknown } | undefined)?.message;
  if (typeof message !== 'string') return error;
  const frameErrors = message.startsWith(REALTIME_ERROR_PREFIX) ? errorsOfBody(parseJson(message.slice(REALTIME_ERROR_PREFIX.length))) : undefined;
  return frameErrors ? new AppSyncError(frameErrors.map(errorEntry), { cause: error }) : new Error(message, { cause: error });
}

/**
 * The error an operation failed with, as the SDK reports it: AppSync's errors become an `AppSyncError`
 * (GraphQL errors of a response or of a subscription event, a request refused with an HTTP error
 * status, a subscription refused by the real-time endpoint); anything else (the network is down, the
 * WebSocket closed, the server is not AppSync) is an ordinary error.
 */
export function toAppSyncError(error: unknown): unknown {
  if (CombinedGraphQLErrors.is(error)) return new AppSyncError(error.errors.map(errorEntry), { cause: error });
  if (ServerError.is(error)) {
    const entries = errorsOfBody(parseJson(error.bodyText));
    return entries ? new AppSyncError(entries.map(errorEntry), { statusCode: error.statusCode, cause: error }) : error;
  }
  if (UnconventionalError.is(error)) return subscriptionLinkFailure(error);
  return error;
}
