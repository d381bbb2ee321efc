/**
 * `util.http` (spec appsync-js-runtime.md §3.6; engine spec §1.1 and item 93), with the rules of the
 * AWS page "HTTP helpers in util.http" (restricted names, 4 KB, last write wins, ResponseHeaderError).
 */
import { describe, expect, it } from 'vitest';
import { refused, thrownBy, utilWithState } from './state.js';

const headerError = (message: string) => ({ message, errorType: 'ResponseHeaderError', data: null, errorInfo: null });

describe('util.http.copyHeaders', () => {
  it('copies headers without the hop-by-hop ones, whatever their case', () => {
    const { util } = utilWithState();
    const headers = {
      'x-custom': 'v',
      Authorization: 'Bearer t',
      Host: 'example.com',
      connection: 'keep-alive',
      'Transfer-Encoding': 'chunked',
      expect: '100-continue',
      'keep-alive': 'timeout=5',
      upgrade: 'websocket',
      'proxy-authenticate': 'Basic',
      'Proxy-Authorization': 'Basic abc',
      te: 'trailers',
      'content-length': '12',
      accept: 'application/json',
    };
    const copy = util.http.copyHeaders(headers);
    headers['x-custom'] = 'changed';
    expect(copy).toEqual({ 'x-custom': 'v', Authorization: 'Bearer t', accept: 'application/json' });
  });

  it('refuses something that is not a header map', () => {
    const { util } = utilWithState();
    expect(thrownBy(() => util.http.copyHeaders(null))).toEqual(
      refused("util.http.copyHeaders: 'headers' must be an object, got null"),
    );
  });
});

describe('util.http.addResponseHeader(s)', () => {
  it('sets headers, serialising numbers, booleans and objects', () => {
    // spec §3.6: number 7 → "7"; objects as JSON unconfirmed
    const { util, state } = utilWithState();
    util.http.addResponseHeader('X-Custom', '1');
    util.http.addResponseHeader('itemsCount', 7);
    util.http.addResponseHeaders({ headerBool: true, headerObject: { field1: 7, field2: 'string' } });
    expect({ responseHeaders: state.responseHeaders, appendedErrors: state.appendedErrors }).toEqual({
      responseHeaders: {
        'X-Custom': '1',
        itemsCount: '7',
        headerBool: 'true',
        headerObject: '{"field1":7,"field2":"string"}',
      },
      appendedErrors: [],
    });
  });

  it('lets the last write of a name win, ignoring case', () => {
    const { util, state } = utilWithState();
    util.http.addResponseHeader('x-count', '1');
    util.http.addResponseHeader('X-Count', '2');
    expect(state.responseHeaders).toEqual({ 'X-Count': '2' });
  });

  it('ignores restricted names and reports a ResponseHeaderError for each', () => {
    // engine spec item 93: addResponseHeader("x-amzn-foo","1") → header not set; the error is [doc]
    const { util, state } = utilWithState();
    for (const name of ['x-amzn-foo', 'X-Amz-Date', 'Content-Type', 'vary', 'Access-Control-Allow-Origin', 'Connection', 'host']) {
      util.http.addResponseHeader(name, '1');
    }
    expect(state.responseHeaders).toEqual({});
    expect(state.appendedErrors).toEqual(
      ['x-amzn-foo', 'X-Amz-Date', 'Content-Type', 'vary', 'Access-Control-Allow-Origin', 'Connection', 'host'].map((name) =>
        headerError(`Response header '${name}' is restricted and cannot be set.`),
      ),
    );
  });

  it('ignores empty names, null values and what HTTP cannot carry, with a ResponseHeaderError', () => {
    const { util, state } = utilWithState();
    util.http.addResponseHeader('', '1');
    util.http.addResponseHeader(42, '1');
    util.http.addResponseHeader('x-null', null);
    util.http.addResponseHeaders({ 'x-undefined': undefined, 'bad name': '1', 'x-newline': 'a\r\nb', 'x-euro': '€' });
    expect({ responseHeaders: state.responseHeaders, appendedErrors: state.appendedErrors }).toEqual({
      responseHeaders: {},
      appendedErrors: [
        headerError('Response header name must be a non-empty string.'),
        headerError('Response header name must be a non-empty string.'),
        headerError("Response header 'x-null' has a null value."),
        headerError("Response header 'x-undefined' has a null value."),
        headerError("Response header name 'bad name' is not a valid HTTP header name."),
        headerError("Response header 'x-newline' has a value that is not valid in HTTP."),
        headerError("Response header 'x-euro' has a value that is not valid in HTTP."),
      ],
    });
  });

  it('keeps custom headers within 4 KB, names and values included', () => {
    // [doc] 4 KB limit; refusing the header that passes it with a ResponseHeaderError is unconfirmed
    const { util, state } = utilWithState();
    util.http.addResponseHeader('x-a', 'a'.repeat(4096 - 3 - 4));
    util.http.addResponseHeader('x-b', '');
    util.http.addResponseHeader('x-c', 'c');
    util.http.addResponseHeader('x-a', 'replaced');
    expect({ responseHeaders: state.responseHeaders, appendedErrors: state.appendedErrors }).toEqual({
      responseHeaders: { 'x-b': '', 'x-a': 'replaced' },
      appendedErrors: [headerError("Response header 'x-c' was not added: custom response headers may not exceed 4 KB.")],
    });
  });

  it('counts the headers earlier resolvers of the request set towards the 4 KB (the limit is per request)', () => {
    // [doc] "≤ 4 KB total" (spec §3.6) is on the response's custom headers, whichever resolver set them
    const earlierResponseHeaders = { 'x-earlier': 'e'.repeat(3000), 'X-Replaced': 'r'.repeat(1000) };
    const { util, state } = utilWithState({ earlierResponseHeaders });
    util.http.addResponseHeader('x-too-much', 'm'.repeat(100));
    util.http.addResponseHeader('x-replaced', 'now short');
    util.http.addResponseHeader('x-fits', 'f'.repeat(100));
    expect({ responseHeaders: state.responseHeaders, appendedErrors: state.appendedErrors }).toEqual({
      responseHeaders: { 'x-replaced': 'now short', 'x-fits': 'f'.repeat(100) },
      appendedErrors: [headerError("Response header 'x-too-much' was not added: custom response headers may not exceed 4 KB.")],
    });
  });

  it('keeps a __proto__ header as data', () => {
    const { util, state } = utilWithState();
    util.http.addResponseHeaders(JSON.parse('{"__proto__":"1"}'));
    expect(Object.entries(state.responseHeaders)).toEqual([['__proto__', '1']]);
  });

  it('refuses addResponseHeaders without a map', () => {
    const { util } = utilWithState();
    expect(thrownBy(() => util.http.addResponseHeaders(['a']))).toEqual(
      refused("util.http.addResponseHeaders: 'headers' must be an object, got array"),
    );
  });
});
