/**
 * The local AWS_LAMBDA data source: runs `{ operation: "Invoke" | "BatchInvoke", payload,
 * invocationType? }` request objects through the local Lambda runtime (spec appsync-js-runtime.md
 * §5.2, appsync-graphql-engine.md §4.3-4.4).
 *
 * - `Invoke`: the function receives exactly `payload` (null when absent); `ctx.result` is its JSON answer.
 * - `BatchInvoke`: the engine gathers the batched items and passes their payloads as one list
 *   (`payload: [p1, p2, …]`); the function's list answer is returned as is, for the engine to split.
 * - `invocationType: "Event"`: the function runs in the background and `ctx.result` is `null`
 *   (spec: unconfirmed).
 * - A function error becomes `ctx.error = { type: "Lambda:Unhandled", message: <errorMessage>,
 *   unhandledErrorType: <the function's errorType> }` (item 112; see `LambdaUnhandledException`).
 *
 * Errors are values: `invoke` resolves to `{ result, error }` and never rejects for them.
 */
import { AppSyncError, LambdaUnhandledException, MappingTemplateException } from '../../errors.js';
import type { InvocationType, LambdaInvoker } from '../../lambda/types.js';
import { isRecord, optionalString, requireString } from '../dynamodb/request-fields.js';
import type { DataSource, DataSourceResult } from '../types.js';

export interface LambdaDataSourceOptions {
  name: string;
  /** Logical name of the function (`LambdaFunctionDefinition.name`). */
  functionName: string;
  invoke: LambdaInvoker;
}

const OPERATIONS = ['Invoke', 'BatchInvoke'];
const INVOCATION_TYPES: InvocationType[] = ['RequestResponse', 'Event'];

/** Validates the request object; AppSync's wording for these cases is unconfirmed. */
function readRequest(request: unknown): { payload: unknown; invocationType: InvocationType } {
  if (!isRecord(request)) {
    throw new MappingTemplateException(`Expected a JSON object as the Lambda request but got '${JSON.stringify(request) ?? 'undefined'}' instead.`);
  }
  const operation = requireString(request, 'operation');
  if (!OPERATIONS.includes(operation)) {
    throw new MappingTemplateException(`Unsupported operation '${operation}'. Supported operations: ${OPERATIONS.join(', ')}.`);
  }
  const invocationType = optionalString(request, 'invocationType') ?? 'RequestResponse';
  if (!INVOCATION_TYPES.includes(invocationType as InvocationType)) {
    throw new MappingTemplateException(`Unsupported invocationType '${invocationType}'. Supported invocation types: ${INVOCATION_TYPES.join(', ')}.`);
  }
  return { payload: request.payload ?? null, invocationType: invocationType as InvocationType };
}

function toErrorResult(error: AppSyncError): DataSourceResult {
  const unhandled = error instanceof LambdaUnhandledException ? { unhandledErrorType: error.unhandledErrorType } : {};
  return { result: null, error: { type: error.errorType, message: error.message, ...unhandled } };
}

export function createLambdaDataSource(options: LambdaDataSourceOptions): DataSource {
  return {
    name: options.name,
    async invoke(request: unknown): Promise<DataSourceResult> {
      try {
        const { payload, invocationType } = readRequest(request);
        const outcome = await options.invoke(options.functionName, payload, { invocationType });
        if ('error' in outcome) throw new LambdaUnhandledException(outcome.error.errorMessage, outcome.error.errorType);
        return { result: outcome.result };
      } catch (error) {
        if (error instanceof AppSyncError) return toErrorResult(error);
        throw error;
      }
    },
  };
}
