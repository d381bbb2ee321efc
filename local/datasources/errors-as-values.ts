/**
 * Data sources answer with values, never with rejections, for everything a request or its target can
 * do wrong: a bad request object, a failed condition, an unreachable endpoint. Each such failure is an
 * `AppSyncError` and becomes `ctx.error` (spec appsync-js-runtime.md §5); any other exception is a bug in
 * the emulator and propagates.
 */
import { AppSyncError, LambdaUnhandledException } from '../errors.js';
import type { DataSourceResult } from './types.js';

/** `{ result: null, error }`; a Lambda function's failure keeps the function's own `errorType` (item 112). */
function errorResult(error: AppSyncError): DataSourceResult {
  const unhandled = error instanceof LambdaUnhandledException ? { unhandledErrorType: error.unhandledErrorType } : {};
  return { result: null, error: { type: error.errorType, message: error.message, ...unhandled } };
}

/** Runs one data source call, turning the `AppSyncError` it throws into its `ctx.error` value. */
export async function withErrorsAsValues(call: () => Promise<DataSourceResult>): Promise<DataSourceResult> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppSyncError) return errorResult(error);
    throw error;
  }
}
