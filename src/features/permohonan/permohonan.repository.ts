import type { Insertable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import type { PermohonanSuratTable } from './permohonan.table.js';

/** A request with its type's name and its letter's status and number (when accepted into the letter flow). */
export interface PermohonanRow {
  id: number;
  desa_kode: string;
  penduduk_id: number;
  akun_id: number | null;
  jenis_id: number;
  jenis_nama: string;
  jenis_slug: string;
  isian: unknown;
  status: number;
  alasan: string | null;
  catatan: string | null;
  telepon: string | null;
  dokumen: unknown;
  tanggal_antrian: string;
  nomor_antrian: number;
  surat_id: number | null;
  surat_status: 'draf' | 'diajukan' | 'ditolak' | 'selesai' | 'dibatalkan' | null;
  surat_nomor: string | null;
  diproses_oleh: string | null;
  dibuat_pada: string;
  diperbarui_pada: string;
  diambil_pada: string | null;
  pemohon: string;
}

function base(db: Db) {
  return db
    .selectFrom('permohonan_surat as p')
    .innerJoin('surat_jenis as j', 'j.id', 'p.jenis_id')
    .innerJoin('penduduk as o', 'o.id', 'p.penduduk_id')
    .leftJoin('surat as s', 's.id', 'p.surat_id')
    .select([
      'p.id',
      'p.desa_kode',
      'p.penduduk_id',
      'p.akun_id',
      'p.jenis_id',
      'j.nama as jenis_nama',
      'j.slug as jenis_slug',
      'p.isian',
      'p.status',
      'p.alasan',
      'p.catatan',
      'p.telepon',
      'p.dokumen',
      'p.tanggal_antrian',
      'p.nomor_antrian',
      'p.surat_id',
      's.status as surat_status',
      's.nomor as surat_nomor',
      'p.diproses_oleh',
      'p.dibuat_pada',
      'p.diperbarui_pada',
      'p.diambil_pada',
      'o.nama as pemohon',
    ]);
}

export async function findPermohonan(db: Db, id: number): Promise<PermohonanRow | undefined> {
  return (await base(db).where('p.id', '=', id).executeTakeFirst()) as PermohonanRow | undefined;
}

export async function listPermohonanWarga(db: Db, pendudukId: number): Promise<PermohonanRow[]> {
  return (await base(db)
    .where('p.penduduk_id', '=', pendudukId)
    .orderBy('p.id', 'desc')
    .limit(100)
    .execute()) as PermohonanRow[];
}

/** A desa's queue, newest first; `status` filters on the stored status (2 also finds the ready ones). */
export async function listPermohonanDesa(db: Db, desaKode: string, status: number[] | null, limit = 200) {
  let q = base(db).where('p.desa_kode', '=', desaKode);
  if (status) q = q.where('p.status', 'in', status);
  return (await q.orderBy('p.id', 'desc').limit(limit).execute()) as PermohonanRow[];
}

/** Next queue number of a desa for a day (the unique constraint catches a race; the caller retries). */
export async function nextAntrian(db: Db, desaKode: string, tanggal: string): Promise<number> {
  const row = await db
    .selectFrom('permohonan_surat')
    .select((eb) => eb.fn.max('nomor_antrian').as('n'))
    .where('desa_kode', '=', desaKode)
    .where('tanggal_antrian', '=', tanggal)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertPermohonan(db: Db, row: Insertable<PermohonanSuratTable>): Promise<number> {
  const r = await db.insertInto('permohonan_surat').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Move a request on only if it is still in one of `from` (someone else may have acted first). */
export async function updateStatusFrom(
  db: Db,
  id: number,
  from: readonly number[],
  changes: Partial<Pick<PermohonanSuratTable, 'status' | 'alasan' | 'surat_id' | 'diproses_oleh' | 'diambil_pada'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('permohonan_surat')
    .set({ ...changes, diperbarui_pada: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findPenilaian(db: Db, permohonanId: number) {
  return db.selectFrom('permohonan_penilaian').selectAll().where('permohonan_id', '=', permohonanId).executeTakeFirst();
}

/** The types a resident may ask for in a desa: mandiri, active, of this kabupaten, not switched off by the desa. */
export function listJenisMandiri(db: Db, desaKode: string) {
  return db
    .selectFrom('surat_jenis as j')
    .leftJoin('surat_jenis_desa as jd', (j) => j.onRef('jd.jenis_id', '=', 'j.id').on('jd.desa_kode', '=', desaKode))
    .select(['j.id', 'j.slug', 'j.nama'])
    .where('j.mandiri', '=', 1)
    .where('j.aktif', '=', 1)
    .where((eb) => eb.or([eb('j.kabupaten_kode', 'is', null), eb('j.kabupaten_kode', '=', desaKode.slice(0, 5))]))
    .where((eb) => eb.or([eb('jd.nonaktif', 'is', null), eb('jd.nonaktif', '=', 0)]))
    .orderBy('j.nama')
    .execute();
}
