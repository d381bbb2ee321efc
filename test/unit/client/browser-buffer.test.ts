/**
 * The browser stand-in for `Buffer` (client/browser-buffer.ts) gives the same bytes and text as Node's
 * Buffer for every call it supports (the subscription link's handshake header, @aws-sdk/util-utf8),
 * and refuses the others instead of answering wrongly.
 */
import { describe, expect, it } from 'vitest';
import { browserBuffer } from '../../../client/browser-buffer.js';

const text = '{"host":"127.0.0.1:4000","Authorization":"eyJ…","x-amz-date":"20261123T101500Z","note":"é ✓ 🚀"}';

describe('browserBuffer', () => {
  it('encodes text as Node does: UTF-8 bytes, base64 (the real-time auth header) and back', () => {
    const bytes = browserBuffer.from(text);
    const base64 = Buffer.from(text).toString('base64');
    expect({
      bytes: [...bytes],
      base64: bytes.toString('base64'),
      utf8: bytes.toString(),
      fromBase64: browserBuffer.from(base64, 'base64').toString('utf8'),
    }).toEqual({ bytes: [...Buffer.from(text, 'utf8')], base64, utf8: text, fromBase64: text });
  });

  it('views an ArrayBuffer (with offset and length) and copies byte values, as Node does', () => {
    const source = new TextEncoder().encode(`xx${text}yy`);
    const view = browserBuffer.from(source.buffer as ArrayBuffer, 2, source.byteLength - 4);
    expect({ view: view.toString('utf8'), copy: [...browserBuffer.from([104, 105])], isBuffer: [browserBuffer.isBuffer(view), browserBuffer.isBuffer(source)] }).toEqual({
      view: Buffer.from(source.buffer, 2, source.byteLength - 4).toString('utf8'),
      copy: [...Buffer.from([104, 105])],
      isBuffer: [true, false],
    });
  });

  it('refuses encodings it does not implement', () => {
    expect(() => browserBuffer.from('abc', 'hex')).toThrow(new TypeError("The SDK's browser Buffer supports utf8 and base64, not 'hex'."));
    expect(() => browserBuffer.from('abc').toString('latin1')).toThrow(new TypeError("The SDK's browser Buffer supports utf8 and base64, not 'latin1'."));
  });
});
