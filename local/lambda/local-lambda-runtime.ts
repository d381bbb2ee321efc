/**
 * The local Lambda service: invokes the definition's functions from their built bundles
 * (`dist/functions/<name>/index.mjs`, see `local/build/lambdas.ts`).
 *
 * Model (Lambda's): each function has a pool of execution environments (child processes). An
 * invocation takes an idle, warm environment or starts a new one, so module-level state survives
 * between invocations as it does in Lambda, and concurrent invocations never share an environment.
 * An environment that crashed or timed out is discarded. Idle environments stop after a while.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LambdaFunctionDefinition } from '../definition/types.js';
import { lambdaBundleFile } from '../build/lambdas.js';
import {
  buildFunctionEnvironment,
  DEFAULT_HANDLER,
  DEFAULT_MEMORY_SIZE_MB,
  DEFAULT_TIMEOUT_SECONDS,
  functionArn,
  type LocalLambdaSettings,
} from './environment.js';
import { ExecutionEnvironment, type FunctionLogSink } from './execution-environment.js';
import { functionNotFoundError } from './function-errors.js';
import type { InvokeOptions, InvokeOutcome, LambdaInvoker } from './types.js';

export interface LocalLambdaRuntimeOptions {
  functions: LambdaFunctionDefinition[];
  /** The folder holding one `<name>/index.mjs` bundle per function (the build's `dist/functions`). */
  bundleDir: string;
  settings: LocalLambdaSettings;
  /** Where function output goes. Default: stderr, each line prefixed with `[lambda:<name>]`. */
  log?: FunctionLogSink;
  /** Environments one function may run at once; further invocations wait. Default 10. */
  maxConcurrencyPerFunction?: number;
  /** An idle environment stops after this long. Default 5 minutes. */
  idleTimeoutMs?: number;
}

const writeToStderr: FunctionLogSink = ({ functionName, text }) => {
  process.stderr.write(`[lambda:${functionName}] ${text}\n`);
};

/** The environments of one function. */
class FunctionPool {
  private readonly idle = new Set<ExecutionEnvironment>();
  private readonly idleTimers = new Map<ExecutionEnvironment, NodeJS.Timeout>();
  private readonly all = new Set<ExecutionEnvironment>();
  private readonly waiting: Array<() => void> = [];
  /** Set by `retire()`: environments still busy then are stopped when they finish. */
  private retired = false;

  constructor(
    readonly definition: LambdaFunctionDefinition,
    private readonly runtime: { options: LocalLambdaRuntimeOptions; log: FunctionLogSink },
  ) {}

  async invoke(eventJson: string): Promise<InvokeOutcome> {
    const environment = await this.acquire();
    const requestId = randomUUID();
    const { outcome, reusable } = await environment.invoke(requestId, eventJson);
    this.release(environment, reusable);
    return outcome;
  }

  /** Stops idle environments now and busy ones when their invocation ends. */
  retire(): void {
    this.retired = true;
    for (const environment of this.idle) this.discard(environment);
  }

  async stopAll(): Promise<void> {
    this.retired = true;
    const environments = [...this.all];
    for (const environment of environments) this.discard(environment);
    await Promise.all(environments.map((environment) => environment.closed));
  }

  private async acquire(): Promise<ExecutionEnvironment> {
    for (;;) {
      const [warm] = this.idle;
      if (warm) {
        this.idle.delete(warm);
        clearTimeout(this.idleTimers.get(warm));
        this.idleTimers.delete(warm);
        return warm;
      }
      if (this.all.size < (this.runtime.options.maxConcurrencyPerFunction ?? 10)) return this.start();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(environment: ExecutionEnvironment, reusable: boolean): void {
    if (reusable && environment.alive && !this.retired) {
      this.idle.add(environment);
      const timer = setTimeout(() => this.discard(environment), this.runtime.options.idleTimeoutMs ?? 300_000);
      timer.unref();
      this.idleTimers.set(environment, timer);
    } else {
      this.discard(environment);
    }
    this.waiting.shift()?.();
  }

  private discard(environment: ExecutionEnvironment): void {
    environment.kill();
    this.idle.delete(environment);
    this.all.delete(environment);
    clearTimeout(this.idleTimers.get(environment));
    this.idleTimers.delete(environment);
  }

  private start(): ExecutionEnvironment {
    const fn = this.definition;
    const { options, log } = this.runtime;
    const taskRoot = join(options.bundleDir, fn.name);
    const logStreamName = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomUUID().replaceAll('-', '')}`;
    const environment = new ExecutionEnvironment({
      functionName: fn.name,
      bundleFile: lambdaBundleFile(options.bundleDir, fn.name),
      handlerName: fn.handler ?? DEFAULT_HANDLER,
      timeoutSeconds: fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      memorySizeMb: fn.memorySize ?? DEFAULT_MEMORY_SIZE_MB,
      env: buildFunctionEnvironment(fn, options.settings, { taskRoot, logStreamName }),
      invokedFunctionArn: functionArn(fn.name, options.settings),
      log,
    });
    this.all.add(environment);
    return environment;
  }
}

export class LocalLambdaRuntime {
  private pools = new Map<string, FunctionPool>();
  /** Pools replaced by `reload()`, kept so that `close()` also stops their still-busy environments. */
  private readonly retiredPools = new Set<FunctionPool>();
  private readonly log: FunctionLogSink;

  constructor(private readonly options: LocalLambdaRuntimeOptions) {
    this.log = options.log ?? writeToStderr;
    this.createPools(options.functions);
  }

  /**
   * Invokes a function by its logical name. `RequestResponse` answers with the function's JSON
   * result or its error; `Event` answers `{ result: null }` at once and runs the function in the
   * background (its error, if any, is logged; Lambda's asynchronous retries are not emulated).
   */
  readonly invokeFunction: LambdaInvoker = async (functionName, payload, invokeOptions?: InvokeOptions) => {
    const pool = this.pools.get(functionName);
    if (!pool) return { error: functionNotFoundError(functionArn(functionName, this.options.settings)) };
    // The event crosses the process boundary as JSON, exactly as Lambda receives it.
    const eventJson = JSON.stringify(payload === undefined ? null : payload);
    if (invokeOptions?.invocationType !== 'Event') return pool.invoke(eventJson);
    void pool.invoke(eventJson).then((outcome) => {
      if ('error' in outcome) {
        this.log({ functionName, stream: 'stderr', text: `asynchronous invocation failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}` });
      }
    });
    return { result: null };
  };

  /**
   * Swaps in new definitions (hot reload, after the bundles were rebuilt): running invocations
   * finish on the old code, every later invocation starts a fresh environment on the new bundle.
   */
  reload(functions: LambdaFunctionDefinition[]): void {
    for (const pool of this.pools.values()) {
      pool.retire();
      this.retiredPools.add(pool);
    }
    this.createPools(functions);
  }

  /** Stops every environment; invocations in progress are answered as crashes. */
  async close(): Promise<void> {
    const pools = [...this.pools.values(), ...this.retiredPools];
    this.pools.clear();
    this.retiredPools.clear();
    await Promise.all(pools.map((pool) => pool.stopAll()));
  }

  private createPools(functions: LambdaFunctionDefinition[]): void {
    this.pools = new Map(functions.map((fn) => [fn.name, new FunctionPool(fn, { options: this.options, log: this.log })]));
  }
}
