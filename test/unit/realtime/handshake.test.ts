/**
 * The upgrade as the real clients perform it (spec appsync-realtime.md §1.3, §2.1-2.2, §8 items 1-10).
 */
import { describe, expect, it } from 'vitest';
import { connectionHeader, isRealtimePath, selectSubprotocol } from '../../../local/realtime/handshake.js';

/** A header whose standard base64 contains `+` and `/` (the `?>` and `~~` characters encode to them). */
const header = { host: '127.0.0.1:4000', 'x-api-key': 'da2-key', note: '??>>~~' };
const standardBase64 = Buffer.from(JSON.stringify(header)).toString('base64');
const unpaddedBase64Url = Buffer.from(JSON.stringify(header)).toString('base64url');

describe('isRealtimePath', () => {
  it('accepts /graphql/realtime and /graphql, with any query (spec §1.3, §8 items 1, 2, 6)', () => {
    expect(
      ['/graphql/realtime', '/graphql', '/graphql/realtime?header=abc&payload=e30=', '/graphql/realtime?x-custom=1', '/graphql/', '/other', '/graphql/realtime/x'].map((url) =>
        isRealtimePath(url, '/graphql'),
      ),
    ).toEqual([true, true, true, true, false, false, false]);
  });
});

describe('selectSubprotocol', () => {
  it('selects exactly graphql-ws, never the header- entry (spec §2.1, §8 item 3)', () => {
    expect(selectSubprotocol(new Set(['graphql-ws', `header-${unpaddedBase64Url}`]))).toBe('graphql-ws');
    expect(selectSubprotocol(new Set([`header-${unpaddedBase64Url}`, 'graphql-ws']))).toBe('graphql-ws');
  });

  it('selects none when graphql-ws is not offered (spec §8 item 4)', () => {
    expect(selectSubprotocol(new Set(['graphql-transport-ws']))).toBe(false);
  });
});

describe('connectionHeader', () => {
  it('reads an unpadded base64url header- subprotocol (spec §8 item 7)', () => {
    expect(unpaddedBase64Url).not.toMatch(/[=+/]/);
    expect(connectionHeader(['graphql-ws', `header-${unpaddedBase64Url}`], '/graphql/realtime')).toEqual(header);
  });

  it('reads a standard base64 header query parameter kept raw, + and / included (spec §8 item 8)', () => {
    expect(standardBase64).toMatch(/[+/]/);
    expect(connectionHeader(['graphql-ws'], `/graphql/realtime?header=${standardBase64}&payload=e30=`)).toEqual(header);
  });

  it('reads a percent-encoded header query parameter (spec §8 item 9)', () => {
    expect(connectionHeader(['graphql-ws'], `/graphql?payload=e30%3D&header=${encodeURIComponent(standardBase64)}`)).toEqual(header);
  });

  it('prefers the subprotocol over the query (spec §8 item 10)', () => {
    const other = Buffer.from(JSON.stringify({ 'x-api-key': 'from-query' })).toString('base64');
    expect(connectionHeader(['graphql-ws', `header-${unpaddedBase64Url}`], `/graphql/realtime?header=${other}`)).toEqual(header);
  });

  it('finds no header when none decodes to a JSON object (spec §2.2 item 3)', () => {
    expect([
      connectionHeader(['graphql-ws'], '/graphql/realtime'),
      connectionHeader(['graphql-ws', 'header-!!!'], '/graphql/realtime?header=bm90IGpzb24='),
      connectionHeader(['graphql-ws'], `/graphql/realtime?header=${Buffer.from('[1]').toString('base64')}`),
    ]).toEqual([undefined, undefined, undefined]);
  });
});
