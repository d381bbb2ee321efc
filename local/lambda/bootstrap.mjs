// @ts-check
/**
 * The runtime inside one local Lambda execution environment (a child process forked by
 * `execution-environment.ts`): the local counterpart of Lambda's Node.js runtime interface client.
 * Plain JavaScript on purpose: it runs the deployed bundle under plain Node, with no loader, exactly
 * as Lambda runs it.
 *
 * argv: <bundle file> <handler export name>. Messages over the IPC channel:
 *   parent → child  { type: 'invoke', requestId, event: <JSON text>, deadline: <epoch ms>, invokedFunctionArn }
 *   child → parent  { type: 'ready' }   (once listening)
 *                   { type: 'result', requestId, payload: <JSON text> }
 *                   { type: 'error', requestId, errorType, errorMessage, fatal? }   (fatal: the process is exiting)
 * One invocation at a time, as in Lambda. After an uncaught exception or an unhandled rejection the
 * error is reported for the current invocation and the process exits, as Lambda's runtime does
 * (exit codes 129 and 128).
 */
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const [bundleFile, handlerName] = process.argv.slice(2);

/** @type {string | undefined} the request in progress */
let currentRequestId;
/** @type {Promise<Function> | undefined} the handler, loaded on the first invocation (the "init" phase) */
let handlerPromise;

/** Lambda's error payload for a thrown value (the runtime interface client's `formatError`). */
function formatError(/** @type {unknown} */ error) {
  if (error instanceof Error) return { errorType: String(error.name), errorMessage: String(error.message) };
  return { errorType: typeof error, errorMessage: String(error) };
}

/** Sends a message to the server; `then` runs once it is written (or at once without a channel). */
function send(/** @type {object} */ message, then = () => {}) {
  if (process.connected && process.send) process.send(message, undefined, {}, () => then());
  else then();
}

function reportError(/** @type {string} */ requestId, /** @type {{ errorType: string, errorMessage: string }} */ error) {
  send({ type: 'error', requestId, ...error });
}

/** Reports a fatal error for the invocation in progress, then exits as Lambda's runtime does. */
function crash(/** @type {{ errorType: string, errorMessage: string }} */ error, /** @type {number} */ exitCode) {
  const exit = () => process.exit(exitCode);
  if (currentRequestId) send({ type: 'error', requestId: currentRequestId, ...error, fatal: true }, exit);
  else exit();
}

/** Lambda prefixes every console line with the time, the request id and the level. */
function patchConsole() {
  const levels = /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug', 'trace']);
  for (const level of levels) {
    const label = level === 'log' ? 'INFO' : level.toUpperCase();
    console[level] = (...args) => {
      process.stdout.write(`${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${label}\t${format(...args)}\n`);
    };
  }
}

async function loadHandler() {
  let module;
  try {
    module = await import(pathToFileURL(bundleFile).href);
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND') {
      throw Object.assign(new Error(String(/** @type {Error} */ (error).message)), { name: 'Runtime.ImportModuleError' });
    }
    throw error;
  }
  const handler = module[handlerName];
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`index.${handlerName} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return handler;
}

/** Calls the handler and settles with its result, whichever style it uses. */
function callHandler(/** @type {Function} */ handler, /** @type {unknown} */ event, /** @type {object} */ context) {
  return new Promise((resolve, reject) => {
    const callback = (/** @type {unknown} */ error, /** @type {unknown} */ result) => (error ? reject(error) : resolve(result));
    Object.assign(context, {
      done: callback,
      succeed: (/** @type {unknown} */ result) => resolve(result),
      fail: (/** @type {unknown} */ error) => reject(error),
    });
    const returned = handler(event, context, callback);
    // A promise (async handler) settles the invocation. A callback-style handler (three
    // parameters) settles it through the callback. Any other handler's return value is the result,
    // as Lambda's Node.js 24 runtime treats it.
    if (returned instanceof Promise) returned.then(resolve, reject);
    else if (handler.length < 3) resolve(returned);
  });
}

function serializeResult(/** @type {unknown} */ result) {
  try {
    return { payload: JSON.stringify(result === undefined ? null : result) };
  } catch {
    return { error: { errorType: 'Runtime.MalformedHandlerResponse', errorMessage: 'Unable to stringify response body' } };
  }
}

async function invoke(/** @type {{ requestId: string, event: string, deadline: number, invokedFunctionArn: string }} */ message) {
  const { requestId, deadline } = message;
  currentRequestId = requestId;
  try {
    handlerPromise ??= loadHandler();
    const handler = await handlerPromise;
    const env = process.env;
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: message.invokedFunctionArn,
      memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: requestId,
      logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
      identity: undefined,
      clientContext: undefined,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const result = await callHandler(handler, JSON.parse(message.event), context);
    const serialized = serializeResult(result);
    if (serialized.error) reportError(requestId, serialized.error);
    else send({ type: 'result', requestId, payload: serialized.payload });
  } catch (error) {
    reportError(requestId, formatError(error));
  } finally {
    currentRequestId = undefined;
  }
}

process.on('uncaughtException', (error) => crash(formatError(error), 129));
process.on('unhandledRejection', (reason) => {
  const errorMessage = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  crash({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage }, 128);
});
// The server went away: do not outlive it.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  const invocation = /** @type {{ type: string, requestId: string, event: string, deadline: number, invokedFunctionArn: string }} */ (message);
  if (invocation.type === 'invoke') void invoke(invocation);
});

patchConsole();
send({ type: 'ready' });
