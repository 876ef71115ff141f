import { createPrivateKey, randomBytes, sign, verify, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, resolveDatabaseTarget } from '#src/lib/db/connect.js';
import {
  type DesaIdentitas,
  ensureDesaCertificate,
  ensureKabupatenCa,
  publicTokenKeys,
  tokenKey,
  trustedCaCertificates,
} from '#src/lib/signing/keystore.js';
import { KunciIndukError, masterKeyFile } from '#src/lib/signing/master-key.js';
import { pemToDer } from '#src/lib/signing/x509.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';

let t: TestDatabase;
const dataDir = mkdtempSync(join(tmpdir(), 'balai-keystore-'));
const ctx = { dataDir, masterKey: randomBytes(32).toString('base64') };
const desa: DesaIdentitas = {
  kode: '3317012001',
  nama: 'Desa Sukamaju',
  kabupatenKode: '3317',
  kabupatenNama: 'Kabupaten Rembang',
};
const YEAR = 365.25 * 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function rows(jenis: string, pemilik: string) {
  return t.db
    .selectFrom('kunci_tanda_tangan')
    .selectAll()
    .where('jenis', '=', jenis as 'ca')
    .where('pemilik', '=', pemilik)
    .orderBy('dibuat_pada')
    .execute();
}

function keyUsageByte(pem: string): number | undefined {
  const cert = pkijs.Certificate.fromBER(pemToDer(pem));
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  return (ext?.parsedValue as { valueBlock: { valueHexView: Uint8Array } } | undefined)?.valueBlock.valueHexView[0];
}

describe('kabupaten CA and desa certificate', () => {
  it('makes a self-signed 10-year RSA-2048 CA once, then returns the same one', async () => {
    const ca = await ensureKabupatenCa(t.db, ctx, '3317', 'Kabupaten Rembang');
    const x509 = new X509Certificate(ca.cert);
    expect(x509.subject).toContain('CN=Balai CA Kabupaten Rembang');
    expect(x509.ca).toBe(true);
    expect(x509.checkIssued(x509)).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect((Date.parse(x509.validTo) - Date.now()) / YEAR).toBeCloseTo(10, 0);
    expect(keyUsageByte(ca.cert)).toBe(0x06); // keyCertSign + cRLSign
    const again = await ensureKabupatenCa(t.db, ctx, '3317', 'Kabupaten Rembang');
    expect(again.cert).toBe(ca.cert);
    expect(await rows('ca', '3317')).toHaveLength(1);
  });

  it('issues a 2-year desa certificate under that CA, keyUsage digitalSignature + nonRepudiation', async () => {
    const kunci = await ensureDesaCertificate(t.db, ctx, desa);
    const cert = new X509Certificate(kunci.cert);
    const ca = new X509Certificate(kunci.caCert);
    expect(cert.subject).toContain('CN=Desa Sukamaju');
    expect(cert.subject).toContain('serialNumber=3317012001');
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(keyUsageByte(kunci.cert)).toBe(0xc0);
    expect((Date.parse(cert.validTo) - Date.now()) / YEAR).toBeCloseTo(2, 1);
    // the private key is the certificate's
    const data = Buffer.from('surat');
    expect(verify('sha256', data, cert.publicKey, sign('sha256', data, kunci.key))).toBe(true);
    expect((await ensureDesaCertificate(t.db, ctx, desa)).cert).toBe(kunci.cert);
    expect(await trustedCaCertificates(t.db)).toEqual([kunci.caCert]);
  });

  it('stores private keys encrypted: no PEM, no key bytes; only the right master key opens them', async () => {
    const kunci = await ensureDesaCertificate(t.db, ctx, desa);
    const [row] = await rows('desa', desa.kode);
    const der = kunci.key.export({ type: 'pkcs8', format: 'der' });
    expect(row?.kunci_privat).toMatch(/^v1:/);
    expect(row?.kunci_privat).not.toContain('PRIVATE KEY');
    for (const encoding of ['base64', 'base64url', 'hex'] as const)
      expect(row?.kunci_privat).not.toContain(der.subarray(40, 72).toString(encoding));
    const wrong = { dataDir, masterKey: randomBytes(32).toString('base64') };
    const error = await ensureDesaCertificate(t.db, wrong, desa).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KunciIndukError);
    expect((error as Error).message).toMatch(/Kunci induk tidak cocok/);
    expect(createPrivateKey(kunci.key.export({ type: 'pkcs8', format: 'pem' })).asymmetricKeyType).toBe('rsa');
  });

  it('renews a desa certificate near its end or after the desa is renamed; the old one stays inactive', async () => {
    const before = await ensureDesaCertificate(t.db, ctx, desa);
    await t.db
      .updateTable('kunci_tanda_tangan')
      .set({ berlaku_sampai: new Date(Date.now() + 10 * 86_400_000).toISOString() })
      .where('jenis', '=', 'desa')
      .where('pemilik', '=', desa.kode)
      .where('aktif', '=', 1)
      .execute();
    const renewed = await ensureDesaCertificate(t.db, ctx, desa);
    expect(renewed.cert).not.toBe(before.cert);
    expect(renewed.caCert).toBe(before.caCert);
    const renamed = await ensureDesaCertificate(t.db, ctx, { ...desa, nama: 'Desa Sukamaju Baru' });
    expect(new X509Certificate(renamed.cert).subject).toContain('CN=Desa Sukamaju Baru');
    const all = await rows('desa', desa.kode);
    expect(all.map((r) => r.aktif)).toEqual([0, 0, 1]);
  });

  it('two processes asking at once end with one active key each (unique index, loser re-reads)', async () => {
    const second = openDatabase(resolveDatabaseTarget(t.url, dataDir));
    try {
      const other: DesaIdentitas = {
        kode: '3318022002',
        nama: 'Desa Lain',
        kabupatenKode: '3318',
        kabupatenNama: 'Kabupaten Pati',
      };
      const results = await Promise.all([
        ensureDesaCertificate(t.db, ctx, other),
        ensureDesaCertificate(second.db, ctx, other),
        ensureDesaCertificate(t.db, ctx, other),
        ensureDesaCertificate(second.db, ctx, other),
      ]);
      expect(new Set(results.map((r) => r.cert)).size).toBe(1);
      expect(new Set(results.map((r) => r.caCert)).size).toBe(1);
      expect((await rows('desa', other.kode)).filter((r) => r.aktif === 1)).toHaveLength(1);
      expect((await rows('ca', '3318')).filter((r) => r.aktif === 1)).toHaveLength(1);
      const tokens = await Promise.all([tokenKey(t.db, ctx, '3318'), tokenKey(second.db, ctx, '3318')]);
      expect(tokens[0].kid).toBe(tokens[1].kid);
    } finally {
      await second.close();
    }
  });
});

describe('letter-token key', () => {
  it('is Ed25519 with a short stable kid; every key ever used is published', async () => {
    const key = await tokenKey(t.db, ctx, '3317');
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.kid).toMatch(/^[\w-]{11}$/);
    const data = Buffer.from('surat-123');
    expect(verify(null, data, key.publicKey, sign(null, data, key.privateKey))).toBe(true);
    expect((await tokenKey(t.db, ctx, '3317')).kid).toBe(key.kid);

    await t.db.updateTable('kunci_tanda_tangan').set({ aktif: 0 }).where('jenis', '=', 'token').execute();
    const next = await tokenKey(t.db, ctx, '3317');
    expect(next.kid).not.toBe(key.kid);
    const published = (await publicTokenKeys(t.db)).filter((k) => k.kabupaten === '3317');
    expect(published.map((k) => [k.kid, k.aktif])).toEqual([
      [key.kid, false],
      [next.kid, true],
    ]);
    expect(published[0]?.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(published)).not.toContain('PRIVATE');
  });

  it('without BALAI_MASTER_KEY makes and uses <dataDir>/kunci/master.key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'balai-keystore-file-'));
    try {
      const key = await tokenKey(t.db, { dataDir: dir }, '3319');
      expect(existsSync(masterKeyFile(dir))).toBe(true);
      expect((await tokenKey(t.db, { dataDir: dir }, '3319')).kid).toBe(key.kid);
      await expect(tokenKey(t.db, ctx, '3319')).rejects.toThrow(KunciIndukError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
