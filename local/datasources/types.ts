/**
 * The contract between the engine and the data sources (`local/datasources/`).
 * Spec: shared/spec/appsync-js-runtime.md §5 (request and result shapes per data source).
 */

/** A data source invocation's outcome: what the response handler sees as `ctx.result` / `ctx.error`. */
export interface DataSourceResult {
  result: unknown;
  /** e.g. `{ type: "DynamoDB:ConditionalCheckFailedException", message: "..." }`. */
  error?: {
    type: string;
    message: string;
    /** Lambda data sources only: the function's own `errorType` (see `LambdaUnhandledException`). */
    unhandledErrorType?: string;
  };
}

export interface DataSource {
  readonly name: string;
  /** Runs one request object returned by a `request` handler (or built by the engine). */
  invoke(request: unknown): Promise<DataSourceResult>;
}
