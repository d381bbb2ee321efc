/** The NONE data source (spec appsync-js-runtime.md §5.3, appsync-graphql-engine.md §4.5 and §7 item 85). */
import { describe, expect, it } from 'vitest';
import { createNoneDataSource } from '../../../../local/datasources/none/none-data-source.js';

describe('NONE data source', () => {
  const source = createNoneDataSource('Local');

  it('answers with the payload', async () => {
    expect(await source.invoke({ payload: { v: 1 } })).toEqual({ result: { v: 1 } });
    expect(await source.invoke({ payload: [1, 'two', { three: 3 }] })).toEqual({ result: [1, 'two', { three: 3 }] });
    expect(await source.invoke({ payload: 'text' })).toEqual({ result: 'text' });
  });

  it('answers with a copy, as it crossed JSON: later changes to the request do not show', async () => {
    const payload = { nested: { list: [1] }, dropped: undefined };
    const answer = await source.invoke({ payload });
    payload.nested.list.push(2);
    expect(answer).toEqual({ result: { nested: { list: [1] } } });
    expect(Object.keys(answer.result as object)).toEqual(['nested']);
  });

  it('answers null when there is no payload (unconfirmed: the Amplify simulator does `payload || null`)', async () => {
    expect(await source.invoke({})).toEqual({ result: null });
    expect(await source.invoke({ payload: null })).toEqual({ result: null });
    expect(await source.invoke(null)).toEqual({ result: null });
    expect(await source.invoke('not an object')).toEqual({ result: null });
  });
});
