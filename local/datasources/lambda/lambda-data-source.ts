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
import { LambdaUnhandledException, MappingTemplateException } from '../../errors.js';
import type { InvocationType, LambdaInvoker } from '../../lambda/types.js';
import { withErrorsAsValues } from '../errors-as-values.js';
import { expectRequestObject, optionalString, requireString } from '../request-fields.js';
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
function readRequest(input: unknown): { payload: unknown; invocationType: InvocationType } {
  const request = expectRequestObject(input, 'Lambda');
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

export function createLambdaDataSource(options: LambdaDataSourceOptions): DataSource {
  return {
    name: options.name,
    invoke: (request: unknown): Promise<DataSourceResult> =>
      withErrorsAsValues(async () => {
        const { payload, invocationType } = readRequest(request);
        const outcome = await options.invoke(options.functionName, payload, { invocationType });
        if ('error' in outcome) throw new LambdaUnhandledException(outcome.error.errorMessage, outcome.error.errorType);
        return { result: outcome.result };
      }),
  };
}
