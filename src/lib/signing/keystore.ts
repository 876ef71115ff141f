import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { nowIso } from '#src/lib/db/time.js';
import { decryptSecret, encryptSecret, type KeyContext, loadMasterKey } from './master-key.js';
import type { JenisKunci, KunciTandaTanganTable } from './signing.table.js';
import { commonName, issueCertificate, parseCertificate } from './x509.js';

/**
 * The installation's signing keys: one CA per kabupaten (10 years), one certificate per desa issued by it
 * (2 years), one Ed25519 letter-token key per kabupaten. Made on first use, renewed before they run out; older
 * keys stay inactive so earlier letters still verify. Safe with two processes: the partial unique index
 * `kunci_aktif_uq` lets one insert win, the other re-reads.
 */
export type { KeyContext } from './master-key.js';

type Row = KunciTandaTanganTable;

export interface KunciCa {
  key: KeyObject;
  /** PEM */
  cert: string;
  berlakuSampai: string;
}

export interface KunciDesa {
  key: KeyObject;
  /** PEM, issued by caCert */
  cert: string;
  caCert: string;
  berlakuSampai: string;
}

export interface DesaIdentitas {
  kode: string;
  nama: string;
  kabupatenKode: string;
  kabupatenNama: string;
}

export interface TokenKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface PublicTokenKey {
  kid: string;
  publicKeyPem: string;
  kabupaten: string;
  aktif: boolean;
}

const DAY = 86_400_000;
const CA_DAYS = 3650;
const DESA_DAYS = 730;
/** renew a desa certificate this close to its end; a CA when a full desa certificate no longer fits */
const RENEW_DAYS = 30;

const generateRsa = promisify(generateKeyPair);

export async function ensureKabupatenCa(
  db: Db,
  ctx: KeyContext,
  kabupatenKode: string,
  nama: string,
): Promise<KunciCa> {
  const row = await ensureCaRow(db, ctx, kabupatenKode, nama);
  return { key: privateKeyOf(ctx, row), cert: certOf(row), berlakuSampai: row.berlaku_sampai ?? '' };
}

export async function ensureDesaCertificate(db: Db, ctx: KeyContext, desa: DesaIdentitas): Promise<KunciDesa> {
  const ca = await ensureCaRow(db, ctx, desa.kabupatenKode, desa.kabupatenNama);
  const caCert = parseCertificate(certOf(ca));
  const row = await ensureActive(db, ctx, 'desa', desa.kode, {
    usable: (r) => {
      const cert = parseCertificate(certOf(r));
      return (
        remainingDays(r) > RENEW_DAYS &&
        commonName(cert) === desa.nama &&
        cert.checkIssued(caCert) &&
        cert.verify(caCert.publicKey)
      );
    },
    create: async () => {
      const pair = await generateRsa('rsa', { modulusLength: 2048 });
      const { from, to } = validity(DESA_DAYS);
      const cert = await issueCertificate({
        subject: { commonName: desa.nama, organization: desa.kabupatenNama, serialNumber: desa.kode },
        publicKeyPem: spkiPem(pair.publicKey),
        issuerKey: privateKeyOf(ctx, ca),
        issuerCertPem: certOf(ca),
        validFrom: from,
        validTo: to,
        ca: false,
      });
      return { privateKey: pair.privateKey, publicKey: pair.publicKey, cert, berlakuSampai: to };
    },
  });
  return {
    key: privateKeyOf(ctx, row),
    cert: certOf(row),
    caCert: certOf(ca),
    berlakuSampai: row.berlaku_sampai ?? '',
  };
}

/** The kabupaten's Ed25519 key for signing letter tokens (QR). */
export async function tokenKey(db: Db, ctx: KeyContext, kabupatenKode: string): Promise<TokenKey> {
  const row = await ensureActive(db, ctx, 'token', kabupatenKode, {
    usable: () => true,
    create: async () => {
      const pair = await promisify(generateKeyPair)('ed25519');
      return { privateKey: pair.privateKey, publicKey: pair.publicKey, cert: null, berlakuSampai: null };
    },
  });
  const publicKey = createPublicKey(row.kunci_publik);
  return { kid: keyIdOf(publicKey), privateKey: privateKeyOf(ctx, row), publicKey };
}

/** Every token public key ever used (inactive ones too: old letters still verify), for publishing. */
export async function publicTokenKeys(db: Db): Promise<PublicTokenKey[]> {
  const rows = await db
    .selectFrom('kunci_tanda_tangan')
    .select(['pemilik', 'kunci_publik', 'aktif'])
    .where('jenis', '=', 'token')
    .orderBy('pemilik')
    .orderBy('dibuat_pada')
    .execute();
  return rows.map((r) => ({
    kid: keyIdOf(createPublicKey(r.kunci_publik)),
    publicKeyPem: r.kunci_publik,
    kabupaten: r.pemilik,
    aktif: r.aktif === 1,
  }));
}

/** Every kabupaten CA certificate (PEM), inactive ones too: the trust anchors for verifying signed letters. */
export async function trustedCaCertificates(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('kunci_tanda_tangan')
    .select('sertifikat')
    .where('jenis', '=', 'ca')
    .orderBy('dibuat_pada')
    .execute();
  return rows.flatMap((r) => (r.sertifikat ? [r.sertifikat] : []));
}

/** A short, stable id of a public key: base64url of the first 8 bytes of SHA-256 over its SPKI. */
export function keyIdOf(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest().subarray(0, 8).toString('base64url');
}

async function ensureCaRow(db: Db, ctx: KeyContext, kabupatenKode: string, nama: string): Promise<Row> {
  return ensureActive(db, ctx, 'ca', kabupatenKode, {
    usable: (r) => remainingDays(r) > DESA_DAYS + RENEW_DAYS,
    create: async () => {
      const pair = await generateRsa('rsa', { modulusLength: 2048 });
      const { from, to } = validity(CA_DAYS);
      const cert = await issueCertificate({
        subject: { commonName: `Balai CA ${nama}`, organization: 'Balai', serialNumber: kabupatenKode },
        publicKeyPem: spkiPem(pair.publicKey),
        issuerKey: pair.privateKey,
        validFrom: from,
        validTo: to,
        ca: true,
      });
      return { privateKey: pair.privateKey, publicKey: pair.publicKey, cert, berlakuSampai: to };
    },
  });
}

interface NewKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  cert: string | null;
  berlakuSampai: Date | null;
}

interface Policy {
  usable(row: Row): boolean;
  create(): Promise<NewKey>;
}

/** The active key of (jenis, pemilik); made (or renewed) when missing or no longer usable. */
async function ensureActive(db: Db, ctx: KeyContext, jenis: JenisKunci, pemilik: string, policy: Policy) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await activeRow(db, jenis, pemilik);
    if (current && policy.usable(current)) return current;
    // the slow part (RSA key generation, signing) happens outside any transaction
    const made = await policy.create();
    const row: Row = {
      id: randomUUID(),
      jenis,
      pemilik,
      kunci_publik: spkiPem(made.publicKey),
      kunci_privat: '',
      sertifikat: made.cert,
      aktif: 1,
      berlaku_sampai: made.berlakuSampai?.toISOString() ?? null,
      dibuat_pada: nowIso(),
    };
    row.kunci_privat = encryptSecret(
      loadMasterKey(ctx),
      made.privateKey.export({ type: 'pkcs8', format: 'der' }),
      row.id,
    );
    try {
      const won = await db.transaction().execute(async (trx) => {
        if (current) {
          const retired = await trx
            .updateTable('kunci_tanda_tangan')
            .set({ aktif: 0 })
            .where('id', '=', current.id)
            .where('aktif', '=', 1)
            .executeTakeFirst();
          if (retired.numUpdatedRows === 0n) return false; // another process renewed it first
        }
        await trx.insertInto('kunci_tanda_tangan').values(row).execute();
        return true;
      });
      if (won) return row;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const settled = await activeRow(db, jenis, pemilik);
  if (!settled) throw new Error(`kunci ${jenis} ${pemilik} tidak dapat dibuat`);
  return settled;
}

async function activeRow(db: Db, jenis: JenisKunci, pemilik: string): Promise<Row | undefined> {
  return db
    .selectFrom('kunci_tanda_tangan')
    .selectAll()
    .where('jenis', '=', jenis)
    .where('pemilik', '=', pemilik)
    .where('aktif', '=', 1)
    .executeTakeFirst();
}

function privateKeyOf(ctx: KeyContext, row: Row): KeyObject {
  const der = decryptSecret(loadMasterKey(ctx), row.kunci_privat, row.id);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function certOf(row: Row): string {
  if (!row.sertifikat) throw new Error(`kunci ${row.jenis} ${row.pemilik} tidak memiliki sertifikat`);
  return row.sertifikat;
}

function spkiPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }) as string;
}

function remainingDays(row: Row): number {
  return row.berlaku_sampai ? (Date.parse(row.berlaku_sampai) - Date.now()) / DAY : Number.POSITIVE_INFINITY;
}

function validity(days: number): { from: Date; to: Date } {
  const now = Date.now();
  // a few minutes back: a reader whose clock runs slightly behind still sees the certificate as valid
  return { from: new Date(now - 5 * 60_000), to: new Date(now + days * DAY) };
}
