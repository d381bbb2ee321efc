import type { DataSource, DataSourceResult } from '../../../../local/datasources/types.js';

export interface FakeDataSource extends DataSource {
  readonly requests: unknown[];
}

/** A data source answering with `answer(request)`; every request is logged. */
export function fakeDataSource(
  name: string,
  answer: (request: unknown) => DataSourceResult | Promise<DataSourceResult>,
): FakeDataSource {
  const requests: unknown[] = [];
  return {
    name,
    requests,
    async invoke(request) {
      requests.push(structuredClone(request));
      return answer(request);
    },
  };
}

/** NONE semantics (spec appsync-js-runtime.md §5.3): the request's `payload` is the result. */
export function noneDataSource(name = 'None'): FakeDataSource {
  return fakeDataSource(name, (request) => ({ result: (request as { payload?: unknown }).payload ?? null }));
}
