import { randomBytes } from 'node:crypto';
import { type CodeListName, codeList } from '#src/domain/codes.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import type { Pemohon } from '#src/features/permohonan/permohonan.service.js';
import { audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso, readJson } from '#src/lib/db/time.js';
import { conflict, notFound } from '#src/lib/errors.js';
import { berkasDitolak, olahGambar, periksaPdf } from '#src/lib/gambar/gambar.js';
import type { FileStore } from '#src/lib/storage.js';

/** Most documents a resident keeps (uploads cost disk; old ones can be deleted). */
export const DOKUMEN_MAKS = 30;
/** Widest stored picture of a document: readable when printed, small on a phone. */
const LEBAR_DOKUMEN = 1600;

/** Requirement kinds (codes.json syarat_surat; not among the resident-data code lists' names). */
export const JENIS_DOKUMEN = () => codeList('syarat_surat' as CodeListName);

export function daftarDokumen(db: Db, pendudukId: number) {
  return db
    .selectFrom('warga_dokumen')
    .select(['id', 'jenis', 'nama', 'mime', 'ukuran', 'dibuat_pada'])
    .where('penduduk_id', '=', pendudukId)
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Keep an uploaded document, judged by its content: a PDF must pass periksaPdf (kept as is), anything else
 * must be a raster image, which is decoded and re-encoded as JPEG (metadata, appended bytes and scripts do not
 * survive). SVG, HTML, PHP and the like are refused with a message next to the file field.
 */
export async function simpanDokumen(
  db: Db,
  files: FileStore,
  w: Pemohon,
  input: { jenis: number; nama: string; berkas: Buffer },
  batasByte: number,
) {
  const { berkas } = input;
  if (berkas.length === 0) throw berkasDitolak('berkasKosong');
  let data: Buffer;
  let mime: string;
  if (berkas.subarray(0, 5).toString('latin1') === '%PDF-') {
    periksaPdf(berkas, { batasByte, kolom: 'berkas' });
    data = berkas;
    mime = 'application/pdf';
  } else {
    const olah = await olahGambar(berkas, { lebar: [LEBAR_DOKUMEN], batasByte, kolom: 'berkas' });
    const terbesar = olah.varian.at(-1);
    if (!terbesar) throw berkasDitolak('gambarTidakValid');
    data = terbesar.jpeg;
    mime = 'image/jpeg';
  }
  const ada = await db
    .selectFrom('warga_dokumen')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('penduduk_id', '=', w.pendudukId)
    .executeTakeFirst();
  if (Number(ada?.n ?? 0) >= DOKUMEN_MAKS) throw berkasDitolak('dokumenTerlaluBanyak', 'berkas', String(DOKUMEN_MAKS));
  const key = `warga-dokumen/${w.desaKode}/${randomBytes(16).toString('hex')}.${mime === 'application/pdf' ? 'pdf' : 'jpg'}`;
  await files.write(key, data);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('warga_dokumen')
        .values({
          desa_kode: w.desaKode,
          penduduk_id: w.pendudukId,
          jenis: input.jenis,
          nama: input.nama,
          berkas: key,
          mime,
          ukuran: data.length,
          dibuat_pada: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.record(trx, wargaActor(w.akunId), {
        aksi: 'unggah-dokumen',
        entitas: 'warga_dokumen',
        entitasId: row.id,
        desaKode: w.desaKode,
        perubahan: { jenis: [null, input.jenis], mime: [null, mime] },
      });
      return row.id;
    });
  } catch (error) {
    await files.remove(key);
    throw error;
  }
}

/** One document of this resident (anyone else's → 404). */
export async function dokumenWarga(db: Db, pendudukId: number, id: number) {
  const row = await db.selectFrom('warga_dokumen').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.penduduk_id !== pendudukId) throw notFound();
  return row;
}

export async function bacaBerkas(files: FileStore, row: { berkas: string }) {
  const data = await files.read(row.berkas);
  if (!data) throw notFound();
  return data;
}

/** Delete a document, unless a request still being handled (0–2) has it attached. */
export async function hapusDokumen(db: Db, files: FileStore, w: Pemohon, id: number) {
  const row = await dokumenWarga(db, w.pendudukId, id);
  const aktif = await db
    .selectFrom('permohonan_surat')
    .select('dokumen')
    .where('penduduk_id', '=', w.pendudukId)
    .where('status', 'in', [0, 1, 2])
    .execute();
  if (aktif.some((p) => (readJson<number[]>(p.dokumen) ?? []).includes(id))) throw conflict('dokumenDipakai');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('warga_dokumen').where('id', '=', id).execute();
    await audit.record(trx, wargaActor(w.akunId), {
      aksi: 'hapus-dokumen',
      entitas: 'warga_dokumen',
      entitasId: id,
      desaKode: w.desaKode,
    });
  });
  await files.remove(row.berkas);
}
