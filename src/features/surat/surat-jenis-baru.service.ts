import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, invalid, notFound } from '#src/lib/errors.js';
import * as repo from './surat-jenis.repository.js';
import type { JenisSurat } from './surat-jenis.schema.js';
import { ensureJenisBawaan, fromRow, toRow } from './surat-jenis.service.js';
import { listJenisKabupaten, updateJenis } from './surat-jenis-baru.repository.js';
import { desaContoh, renderPratinjau } from './surat-templat-pratinjau.service.js';
import { masalahTemplat } from './surat-template-periksa.js';

/**
 * Letter types made by a kabupaten admin without code (fields, subject blocks, body text). They are offered to
 * every desa of that kabupaten and no other; the built-in types are read-only here (a desa may still give a
 * built-in type its own body text).
 */

export async function daftarJenisKabupaten(db: Db, kabupatenKode: string) {
  await ensureJenisBawaan(db);
  return (await listJenisKabupaten(db, kabupatenKode)).map((r) => ({
    slug: r.slug,
    kode: r.kode,
    nama: r.nama,
    buatanKabupaten: r.kabupaten_kode !== null,
    aktif: r.aktif === 1,
    mandiri: r.mandiri === 1,
  }));
}

/** A type as the kabupaten sees it; another kabupaten's type does not exist for it. */
export async function bukaJenisKabupaten(db: Db, kabupatenKode: string, slug: string) {
  await ensureJenisBawaan(db);
  const row = await repo.findJenisBySlug(db, slug);
  if (!row || (row.kabupaten_kode !== null && row.kabupaten_kode !== kabupatenKode))
    throw notFound('suratJenisTidakAda');
  return { id: row.id, def: fromRow(row), buatanKabupaten: row.kabupaten_kode !== null, aktif: row.aktif === 1 };
}

function periksa(def: JenisSurat): void {
  const masalah = masalahTemplat(def, def.template);
  if (masalah) throw invalid({ template: masalah });
}

/** What the audit trail keeps of a definition. */
function ringkas(def: JenisSurat, aktif: boolean) {
  return {
    nama: def.nama,
    kode: def.kode,
    mandiri: def.mandiri,
    qr: def.qr,
    kertas: def.kertas,
    masa_berlaku: def.masa_berlaku === null ? null : `${def.masa_berlaku} ${def.satuan_masa_berlaku}`,
    blok: def.blok.map((b) => `${b.kode}(${b.data.join('/')})`).join(', '),
    isian: def.isian.map((f) => `${f.kode}:${f.tipe}${f.wajib ? '*' : ''}`).join(', '),
    template: def.template,
    aktif,
  };
}

export async function buatJenis(db: Db, actor: Actor, kabupatenKode: string, def: JenisSurat): Promise<void> {
  periksa(def);
  // the built-in slugs must be in the table before a new slug is checked against them
  await ensureJenisBawaan(db);
  await db.transaction().execute(async (trx) => {
    if (await repo.findJenisBySlug(trx, def.slug))
      throw invalid({ slug: `Alamat (slug) ${def.slug} sudah dipakai jenis surat lain; pilih yang lain.` });
    await repo.insertJenis(trx, toRow(def, kabupatenKode, false, nowIso()));
    await audit.record(trx, actor, {
      aksi: 'tambah_jenis_surat',
      entitas: 'surat_jenis',
      entitasId: def.slug,
      perubahan: diffRecords(null, ringkas(def, true)),
    });
  });
}

/** Change a type this kabupaten made (its slug stays); built-in types cannot be changed here. */
export async function ubahJenis(
  db: Db,
  actor: Actor,
  kabupatenKode: string,
  slug: string,
  def: JenisSurat,
  aktif: boolean,
): Promise<void> {
  const lama = await bukaJenisKabupaten(db, kabupatenKode, slug);
  if (!lama.buatanKabupaten)
    throw new HttpError(
      409,
      'invalid',
      {},
      { _form: 'Jenis surat bawaan tidak dapat diubah di sini. Desa dapat memakai isi surat sendiri.' },
    );
  const baru = { ...def, slug };
  periksa(baru);
  const perubahan = diffRecords(ringkas(lama.def, lama.aktif), ringkas(baru, aktif));
  if (Object.keys(perubahan).length === 0) return;
  await db.transaction().execute(async (trx) => {
    const row = toRow(baru, kabupatenKode, false, nowIso());
    await updateJenis(trx, lama.id, { ...row, aktif: aktif ? 1 : 0 });
    await audit.record(trx, actor, { aksi: 'ubah_jenis_surat', entitas: 'surat_jenis', entitasId: slug, perubahan });
  });
}

/** A kabupaten type's body as a letter of a sample desa of the kabupaten, with made-up people. */
export async function pratinjauJenis(db: Db, kabupatenKode: string, def: JenisSurat) {
  return renderPratinjau(db, await desaContoh(db, kabupatenKode), def, def.template);
}
