/**
 * The local NONE data source: no I/O, the request's `payload` becomes `ctx.result` (spec
 * appsync-js-runtime.md §5.3, appsync-graphql-engine.md §4.5). The copy goes through JSON, as the
 * value crosses AppSync's JSON boundary between handlers. A missing payload (or a request that is not
 * an object) gives `null` (spec: unconfirmed; the Amplify simulator does `payload || null`).
 */
import type { DataSource, DataSourceResult } from '../types.js';

function jsonCopy(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

export function createNoneDataSource(name: string): DataSource {
  return {
    name,
    async invoke(request: unknown): Promise<DataSourceResult> {
      const payload = typeof request === 'object' && request !== null ? (request as { payload?: unknown }).payload : undefined;
      return { result: jsonCopy(payload) };
    },
  };
}
