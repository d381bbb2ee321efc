/**
 * `util.http` (spec appsync-js-runtime.md §3.6; engine spec §1.1 "Response headers", item 93), with
 * the rules of the AWS page "HTTP helpers in util.http":
 * - `copyHeaders` drops the hop-by-hop headers listed below;
 * - `addResponseHeader(s)` refuses those, the CORS headers, `Vary`, `Content-Type` and any name
 *   starting with `x-amzn-` / `x-amz-` (names compared case-insensitively); custom headers may not
 *   exceed 4 KB, names and values included, counted over the whole request (every resolver's headers
 *   together: `EvaluationState.earlierResponseHeaders`); the last value set for a name wins;
 * - "Headers with an empty or restricted name or a null value will be ignored and yield a
 *   `ResponseHeaderError` error that is added to the operation's errors output" [doc]. The message
 *   of that error is not documented; ours names the header and the rule. A header that would pass
 *   the 4 KB limit is treated the same way (unconfirmed).
 * Values that are not strings are serialised: numbers and booleans as text (`7` → "7"), objects and
 * arrays as JSON (unconfirmed, spec §3.6).
 */
import { setEntry, type JsonObject } from '../dynamodb/attribute-values.js';
import type { CurrentState } from '../evaluation-state.js';
import type { ResolverErrorEntry } from '../types.js';
import { expectObject } from './arguments.js';
import { copyJsonValue } from './json-copy.js';

/** Dropped by `copyHeaders`, and refused as response headers too. */
const HOP_BY_HOP_HEADERS = [
  'transfer-encoding',
  'connection',
  'host',
  'expect',
  'keep-alive',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'content-length',
];

const RESTRICTED_RESPONSE_HEADERS = new Set([
  ...HOP_BY_HOP_HEADERS,
  'access-control-allow-credentials',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'vary',
  'content-type',
]);

const RESTRICTED_PREFIXES = ['x-amzn-', 'x-amz-'];

/** Custom response headers, names and values, in bytes. */
export const RESPONSE_HEADERS_MAX_BYTES = 4096;

function isRestrictedResponseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return RESTRICTED_RESPONSE_HEADERS.has(lower) || RESTRICTED_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The text sent for a header value; `undefined` for a value JSON cannot hold (null, undefined). */
function headerValueText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(copyJsonValue(value));
}

function headerBytes(name: string, value: string): number {
  return Buffer.byteLength(name) + Buffer.byteLength(value);
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

function findHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(headers).find((existing) => existing.toLowerCase() === lower);
}

/** Sets a response header; header names are case-insensitive, so a later `X-Count` replaces an earlier `x-count`. */
export function setResponseHeader(headers: Record<string, string>, name: string, value: string): void {
  const previous = findHeader(headers, name);
  if (previous !== undefined) delete headers[previous];
  setEntry(headers, name, value);
}

/** Bytes of `headers` other than `name` and other than those `replacedBy` sets again (names case-insensitive). */
function bytesExcept(headers: Readonly<Record<string, string>>, name: string, replacedBy?: Readonly<Record<string, string>>): number {
  const lower = name.toLowerCase();
  let total = 0;
  for (const [existing, value] of Object.entries(headers)) {
    if (existing.toLowerCase() === lower || (replacedBy !== undefined && findHeader(replacedBy, existing) !== undefined)) continue;
    total += headerBytes(existing, value);
  }
  return total;
}

function responseHeaderError(message: string): ResolverErrorEntry {
  return { message, errorType: 'ResponseHeaderError', data: null, errorInfo: null };
}

/** RFC 9110 `token`: what an HTTP header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What Node's HTTP server accepts in a header value (no CR, LF, NUL or characters above U+00FF). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

type HeaderCheck = { accepted: true; name: string; text: string } | { accepted: false; reason: string };

/**
 * The header as it will be sent, or why AppSync ignores it. Names and values that HTTP cannot carry
 * are refused the same way (ours: AWS's handling is undocumented), so that a resolver can never make
 * the server fail while writing the response.
 */
function checkHeader(name: unknown, value: unknown): HeaderCheck {
  if (typeof name !== 'string' || name === '') {
    return { accepted: false, reason: 'Response header name must be a non-empty string.' };
  }
  if (!HEADER_NAME.test(name)) {
    return { accepted: false, reason: `Response header name '${name}' is not a valid HTTP header name.` };
  }
  if (isRestrictedResponseHeader(name)) {
    return { accepted: false, reason: `Response header '${name}' is restricted and cannot be set.` };
  }
  const text = headerValueText(value);
  if (text === undefined) return { accepted: false, reason: `Response header '${name}' has a null value.` };
  if (!HEADER_VALUE.test(text)) {
    return { accepted: false, reason: `Response header '${name}' has a value that is not valid in HTTP.` };
  }
  return { accepted: true, name, text };
}

export function createHttpUtils(current: CurrentState) {
  function addResponseHeader(name: unknown, value: unknown): void {
    const state = current();
    const header = checkHeader(name, value);
    if (!header.accepted) {
      state.appendedErrors.push(responseHeaderError(header.reason));
      return;
    }
    const headers = state.responseHeaders;
    const othersBytes =
      bytesExcept(headers, header.name) + bytesExcept(state.earlierResponseHeaders ?? NO_HEADERS, header.name, headers);
    if (othersBytes + headerBytes(header.name, header.text) > RESPONSE_HEADERS_MAX_BYTES) {
      state.appendedErrors.push(
        responseHeaderError(`Response header '${header.name}' was not added: custom response headers may not exceed 4 KB.`),
      );
      return;
    }
    setResponseHeader(headers, header.name, header.text);
  }

  return {
    /** A copy of `headers` without the hop-by-hop headers, for forwarding to an HTTP data source. */
    copyHeaders(headers: unknown): JsonObject {
      const source = expectObject(headers, 'util.http.copyHeaders', 'headers');
      const copy: JsonObject = {};
      for (const [name, value] of Object.entries(source)) {
        if (!HOP_BY_HOP_HEADERS.includes(name.toLowerCase())) {
          setEntry(copy, name, copyJsonValue(value));
        }
      }
      return copy;
    },
    addResponseHeader,
    /** `addResponseHeader` for each entry, in order. */
    addResponseHeaders(headers: unknown): void {
      const source = expectObject(headers, 'util.http.addResponseHeaders', 'headers');
      for (const [name, value] of Object.entries(source)) addResponseHeader(name, value);
    },
  };
}
