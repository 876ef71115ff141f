import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import type { LangkahSurat, StatusSurat, SuratTable } from './surat.table.js';

export type SuratRow = Omit<SuratTable, 'id'> & { id: number };

export async function insertSurat(db: Db, row: Insertable<SuratTable>): Promise<number> {
  const r = await db.insertInto('surat').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findSurat(db: Db, id: number): Promise<SuratRow | undefined> {
  return db.selectFrom('surat').selectAll().where('id', '=', id).executeTakeFirst() as Promise<SuratRow | undefined>;
}

export function findSuratByKodePublik(db: Db, kode: string): Promise<SuratRow | undefined> {
  return db.selectFrom('surat').selectAll().where('kode_publik', '=', kode).executeTakeFirst() as Promise<
    SuratRow | undefined
  >;
}

/**
 * Move a letter from one of `from` to a new state; false when it was not in one of them any more (another
 * user acted first) — the caller then says so instead of acting twice.
 */
export async function updateSuratFrom(
  db: Db,
  id: number,
  from: readonly StatusSurat[],
  changes: Updateable<SuratTable>,
  langkah?: LangkahSurat | null,
): Promise<boolean> {
  let q = db
    .updateTable('surat')
    .set({ ...changes, diperbarui_pada: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', [...from]);
  if (langkah !== undefined) q = langkah === null ? q.where('langkah', 'is', null) : q.where('langkah', '=', langkah);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRiwayat(
  db: Db,
  row: { surat_id: number; aksi: string; langkah: string | null; oleh: string; alasan?: string | null },
): Promise<void> {
  await db
    .insertInto('surat_riwayat')
    .values({ ...row, alasan: row.alasan ?? null, pada: nowIso() })
    .execute();
}

export function listRiwayat(db: Db, suratId: number) {
  return db.selectFrom('surat_riwayat').selectAll().where('surat_id', '=', suratId).orderBy('id').execute();
}

export interface CariSurat {
  desaKode: string;
  status?: StatusSurat | 'menunggu';
  langkah?: LangkahSurat;
  q?: string;
  jenisId?: number;
  dari?: string;
  sampai?: string;
  limit: number;
  offset: number;
}

/** The archive: by number, name, type, date range and status (newest first). */
export function searchSurat(db: Db, c: CariSurat) {
  let q = db
    .selectFrom('surat')
    .innerJoin('surat_jenis as j', 'j.id', 'surat.jenis_id')
    .select([
      'surat.id',
      'surat.status',
      'surat.langkah',
      'surat.nomor',
      'surat.tanggal',
      'surat.subjek_nama',
      'surat.dibuat_pada',
      'surat.alasan',
      'j.nama as jenis_nama',
      'j.kode as jenis_kode',
      'j.slug as jenis_slug',
    ])
    .where('surat.desa_kode', '=', c.desaKode);
  if (c.status === 'menunggu') q = q.where('surat.status', '=', 'diajukan');
  else if (c.status) q = q.where('surat.status', '=', c.status);
  if (c.langkah) q = q.where('surat.langkah', '=', c.langkah);
  if (c.jenisId) q = q.where('surat.jenis_id', '=', c.jenisId);
  if (c.dari) q = q.where('surat.tanggal', '>=', c.dari);
  if (c.sampai) q = q.where('surat.tanggal', '<=', c.sampai);
  if (c.q) {
    const like = `%${c.q.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['surat.subjek_nama']), 'like', like),
        eb(eb.fn('lower', ['surat.nomor']), 'like', like),
      ]),
    );
  }
  return q.orderBy('surat.id', 'desc').limit(c.limit).offset(c.offset).execute();
}

/** Buku Agenda Surat Keluar: every numbered letter of a desa in a year, in number order. */
export function listAgenda(db: Db, desaKode: string, tahun: number) {
  return db
    .selectFrom('surat')
    .innerJoin('surat_jenis as j', 'j.id', 'surat.jenis_id')
    .select([
      'surat.id',
      'surat.nomor',
      'surat.urut',
      'surat.tanggal',
      'surat.status',
      'surat.subjek_nama',
      'surat.penandatangan',
      'surat.alasan',
      'j.nama as jenis_nama',
      'j.kode as jenis_kode',
    ])
    .where('surat.desa_kode', '=', desaKode)
    .where('surat.tahun', '=', tahun)
    .where('surat.nomor', 'is not', null)
    .orderBy('surat.tanggal')
    .orderBy('surat.id')
    .execute();
}
