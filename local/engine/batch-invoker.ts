/**
 * Lambda BatchInvoke (spec appsync-graphql-engine.md §4.4): invocations of one resolver under the same
 * parent list are gathered into one data source call whose payload is the list of their payloads, split
 * in chunks of `maxBatchSize`; element i of the answer becomes invocation i's result. Gathering waits
 * for the current turn of the event loop, when graphql-js has started every sibling of a list.
 */
import { BatchInvokeResultMismatchError } from '../errors.js';
import type { DataSource, DataSourceResult } from '../datasources/types.js';

interface PendingItem {
  payload: unknown;
  settle(result: DataSourceResult): void;
}

interface PendingBatch {
  dataSource: DataSource;
  maxBatchSize: number;
  items: PendingItem[];
}

export class BatchInvoker {
  readonly #pending = new Map<object, Map<string, PendingBatch>>();

  /**
   * Queues one payload. `resolver` identifies the resolver, `parentKey` the list its invocations belong
   * to; together they decide which invocations share a call.
   */
  enqueue(
    resolver: object,
    parentKey: string,
    dataSource: DataSource,
    maxBatchSize: number,
    payload: unknown,
  ): Promise<DataSourceResult> {
    let byParent = this.#pending.get(resolver);
    if (byParent === undefined) {
      byParent = new Map();
      this.#pending.set(resolver, byParent);
    }
    let batch = byParent.get(parentKey);
    if (batch === undefined) {
      const created: PendingBatch = { dataSource, maxBatchSize, items: [] };
      batch = created;
      byParent.set(parentKey, created);
      setImmediate(() => {
        byParent.delete(parentKey);
        if (byParent.size === 0) this.#pending.delete(resolver);
        void flush(created);
      });
    }
    const items = batch.items;
    return new Promise((settle) => items.push({ payload, settle }));
  }
}

async function flush(batch: PendingBatch): Promise<void> {
  const chunks: PendingItem[][] = [];
  for (let start = 0; start < batch.items.length; start += batch.maxBatchSize) {
    chunks.push(batch.items.slice(start, start + batch.maxBatchSize));
  }
  await Promise.all(chunks.map((chunk) => invokeChunk(batch.dataSource, chunk)));
}

async function invokeChunk(dataSource: DataSource, chunk: PendingItem[]): Promise<void> {
  let answer: DataSourceResult;
  try {
    answer = await dataSource.invoke({ operation: 'BatchInvoke', payload: chunk.map((item) => item.payload) });
  } catch (cause) {
    answer = { result: null, error: { type: 'Lambda:Unhandled', message: describeFailure(cause) } };
  }
  if (answer.error !== undefined) {
    for (const item of chunk) item.settle({ result: null, error: answer.error });
    return;
  }
  const results = answer.result;
  if (!Array.isArray(results) || results.length !== chunk.length) {
    const received = Array.isArray(results) ? `${results.length} items` : typeof results;
    const mismatch = new BatchInvokeResultMismatchError(chunk.length, received);
    for (const item of chunk) item.settle({ result: null, error: { type: mismatch.errorType, message: mismatch.message } });
    return;
  }
  chunk.forEach((item, index) => item.settle({ result: results[index] }));
}

function describeFailure(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
