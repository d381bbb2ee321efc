/**
 * What a real client's subscription observer saw, in order, with a way to await the next item: the
 * clients hand results to callbacks, the tests read them one at a time.
 */
export class Observed<T> {
  readonly items: T[] = [];
  readonly errors: unknown[] = [];
  #read = 0;
  readonly #waiters: Array<() => void> = [];

  push = (item: T): void => {
    this.items.push(item);
    this.#wake();
  };

  fail = (error: unknown): void => {
    this.errors.push(error);
    this.#wake();
  };

  /** Resolves once the observer got an error (without reading any item). */
  async failure(): Promise<void> {
    while (this.errors.length === 0) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  /** The next item not yet read; rejects if the observer got an error instead. */
  async next(): Promise<T> {
    while (this.#read >= this.items.length) {
      if (this.errors.length > 0) throw new Error(`the subscription failed: ${describe(this.errors[0])}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    return this.items[this.#read++] as T;
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
