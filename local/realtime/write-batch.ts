/**
 * Holds the frames written to connections during one turn of the event loop and lets them out together
 * at its end: every stream written to is corked until the check phase. Under load, the events of all the
 * mutations answered in one turn then leave a connection in one write, instead of one system call per
 * event and connection (bench/fanout.bench.ts).
 *
 * `flushed()` resolves once the held frames were handed to the streams, so that a mutation's caller can
 * be answered after its subscribers were sent its event, as on AppSync (appsync-realtime.md §4.1).
 */
import type { Writable } from 'node:stream';

/** What a batch needs of a stream. */
export type CorkableStream = Pick<Writable, 'cork' | 'uncork'>;

export class WriteBatch {
  readonly #held = new Set<CorkableStream>();
  #flushed: Promise<void> | undefined;

  /** Corks `stream` until the end of this turn (once, however many frames are written). */
  hold(stream: CorkableStream): void {
    if (this.#held.has(stream)) return;
    stream.cork();
    this.#held.add(stream);
    this.#flushed ??= new Promise((resolve) => setImmediate(() => resolve(this.#release())));
  }

  /** Resolves once every stream held so far has been uncorked. */
  flushed(): Promise<void> {
    return this.#flushed ?? Promise.resolve();
  }

  #release(): void {
    this.#flushed = undefined;
    for (const stream of this.#held) stream.uncork();
    this.#held.clear();
  }
}
