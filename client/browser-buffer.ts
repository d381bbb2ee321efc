/**
 * A stand-in for Node's `Buffer` in browsers, for aws-appsync-subscription-link: its real-time handshake
 * encodes the auth header with `Buffer.from(header).toString('base64')` and fails with "Buffer is not
 * defined" where there is no `Buffer` (appsync-realtime.md §2.2, the `header-<base64url>` subprotocol).
 *
 * It is installed only when the page has no `Buffer`, and it covers the calls other libraries make once
 * they see a global `Buffer` (e.g. @aws-sdk/util-utf8: `Buffer.from(text, 'utf8')`,
 * `Buffer.from(arrayBuffer, offset, length).toString('utf8')`): bytes from UTF-8 text, from an
 * `ArrayBuffer` or from byte values, and their text as UTF-8 or base64. Anything else throws rather
 * than give wrong bytes; an app that needs all of `Buffer` installs the `buffer` package first.
 */

type Encoding = 'utf8' | 'utf-8' | 'base64';

const SUPPORTED: readonly string[] = ['utf8', 'utf-8', 'base64'];

function checkEncoding(encoding: string | undefined): Encoding {
  const name = (encoding ?? 'utf8').toLowerCase();
  if (!SUPPORTED.includes(name)) throw new TypeError(`The SDK's browser Buffer supports utf8 and base64, not '${encoding}'.`);
  return name as Encoding;
}

/** Bytes with Node's `toString(encoding)`. */
export class BrowserBufferBytes extends Uint8Array {
  override toString(encoding?: string): string {
    if (checkEncoding(encoding) !== 'base64') return new TextDecoder().decode(this);
    return btoa(Array.from(this, (byte) => String.fromCharCode(byte)).join(''));
  }
}

type FromArguments = [value: string, encoding?: string] | [value: ArrayBuffer, byteOffset?: number, length?: number] | [value: ArrayLike<number>];

/** Node's `Buffer.from` for text, an `ArrayBuffer` (with offset and length), or byte values. */
function from(...args: FromArguments): BrowserBufferBytes {
  const [value] = args;
  if (typeof value === 'string') {
    if (checkEncoding(args[1] as string | undefined) !== 'base64') return new BrowserBufferBytes(new TextEncoder().encode(value));
    return new BrowserBufferBytes(Array.from(atob(value), (character) => character.charCodeAt(0)));
  }
  if (value instanceof ArrayBuffer) return new BrowserBufferBytes(value, args[1] as number | undefined, args[2] as number | undefined);
  return new BrowserBufferBytes(Array.from(value));
}

export const browserBuffer = {
  from,
  isBuffer: (value: unknown): value is BrowserBufferBytes => value instanceof BrowserBufferBytes,
};
