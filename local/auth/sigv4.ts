/**
 * Verifying an AWS Signature Version 4 (`Authorization: AWS4-HMAC-SHA256 ...`) by re-signing the
 * request with `@smithy/signature-v4`, exactly as the client did, and comparing signatures.
 *
 * The request is whatever was signed: for `POST /graphql` the HTTP request itself; for the real-time
 * connection the header object from the handshake with path `/graphql/connect` and body `{}`; for a
 * subscription `start` the path `/graphql` and the `payload.data` string (appsync-realtime.md §2.3).
 * The caller says which by the `CredentialsRequest` it passes.
 *
 * Failures use AWS's SigV4 error types and wording (appsync-graphql-engine.md §3.7; the exact texts are
 * AWS-standard, unconfirmed for AppSync except where an [obs] source is named), all HTTP 403.
 */
import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  IncompleteSignatureException,
  InvalidSignatureException,
  UnrecognizedClientException,
  type AppSyncError,
} from '../errors.js';
import type { CredentialsRequest } from './types.js';

/** AppSync's SigV4 service name (spec §3.2). */
export const APPSYNC_SERVICE = 'appsync';

/** SigV4 accepts a request dated up to 5 minutes before or after the server's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The status AWS answers SigV4 failures with [obs: aws-amplify/amplify-js#2422]. */
export const SIGV4_FAILURE_STATUS = 403;

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials: the request must carry the same `x-amz-security-token`. */
  sessionToken?: string;
}

export interface SigV4Expectations<C extends SigningCredentials> {
  /** The API's region: the credential scope must name it. */
  region: string;
  findCredentials(accessKeyId: string): C | undefined;
  now: () => number;
}

export type SigV4Verification<C> = { ok: true; credentials: C } | { ok: false; error: AppSyncError };

interface ParsedAuthorization {
  accessKeyId: string;
  scope: { date: string; region: string; service: string };
  signedHeaders: string[];
  signature: string;
}

export async function verifySigV4<C extends SigningCredentials>(
  request: CredentialsRequest,
  expected: SigV4Expectations<C>,
): Promise<SigV4Verification<C>> {
  const failure = (error: AppSyncError): SigV4Verification<C> => ({ ok: false, error });
  const authorization = request.headers.authorization ?? '';
  const parsed = parseAuthorization(authorization, request.headers['x-amz-date']);
  if ('error' in parsed) return failure(parsed.error);

  const amzDate = request.headers['x-amz-date'] ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) {
    return failure(new IncompleteSignatureException(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`));
  }
  if (parsed.scope.date !== amzDate.slice(0, 8)) {
    return failure(
      new InvalidSignatureException(
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      ),
    );
  }
  if (parsed.scope.region !== expected.region) {
    return failure(new InvalidSignatureException(`Credential should be scoped to a valid region, not '${parsed.scope.region}'.`));
  }
  if (parsed.scope.service !== APPSYNC_SERVICE) {
    return failure(new InvalidSignatureException(`Credential should be scoped to correct service: '${APPSYNC_SERVICE}'.`));
  }
  if (!parsed.signedHeaders.includes('host')) {
    return failure(new InvalidSignatureException("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
  }
  const absent = parsed.signedHeaders.find((name) => request.headers[name] === undefined && !(name === 'host' && request.host));
  if (absent !== undefined) {
    // [obs] awslabs/aws-mobile-appsync-sdk-js#702
    return failure(new IncompleteSignatureException(`'${absent}' is named as a SignedHeader, but it does not exist in the HTTP request.`));
  }

  const credentials = expected.findCredentials(parsed.accessKeyId);
  if (!credentials || request.headers['x-amz-security-token'] !== credentials.sessionToken) {
    return failure(new UnrecognizedClientException(INVALID_TOKEN));
  }
  const skew = skewError(signingDate, amzDate, expected.now());
  if (skew) return failure(skew);

  const signature = await resign(request, parsed, credentials, signingDate);
  if (signature === undefined || !sameSignature(signature, parsed.signature)) {
    return failure(new InvalidSignatureException(SIGNATURE_MISMATCH));
  }
  return { ok: true, credentials };
}

/**
 * `AWS4-HMAC-SHA256 Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>`.
 * Missing parts are all reported at once, as AWS does [obs: aws-amplify/amplify-js#7906].
 */
function parseAuthorization(authorization: string, amzDate: string | undefined): ParsedAuthorization | { error: AppSyncError } {
  const prefix = 'AWS4-HMAC-SHA256 ';
  const fields = new Map<string, string>();
  if (authorization.startsWith(prefix)) {
    for (const part of authorization.slice(prefix.length).split(',')) {
      const trimmed = part.trim();
      const equals = trimmed.indexOf('=');
      if (equals <= 0) {
        return {
          error: new IncompleteSignatureException(
            `'${trimmed}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
          ),
        };
      }
      fields.set(trimmed.slice(0, equals), trimmed.slice(equals + 1));
    }
  }
  const missing = [
    fields.has('Credential') ? undefined : "Authorization header requires 'Credential' parameter.",
    fields.has('Signature') ? undefined : "Authorization header requires 'Signature' parameter.",
    fields.has('SignedHeaders') ? undefined : "Authorization header requires 'SignedHeaders' parameter.",
    amzDate !== undefined ? undefined : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  ].filter((message) => message !== undefined);
  if (missing.length > 0) {
    return { error: new IncompleteSignatureException(`${missing.join(' ')} Authorization=${authorization}`) };
  }
  const credential = fields.get('Credential') ?? '';
  const [accessKeyId, date, region, service, terminator, ...rest] = credential.split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request' || rest.length > 0) {
    return {
      error: new IncompleteSignatureException(
        `Credential should be scoped with a valid terminator: 'aws4_request', not '${credential}'.`,
      ),
    };
  }
  return {
    accessKeyId,
    scope: { date, region, service },
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';').map((name) => name.toLowerCase()),
    signature: fields.get('Signature') ?? '',
  };
}

/** `YYYYMMDDTHHMMSSZ` → Date; anything else → undefined. */
function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** AWS's wording for a signature outside the 5-minute window (a replay after it, or a skewed clock). */
function skewError(signingDate: Date, amzDate: string, nowMs: number): AppSyncError | undefined {
  const now = formatAmzDate(nowMs);
  if (signingDate.getTime() < nowMs - MAX_CLOCK_SKEW_MS) {
    return new InvalidSignatureException(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_CLOCK_SKEW_MS)} (${now} - 5 min.)`,
    );
  }
  if (signingDate.getTime() > nowMs + MAX_CLOCK_SKEW_MS) {
    return new InvalidSignatureException(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_CLOCK_SKEW_MS)} (${now} + 5 min.)`,
    );
  }
  return undefined;
}

/**
 * The signature the client should have sent: the same method, host, path, query, signed headers and
 * body, signed with the known secret at the request's own date. Returns undefined when the request
 * claims a payload hash (`x-amz-content-sha256`) that is not the body's, which would otherwise let a
 * signature over one body vouch for another.
 */
async function resign(
  request: CredentialsRequest,
  parsed: ParsedAuthorization,
  credentials: SigningCredentials,
  signingDate: Date,
): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    headers[name] = name === 'host' ? (request.headers.host ?? request.host) : (request.headers[name] ?? '');
  }
  const signer = new SignatureV4({
    service: parsed.scope.service,
    region: parsed.scope.region,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
    },
    sha256: Sha256,
    applyChecksum: false,
  });
  const claimedHash = headers['x-amz-content-sha256'];
  if (claimedHash !== undefined && claimedHash !== (await sha256Hex(request.body))) return undefined;

  const [path = '/', queryString = ''] = request.path.split('?', 2);
  const signed = await signer.sign(
    { method: request.method.toUpperCase(), protocol: 'https:', hostname: headers.host ?? request.host, path, query: parseQuery(queryString), headers, body: request.body },
    { signingDate, signableHeaders: new Set(parsed.signedHeaders) },
  );
  const header = String(signed.headers.authorization ?? '');
  return /Signature=([0-9a-f]+)$/.exec(header)?.[1];
}

async function sha256Hex(body: string): Promise<string> {
  const hash = new Sha256();
  hash.update(new TextEncoder().encode(body));
  return Buffer.from(await hash.digest()).toString('hex');
}

function parseQuery(queryString: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(queryString)) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function sameSignature(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
