import type { DataSource, DataSourceResult } from '../datasources/types.js';

/**
 * Calls a data source. A data source reports failures as `{ error }`; one that throws anyway (a bug) must
 * not take the request down, so the throw becomes a data source error the response handler sees in
 * `ctx.error` (spec appsync-js-runtime.md §1.2).
 */
export async function invokeDataSource(dataSource: DataSource, request: unknown): Promise<DataSourceResult> {
  try {
    return await dataSource.invoke(request);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { result: null, error: { type: 'InternalFailure', message: `${dataSource.name}: ${message}` } };
  }
}
