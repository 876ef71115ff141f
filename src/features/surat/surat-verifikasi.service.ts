import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { maskNumber } from '#src/domain/nik.js';
import { verifyToken } from '#src/domain/surat-token.js';
import { findVillageWithKecamatan } from '#src/features/wilayah/wilayah.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { readJson } from '#src/lib/db/time.js';
import { publicTokenKeys } from '#src/lib/signing/keystore.js';
import * as repo from './surat.repository.js';
import { findJenis } from './surat-jenis.repository.js';

/**
 * What the public verification page says about a QR token. Nothing guessable or personal is in the URL; the
 * page shows the holder's name with the NIK masked, and whether the letter stands, was revoked or ran out.
 */
export type Keadaan = 'sah' | 'dicabut' | 'kedaluwarsa' | 'tidak_sah' | 'tidak_terdaftar';

export interface HasilVerifikasiSurat {
  keadaan: Keadaan;
  /** why a token is not valid (for the plain message) */
  alasan?: string;
  /** SHA-256 of the PDF as issued (to compare an uploaded file with; not shown) */
  sha256Berkas?: string | null;
  surat?: {
    nomor: string;
    jenis: string;
    tanggal: string;
    berlakuSampai: string | null;
    desa: string;
    kecamatan: string;
    penandatangan: { nama: string; jabatan: string; atasNama: string | null };
    pemegang: string;
    nikTersamar: string;
    dicabutPada: string | null;
    alasanPembatalan: string | null;
  };
}

let cache: { at: number; keys: Map<string, KeyObject> } | null = null;

async function keyLookup(db: Db): Promise<(kid: string) => KeyObject | undefined> {
  if (!cache || Date.now() - cache.at > 60_000) {
    const keys = new Map<string, KeyObject>();
    for (const k of await publicTokenKeys(db)) keys.set(k.kid, createPublicKey(k.publicKeyPem));
    cache = { at: Date.now(), keys };
  }
  const current = cache;
  return (kid) => current.keys.get(kid);
}

/** Forget the cached public keys (a new key was made, or in tests). */
export function forgetKeyCache() {
  cache = null;
}

export async function verifikasiSurat(db: Db, token: string, now = new Date()): Promise<HasilVerifikasiSurat> {
  let lookup = await keyLookup(db);
  let result = verifyToken(token, lookup, now);
  if (!result.ok && result.alasan === 'kunci_tidak_dikenal') {
    forgetKeyCache();
    lookup = await keyLookup(db);
    result = verifyToken(token, lookup, now);
  }
  if (!result.ok && result.alasan !== 'kedaluwarsa') return { keadaan: 'tidak_sah', alasan: result.alasan };
  const payload = result.payload;
  const surat = await repo.findSuratByKodePublik(db, payload.id);
  if (!surat || surat.nomor === null) return { keadaan: 'tidak_terdaftar' };
  // a genuine token must name this very letter: number, desa, date and content as issued
  if (
    surat.nomor !== payload.nomor ||
    surat.desa_kode !== payload.desa ||
    surat.tanggal !== payload.tanggal ||
    surat.isi_sha256 !== payload.hash
  )
    return { keadaan: 'tidak_sah', alasan: 'tidak_cocok' };
  const jenis = await findJenis(db, surat.jenis_id);
  const desa = await findVillageWithKecamatan(db, surat.desa_kode);
  const ttd = readJson<{ nama: string; jabatan: string; atasNama: string | null }>(surat.penandatangan);
  const data = readJson<{ subjek?: Record<string, { penduduk_id?: number; luar?: Record<string, string> }> }>(
    surat.data,
  );
  const first = Object.values(data?.subjek ?? {})[0];
  let nik = first?.luar?.nik ?? '';
  if (first?.penduduk_id) {
    const p = await db.selectFrom('penduduk').select(['nik']).where('id', '=', first.penduduk_id).executeTakeFirst();
    nik = p?.nik ?? '';
  }
  const keadaan: Keadaan = surat.status === 'dibatalkan' ? 'dicabut' : result.ok ? 'sah' : 'kedaluwarsa';
  return {
    keadaan,
    sha256Berkas: surat.pdf_sha256,
    surat: {
      nomor: surat.nomor,
      jenis: jenis?.nama ?? '',
      tanggal: surat.tanggal ?? '',
      berlakuSampai: surat.berlaku_sampai,
      desa: desa?.nama ?? surat.desa_kode,
      kecamatan: desa?.kecamatan ?? '',
      penandatangan: { nama: ttd?.nama ?? '', jabatan: ttd?.jabatan ?? '', atasNama: ttd?.atasNama ?? null },
      pemegang: surat.subjek_nama,
      nikTersamar: maskNumber(nik),
      dicabutPada: surat.dibatalkan_pada,
      alasanPembatalan: surat.status === 'dibatalkan' ? surat.alasan : null,
    },
  };
}

/** Whether an uploaded PDF is, byte for byte, the file Balai issued for the verified letter. */
export function periksaBerkas(hasil: HasilVerifikasiSurat, pdf: Buffer): 'sama' | 'berbeda' | 'tidak_sah' {
  if (hasil.keadaan === 'tidak_sah' || hasil.keadaan === 'tidak_terdaftar' || !hasil.sha256Berkas) return 'tidak_sah';
  return createHash('sha256').update(pdf).digest('hex') === hasil.sha256Berkas ? 'sama' : 'berbeda';
}

/** The public keys, for verifying tokens offline. */
export async function kunciPublik(db: Db) {
  return (await publicTokenKeys(db)).map((k) => ({
    kid: k.kid,
    alg: 'Ed25519',
    kabupaten: k.kabupaten,
    aktif: k.aktif,
    kunci: k.publicKeyPem,
  }));
}
