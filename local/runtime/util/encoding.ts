/**
 * String encodings of `util`: `escapeJavaScript`, `urlEncode`/`urlDecode`, `base64Encode`/
 * `base64Decode` (spec appsync-js-runtime.md §3.1, checklist 56-59). AppSync implements them in
 * Java, so each follows the Java method it is documented as or believed to be: Apache Commons
 * `StringEscapeUtils.escapeEcmaScript`, `java.net.URLEncoder`/`URLDecoder` with UTF-8,
 * `java.util.Base64` (basic alphabet). Strings are UTF-8 on the byte side.
 */
import { BuiltinInputError } from '../signals.js';
import { expectString } from './arguments.js';

const ECMASCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
};

/**
 * Commons Lang `escapeEcmaScript`: quotes, backslash and `/` get a backslash, the five named control
 * characters their short escapes, and every other UTF-16 unit outside 0x20-0x7F becomes `\uXXXX`
 * (upper-case hex; characters beyond the BMP as their two surrogates). Unconfirmed against AWS
 * (checklist 59 is (u)).
 */
function escapeJavaScript(value: unknown): string {
  const text = expectString(value, 'util.escapeJavaScript', 'value');
  let escaped = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const code = text.charCodeAt(index);
    const named = ECMASCRIPT_ESCAPES[char];
    if (named !== undefined) escaped += named;
    else if (code < 0x20 || code > 0x7f) escaped += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else escaped += char;
  }
  return escaped;
}

/** Characters `URLEncoder` leaves alone. */
const URL_SAFE = /^[A-Za-z0-9.\-*_]$/;

/**
 * `URLEncoder.encode(s, UTF_8)` (application/x-www-form-urlencoded): space → `+`; letters, digits
 * and `. - * _` kept; everything else as `%XX` (upper-case hex) per UTF-8 byte, so `~` → `%7E`.
 */
function urlEncode(value: unknown): string {
  const text = expectString(value, 'util.urlEncode', 'value');
  let encoded = '';
  for (const char of text) {
    if (char === ' ') encoded += '+';
    else if (URL_SAFE.test(char)) encoded += char;
    else for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/**
 * `URLDecoder.decode(s, UTF_8)`: `+` → space, each run of `%XX` escapes decoded as UTF-8 bytes, other
 * characters kept. A broken escape is refused with `URLDecoder`'s message (what AWS reports for it
 * is unconfirmed; Java throws).
 */
function urlDecode(value: unknown): string {
  const text = expectString(value, 'util.urlDecode', 'value');
  let decoded = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '+') {
      decoded += ' ';
      index += 1;
    } else if (char === '%') {
      const bytes: number[] = [];
      while (text[index] === '%') {
        if (index + 3 > text.length) {
          throw new BuiltinInputError('URLDecoder: Incomplete trailing escape (%) pattern');
        }
        const hex = text.slice(index + 1, index + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
          throw new BuiltinInputError(`URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "${hex}"`);
        }
        bytes.push(Number.parseInt(hex, 16));
        index += 3;
      }
      decoded += Buffer.from(bytes).toString('utf8');
    } else {
      decoded += char;
      index += 1;
    }
  }
  return decoded;
}

function base64Encode(value: unknown): string {
  return Buffer.from(expectString(value, 'util.base64Encode', 'value'), 'utf8').toString('base64');
}

const BASE64_CHAR = /[A-Za-z0-9+/]/;

/**
 * `Base64.getDecoder().decode(s)` read as UTF-8: the standard alphabet only (no whitespace, no
 * URL-safe letters), padding optional but, when present, correct. Invalid input is refused with the
 * Java decoder's message (AWS behaviour on invalid input is unconfirmed, spec §3.1).
 */
function base64Decode(value: unknown): string {
  const text = expectString(value, 'util.base64Decode', 'value');
  const padding = /=*$/.exec(text)![0].length;
  const body = text.slice(0, text.length - padding);
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (char === '=') throw new BuiltinInputError(`Input byte array has incorrect ending byte at ${index}`);
    if (!BASE64_CHAR.test(char)) {
      throw new BuiltinInputError(`Illegal base64 character ${char.charCodeAt(0).toString(16)}`);
    }
  }
  if (body.length % 4 === 1) throw new BuiltinInputError('Last unit does not have enough valid bits');
  if (padding > 0 && (padding > 2 || text.length % 4 !== 0)) {
    throw new BuiltinInputError('Input byte array has wrong 4-byte ending unit');
  }
  return Buffer.from(body, 'base64').toString('utf8');
}

export const encodingUtils = { escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode };
