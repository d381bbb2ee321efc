/**
 * The errors the Lambda service itself reports for an invocation (as opposed to errors the handler
 * throws, which the runtime reports with the error's own name and message). Through AppSync all of
 * them become `Lambda:Unhandled` with the `errorMessage` (spec appsync-js-runtime.md §5.2).
 *
 * Message formats are those of current Lambda runtimes ("RequestId: <id> Error: ..."), as seen in
 * Invoke responses and CloudWatch reports; the exact text for a clean `process.exit(0)` is unconfirmed.
 */
import type { FunctionError } from './types.js';

/** Lambda's cap on a synchronous response payload (Invoke API, "Function.ResponseSizeTooLarge"). */
export const MAX_RESPONSE_PAYLOAD_BYTES = 6_291_556;

/** The function ran past its configured timeout; the environment was stopped. */
export function timeoutError(requestId: string, timeoutSeconds: number): FunctionError {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
  };
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** V8 reported that the heap limit (the function's memory size) was reached. */
  outOfMemory: boolean;
}

/** How Lambda's runtime manager (written in Go) words a process state: `exit status 1`, `signal: killed`. */
const SIGNAL_WORDS: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGTERM: 'terminated',
  SIGSEGV: 'segmentation fault',
};

/**
 * The runtime process ended during an invocation (`process.exit`, a fatal V8 error, a crash).
 * Out of memory is reported as Lambda reports it (the sandbox kills the process at its memory size).
 */
export function exitError(requestId: string, exit: ProcessExit): FunctionError {
  if (exit.outOfMemory) {
    return { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` };
  }
  let reason: string;
  if (exit.signal) reason = `Runtime exited with error: signal: ${SIGNAL_WORDS[exit.signal] ?? exit.signal}`;
  else if (exit.code === 0) reason = 'Runtime exited without providing a reason';
  else reason = `Runtime exited with error: exit status ${exit.code}`;
  return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${reason}` };
}

export function responseTooLargeError(): FunctionError {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD_BYTES} bytes).`,
  };
}

/** Lambda's answer for a function name it does not know (Invoke API `ResourceNotFoundException`). */
export function functionNotFoundError(functionArn: string): FunctionError {
  return { errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${functionArn}` };
}
