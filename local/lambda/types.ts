/**
 * The contract of the local Lambda runtime (`local/lambda/`), used by the Lambda data source and the
 * Lambda authorizer (`local/auth/`).
 */

/** Lambda's invocation types (the `InvocationType` of the Invoke API). */
export type InvocationType = 'RequestResponse' | 'Event';

/**
 * What Lambda answers for a function error: the `errorType`/`errorMessage` pair of the Invoke
 * response payload (with `X-Amz-Function-Error: Unhandled`).
 */
export interface FunctionError {
  errorType: string;
  errorMessage: string;
}

/**
 * The outcome of one invocation: the function's JSON result, or its error. An `Event` invocation
 * answers `{ result: null }` as soon as the event is accepted (Lambda answers 202 with no payload).
 */
export type InvokeOutcome = { result: unknown } | { error: FunctionError };

export interface InvokeOptions {
  /** Default `RequestResponse`. */
  invocationType?: InvocationType;
}

/** Invokes a function of the definition by its logical name (`LambdaFunctionDefinition.name`). */
export type LambdaInvoker = (functionName: string, payload: unknown, options?: InvokeOptions) => Promise<InvokeOutcome>;
