/**
 * One request's execution deadline (AppSync's 30 s hard limit, spec appsync-graphql-engine.md §6): every
 * resolver run races the same timer, so a request never outlives its limit and one timer serves it all.
 */
export const TIMED_OUT: unique symbol = Symbol('timed out');

export class Deadline {
  readonly #expired: Promise<typeof TIMED_OUT>;
  readonly #timer: NodeJS.Timeout;
  #passed = false;

  constructor(timeoutMs: number) {
    let expire!: () => void;
    this.#expired = new Promise<typeof TIMED_OUT>((resolve) => {
      expire = () => {
        this.#passed = true;
        resolve(TIMED_OUT);
      };
    });
    this.#timer = setTimeout(expire, timeoutMs);
    this.#timer.unref();
  }

  /** True once the limit is reached: nothing new should start. */
  get passed(): boolean {
    return this.#passed;
  }

  /** Settles with `work`'s value, or with `TIMED_OUT` if the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T | typeof TIMED_OUT> {
    return Promise.race([work, this.#expired]);
  }

  /** Call when the request is over. */
  clear(): void {
    clearTimeout(this.#timer);
  }
}
