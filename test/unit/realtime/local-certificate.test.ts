/**
 * The local TLS certificate Amplify v6's `wss://` needs on the HTTP port (spec appsync-realtime.md §1.3).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate, loadLocalCertificate } from '../../../local/realtime/local-certificate.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'liveboard-cert-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('generateSelfSignedCertificate', () => {
  it('makes a self-signed certificate for the loopback names, valid now, matching its key', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const { cert, key } = generateSelfSignedCertificate(now);
    const certificate = new X509Certificate(cert);
    expect({
      subject: certificate.subject,
      issuer: certificate.issuer,
      subjectAltName: certificate.subjectAltName,
      selfSigned: certificate.verify(certificate.publicKey),
      matchesKey: certificate.checkPrivateKey(createPrivateKey(key)),
      hosts: [certificate.checkHost('localhost'), certificate.checkIP('127.0.0.1'), certificate.checkIP('::1')],
      validFrom: new Date(certificate.validFrom).toISOString(),
      validTo: new Date(certificate.validTo).toISOString(),
      keyUsage: certificate.keyUsage,
    }).toEqual({
      subject: 'CN=liveboard local server',
      issuer: 'CN=liveboard local server',
      subjectAltName: 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
      selfSigned: true,
      matchesKey: true,
      hosts: ['localhost', '127.0.0.1', '::1'],
      validFrom: '2026-11-22T10:00:00.000Z',
      validTo: '2029-02-25T10:00:00.000Z',
      keyUsage: ['1.3.6.1.5.5.7.3.1'],
    });
  });
  it('always encodes a parseable certificate (minimal DER serial, whatever the random bytes)', () => {
    // A random serial starts with 0x00 in 1 certificate of 256 and with a byte ≥ 0x80 in half of them; both must
    // come out as minimal DER (a non-minimal serial once got about 1 certificate in 128 refused).
    const refused = Array.from({ length: 400 }, () => generateSelfSignedCertificate(new Date())).filter(({ cert, key }) => {
      try {
        return !new X509Certificate(cert).checkPrivateKey(createPrivateKey(key));
      } catch {
        return true;
      }
    });
    expect(refused).toEqual([]);
  });
});

describe('loadLocalCertificate', () => {
  it('creates the certificate once and reuses it', async () => {
    const first = await loadLocalCertificate(dataDir);
    const second = await loadLocalCertificate(dataDir);
    expect([second, first.path, await readFile(first.path, 'utf8')]).toEqual([first, join(dataDir, 'tls', 'localhost.pem'), `${first.cert}${first.key}`]);
  });

  it('agrees on one certificate when started twice at once', async () => {
    const [a, b] = await Promise.all([loadLocalCertificate(dataDir), loadLocalCertificate(dataDir)]);
    expect(a).toEqual(b);
  });

  it('replaces a certificate about to expire, and an unreadable file', async () => {
    const first = await loadLocalCertificate(dataDir, new Date('2026-11-23T10:00:00Z'));
    const renewed = await loadLocalCertificate(dataDir, new Date('2029-02-10T10:00:00Z'));
    await writeFile(first.path, 'not a certificate');
    const rewritten = await loadLocalCertificate(dataDir, new Date('2026-11-23T10:00:00Z'));
    expect([renewed.cert === first.cert, new X509Certificate(renewed.cert).validTo, rewritten.cert === renewed.cert]).toEqual([
      false,
      'May 16 10:00:00 2031 GMT',
      false,
    ]);
  });
});
