/**
 * One local Lambda execution environment: a Node.js child process running `bootstrap.mjs` on a
 * function's bundle, handling one invocation at a time and kept warm between invocations, like a
 * Lambda sandbox. A separate process (not a worker thread) is what makes a function's
 * `process.exit`, uncaught exception, V8 out-of-memory abort or runaway loop harmless to the server,
 * and lets each function have its own environment variables and heap limit (its memory size).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { exitError, MAX_RESPONSE_PAYLOAD_BYTES, responseTooLargeError, timeoutError, type ProcessExit } from './function-errors.js';
import type { FunctionError, InvokeOutcome } from './types.js';

const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.mjs', import.meta.url));

/** A line a function wrote to stdout or stderr (console output is already Lambda-formatted). */
export interface FunctionLogLine {
  functionName: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type FunctionLogSink = (line: FunctionLogLine) => void;

export interface ExecutionEnvironmentOptions {
  functionName: string;
  bundleFile: string;
  handlerName: string;
  timeoutSeconds: number;
  memorySizeMb: number;
  env: Record<string, string>;
  invokedFunctionArn: string;
  log: FunctionLogSink;
}

export interface InvocationSettlement {
  outcome: InvokeOutcome;
  /** False when the environment is gone (crash, timeout) and must not serve another invocation. */
  reusable: boolean;
}

type ChildMessage =
  | { type: 'ready' }
  | { type: 'result'; requestId: string; payload: string }
  | ({ type: 'error'; requestId: string; fatal?: boolean } & FunctionError);

interface PendingInvocation {
  requestId: string;
  settle(settlement: InvocationSettlement): void;
}

export class ExecutionEnvironment {
  private readonly child: ChildProcess;
  private readonly ready: Promise<boolean>;
  /** Settles once the process has ended and its output is drained. */
  readonly closed: Promise<void>;
  private pending: PendingInvocation | undefined;
  private exited = false;
  private outOfMemory = false;

  constructor(private readonly options: ExecutionEnvironmentOptions) {
    this.child = fork(BOOTSTRAP, [options.bundleFile, options.handlerName], {
      // Nothing of the server's own Node options (loaders, inspector) leaks into the function.
      execArgv: ['--enable-source-maps', `--max-old-space-size=${options.memorySizeMb}`],
      env: options.env,
      cwd: options.env.LAMBDA_TASK_ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.forwardLines(this.child.stdout, 'stdout');
    this.forwardLines(this.child.stderr, 'stderr');
    this.ready = new Promise((resolve) => {
      this.child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') resolve(true);
        else this.onInvocationMessage(message);
      });
      this.child.once('close', () => resolve(false));
    });
    this.closed = new Promise((resolve) => this.child.once('close', () => resolve()));
    // 'close' comes after the output is drained, so V8's out-of-memory line has been seen by then.
    this.child.once('close', (code, signal) => this.onExit({ code, signal, outOfMemory: this.outOfMemory }));
    // A failed spawn also emits 'close'; the error itself needs a listener so it is not thrown.
    this.child.on('error', () => {});
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Runs one invocation; the environment must not be serving another one. */
  async invoke(requestId: string, eventJson: string): Promise<InvocationSettlement> {
    if (this.pending) throw new Error('an execution environment serves one invocation at a time');
    this.setActive(true);
    const settled = new Promise<InvocationSettlement>((resolve) => {
      this.pending = { requestId, settle: resolve };
    });
    if (!(await this.ready)) return settled; // exited while starting: onExit settled it
    const deadline = Date.now() + this.options.timeoutSeconds * 1000;
    const timer = setTimeout(() => this.settle({ outcome: { error: timeoutError(requestId, this.options.timeoutSeconds) }, reusable: false }, true), deadline - Date.now());
    this.child.send({ type: 'invoke', requestId, event: eventJson, deadline, invokedFunctionArn: this.options.invokedFunctionArn });
    try {
      return await settled;
    } finally {
      clearTimeout(timer);
      this.setActive(false);
    }
  }

  /** Stops the process now; an invocation in progress is answered as a crash. */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private onInvocationMessage(message: Exclude<ChildMessage, { type: 'ready' }>): void {
    if (!this.pending || this.pending.requestId !== message.requestId) return;
    if (message.type === 'result') {
      if (Buffer.byteLength(message.payload) > MAX_RESPONSE_PAYLOAD_BYTES) {
        this.settle({ outcome: { error: responseTooLargeError() }, reusable: true }, false);
      } else {
        this.settle({ outcome: { result: JSON.parse(message.payload) as unknown }, reusable: true }, false);
      }
      return;
    }
    const error: FunctionError = { errorType: message.errorType, errorMessage: message.errorMessage };
    this.settle({ outcome: { error }, reusable: !message.fatal }, false);
  }

  private onExit(exit: ProcessExit): void {
    this.exited = true;
    if (this.pending) this.settle({ outcome: { error: exitError(this.pending.requestId, exit) }, reusable: false }, false);
  }

  private settle(settlement: InvocationSettlement, killFirst: boolean): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    if (killFirst) this.kill();
    pending.settle(settlement);
  }

  /** An idle environment must not keep the server's event loop alive. */
  private setActive(active: boolean): void {
    const handles = [this.child, this.child.channel, this.child.stdout, this.child.stderr] as Array<{ ref?(): void; unref?(): void } | null | undefined>;
    for (const handle of handles) {
      if (active) handle?.ref?.();
      else handle?.unref?.();
    }
  }

  private forwardLines(stream: Readable | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (text) => {
      if (name === 'stderr' && text.includes('JavaScript heap out of memory')) this.outOfMemory = true;
      this.options.log({ functionName: this.options.functionName, stream: name, text });
    });
  }
}
