/**
 * `util.escapeJavaScript`, `util.urlEncode`/`urlDecode`, `util.base64Encode`/`base64Decode`
 * (spec appsync-js-runtime.md §3.1, items 56-59).
 */
import { describe, expect, it } from 'vitest';
import { refused, thrownBy, utilWithState } from './state.js';

const { util } = utilWithState();

describe('util.escapeJavaScript', () => {
  it('escapes quotes and control characters with two-character sequences', () => {
    // spec: §8 item 59 (u)
    expect(util.escapeJavaScript('a"b\n')).toBe('a\\"b\\n');
  });

  it("follows Commons Lang escapeEcmaScript for ' \\ / control and non-ASCII characters", () => {
    // spec §3.1: escapeEcmaScript semantics unconfirmed on AWS
    expect(util.escapeJavaScript("it's a\\b/c\t\r\b\f\u0001 é € 😀 ~\u007f")).toBe(
      "it\\'s a\\\\b\\/c\\t\\r\\b\\f\\u0001 \\u00E9 \\u20AC \\uD83D\\uDE00 ~\u007f",
    );
  });
});

describe('util.urlEncode / util.urlDecode', () => {
  it('encodes and decodes application/x-www-form-urlencoded text', () => {
    // spec: §8 item 56 (doc)
    expect([util.urlEncode('a b&c'), util.urlDecode('a+b%26c')]).toEqual(['a+b%26c', 'a b&c']);
  });

  it('keeps only letters, digits and . - * _ and encodes UTF-8 bytes in upper-case hex', () => {
    // spec §3.1: Java URLEncoder rules (~ → %7E)
    expect(util.urlEncode('AZaz09.-*_~!\'()é€/')).toBe('AZaz09.-*_%7E%21%27%28%29%C3%A9%E2%82%AC%2F');
  });

  it('decodes multi-byte escapes and keeps unescaped characters', () => {
    expect(util.urlDecode('%C3%a9%E2%82%AC+é%7e')).toBe('é€ é~');
  });

  it('refuses a broken escape with URLDecoder’s message', () => {
    // spec §3.1: malformed % unconfirmed on AWS (Java throws)
    expect([thrownBy(() => util.urlDecode('100%')), thrownBy(() => util.urlDecode('%zz'))]).toEqual([
      refused('URLDecoder: Incomplete trailing escape (%) pattern'),
      refused('URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"'),
    ]);
  });
});

describe('util.base64Encode / util.base64Decode', () => {
  it('encodes and decodes with the standard alphabet and padding', () => {
    // spec: §8 item 57 (doc)
    expect([util.base64Encode('hello'), util.base64Decode('aGVsbG8=')]).toEqual(['aGVsbG8=', 'hello']);
  });

  it('works on the UTF-8 bytes of the string', () => {
    // spec: §8 item 58 (doc)
    expect([util.base64Encode('é'), util.base64Decode('w6k=')]).toEqual(['w6k=', 'é']);
  });

  it('accepts input without padding, like Java’s decoder', () => {
    expect(util.base64Decode('aGVsbG8')).toBe('hello');
  });

  it('refuses characters and endings Java’s basic decoder refuses', () => {
    // spec §3.1: invalid input unconfirmed on AWS; java.util.Base64 messages
    expect([
      thrownBy(() => util.base64Decode('aGVs-G8=')),
      thrownBy(() => util.base64Decode('aGVs bG8=')),
      thrownBy(() => util.base64Decode('aGVsb')),
      thrownBy(() => util.base64Decode('aGVsbA=')),
      thrownBy(() => util.base64Decode('aG=VsbG8')),
    ]).toEqual([
      refused('Illegal base64 character 2d'),
      refused('Illegal base64 character 20'),
      refused('Last unit does not have enough valid bits'),
      refused('Input byte array has wrong 4-byte ending unit'),
      refused('Input byte array has incorrect ending byte at 2'),
    ]);
  });
});

describe('argument types', () => {
  it('refuses non-string input', () => {
    expect([
      thrownBy(() => util.base64Encode(42)),
      thrownBy(() => util.urlEncode(null)),
      thrownBy(() => util.escapeJavaScript(['a'])),
    ]).toEqual([
      refused("util.base64Encode: 'value' must be a string, got number"),
      refused("util.urlEncode: 'value' must be a string, got null"),
      refused("util.escapeJavaScript: 'value' must be a string, got array"),
    ]);
  });
});
