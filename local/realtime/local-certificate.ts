/**
 * The local TLS certificate, so that Amplify v6, which always opens `wss://` on the GraphQL URL's host and
 * port (appsync-realtime.md §1.2-1.3), can connect to the local server. A self-signed P-256 certificate for
 * `localhost`, `127.0.0.1` and `::1`, generated once per data directory with node:crypto alone (no openssl
 * needed) and kept in `<dataDir>/tls/localhost.pem` (certificate first, then its key).
 *
 * Clients must trust it: in Node, `NODE_EXTRA_CA_CERTS=<dataDir>/tls/localhost.pem` or a `ca` option; in a
 * browser, import it into the trust store.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LocalCertificate {
  /** Where the certificate and key are kept (the file to give `NODE_EXTRA_CA_CERTS`). */
  path: string;
  cert: string;
  key: string;
}

const FILE_NAME = 'localhost.pem';
const VALIDITY_DAYS = 825;
/** A certificate this close to expiring is replaced. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * Loads the data directory's certificate, creating it on first use or when it is about to expire. Creation
 * is atomic (written to a temporary file, then hard-linked into place), so two servers started together on
 * one data directory agree on one certificate.
 */
export async function loadLocalCertificate(dataDir: string, now: Date = new Date()): Promise<LocalCertificate> {
  const dir = join(dataDir, 'tls');
  const path = join(dir, FILE_NAME);
  const stored = await readStored(path, now);
  if (stored === 'unusable') await rm(path, { force: true });
  else if (stored !== 'missing') return { path, ...stored };
  await mkdir(dir, { recursive: true });
  const pem = generateSelfSignedCertificate(now);
  const temporary = join(dir, `${FILE_NAME}.${process.pid}.${randomBytes(4).toString('hex')}`);
  await writeFile(temporary, `${pem.cert}${pem.key}`, { mode: 0o600 });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const created = await readStored(path, now);
  if (typeof created === 'string') throw new Error(`liveboard: could not create the local TLS certificate in ${path}`);
  return { path, ...created };
}

/** `unusable`: not a certificate and its key, or one about to expire. */
async function readStored(path: string, now: Date): Promise<{ cert: string; key: string } | 'missing' | 'unusable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return 'missing';
  }
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/.exec(text)?.[0];
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n/.exec(text)?.[0];
  if (cert === undefined || key === undefined) return 'unusable';
  try {
    const certificate = new X509Certificate(cert);
    if (!certificate.checkPrivateKey(createPrivateKey(key))) return 'unusable';
    if (Date.parse(certificate.validTo) - now.getTime() < RENEW_BEFORE_MS) return 'unusable';
  } catch {
    return 'unusable';
  }
  return { cert, key };
}

/** A self-signed certificate (X.509 v3, ECDSA P-256 with SHA-256) for the loopback names, in PEM. */
export function generateSelfSignedCertificate(now: Date): { cert: string; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signatureAlgorithm = sequence(objectId('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256
  const name = sequence(set(sequence(objectId('2.5.4.3'), utf8String('liveboard local server')))); // CN
  const serial = randomBytes(16);
  const tbsCertificate = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    signatureAlgorithm,
    name,
    sequence(time(new Date(now.getTime() - 86_400_000)), time(new Date(now.getTime() + VALIDITY_DAYS * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        // A certificate that is its own trust anchor: CA, allowed to sign certificates and to serve TLS.
        extension('2.5.29.19', true, sequence(boolean(true))), // basicConstraints CA:TRUE
        extension('2.5.29.15', true, bitString(Buffer.from([0x84]), 2)), // keyUsage digitalSignature, keyCertSign
        extension('2.5.29.37', false, sequence(objectId('1.3.6.1.5.5.7.3.1'))), // extKeyUsage serverAuth
        extension('2.5.29.17', false, sequence(tagged(0x82, Buffer.from('localhost')), tagged(0x87, Buffer.from([127, 0, 0, 1])), tagged(0x87, ipv6Loopback()))), // subjectAltName
      ),
    ),
  );
  const signature = sign('sha256', tbsCertificate, privateKey);
  const der = sequence(tbsCertificate, signatureAlgorithm, bitString(signature, 0));
  return { cert: pem('CERTIFICATE', der), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

// --- DER encoding, just what a certificate needs (ITU-T X.690) ---

function tagged(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const lengthBytes = length < 0x80 ? Buffer.from([length]) : lengthOctets(length);
  return Buffer.concat([Buffer.from([tag]), lengthBytes, content]);
}

function lengthOctets(length: number): Buffer {
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function sequence(...parts: Buffer[]): Buffer {
  return tagged(0x30, Buffer.concat(parts));
}

function set(...parts: Buffer[]): Buffer {
  return tagged(0x31, Buffer.concat(parts));
}

function explicit(tagNumber: number, content: Buffer): Buffer {
  return tagged(0xa0 + tagNumber, content);
}

/**
 * A DER INTEGER holding the unsigned big-endian value: minimal, as DER requires (X509Certificate refuses a
 * redundant leading 0x00), with one 0x00 added when the high bit would otherwise make it negative.
 */
function integer(bigEndian: Buffer): Buffer {
  let start = 0;
  while (start < bigEndian.length - 1 && bigEndian[start] === 0) start += 1;
  const magnitude = bigEndian.subarray(start);
  return tagged(0x02, (magnitude[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), magnitude]) : magnitude);
}

function boolean(value: boolean): Buffer {
  return tagged(0x01, Buffer.from([value ? 0xff : 0]));
}

function bitString(bits: Buffer, unusedBits: number): Buffer {
  return tagged(0x03, Buffer.concat([Buffer.from([unusedBits]), bits]));
}

function utf8String(text: string): Buffer {
  return tagged(0x0c, Buffer.from(text, 'utf8'));
}

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      base128.unshift((value % 128) | (base128.length > 0 ? 0x80 : 0));
      if (value < 128) break;
    }
    bytes.push(...base128);
  }
  return tagged(0x06, Buffer.from(bytes));
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return date.getUTCFullYear() < 2050 ? tagged(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tagged(0x18, Buffer.from(`${iso}Z`));
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectId(oid), ...(critical ? [boolean(true)] : []), tagged(0x04, value));
}

function ipv6Loopback(): Buffer {
  const address = Buffer.alloc(16);
  address[15] = 1;
  return address;
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
