import type { Db } from '#src/lib/db/connect.js';

/** Queries behind the resident screens that the core repositories do not offer. */

/** Families of a desa still in use, by the head's name (the family select of the birth/arrival forms). */
export function listFamilyOptions(db: Db, desaKode: string, limit: number) {
  return db
    .selectFrom('keluarga')
    .leftJoin('penduduk as h', 'h.id', 'keluarga.kepala_id')
    .select(['keluarga.id', 'keluarga.no_kk', 'keluarga.lingkungan_id', 'h.nama as kepala'])
    .where('keluarga.desa_kode', '=', desaKode)
    .where('keluarga.ditutup_pada', 'is', null)
    .orderBy('h.nama_normal')
    .orderBy('keluarga.id')
    .limit(limit)
    .execute();
}
export type FamilyOption = Awaited<ReturnType<typeof listFamilyOptions>>[number];

/** A family of this desa in use, by id or by KK number (temporary numbers included). */
export function findOpenFamily(db: Db, desaKode: string, by: { id: number } | { noKk: string }) {
  let q = db
    .selectFrom('keluarga')
    .leftJoin('penduduk as h', 'h.id', 'keluarga.kepala_id')
    .select(['keluarga.id', 'keluarga.no_kk', 'keluarga.lingkungan_id', 'keluarga.kepala_id', 'h.nama as kepala'])
    .where('keluarga.desa_kode', '=', desaKode)
    .where('keluarga.ditutup_pada', 'is', null);
  q = 'id' in by ? q.where('keluarga.id', '=', by.id) : q.where('keluarga.no_kk', '=', by.noKk);
  return q.executeTakeFirst();
}

/** A family (open or closed) with its head's name, for the detail page. */
export function findFamilyWithHead(db: Db, id: number) {
  return db
    .selectFrom('keluarga')
    .leftJoin('penduduk as h', 'h.id', 'keluarga.kepala_id')
    .select([
      'keluarga.id',
      'keluarga.no_kk',
      'keluarga.kepala_id',
      'keluarga.alamat',
      'keluarga.ditutup_pada',
      'h.nama as kepala',
    ])
    .where('keluarga.id', '=', id)
    .executeTakeFirst();
}

/** Living residents of a desa with data-quality warnings (optionally only some units), by warning kind. */
export function listWarnedResidents(db: Db, desaKode: string, lingkunganIds: readonly number[] | null) {
  let q = db
    .selectFrom('penduduk_peringatan as w')
    .innerJoin('penduduk as p', 'p.id', 'w.penduduk_id')
    .select(['w.kode', 'p.id', 'p.nama', 'p.lingkungan_id', 'p.tanggallahir'])
    .where('p.desa_kode', '=', desaKode)
    .where('p.status_dasar', '=', 1);
  if (lingkunganIds !== null)
    q = lingkunganIds.length > 0 ? q.where('p.lingkungan_id', 'in', lingkunganIds) : q.where('p.id', '<', 0);
  return q.orderBy('w.kode').orderBy('p.nama_normal').orderBy('p.id').limit(5000).execute();
}

/**
 * The photo file of a person. The record's version and "last changed by" are left alone: the edit form does
 * not carry the photo, so an upload must not make an open edit form look stale (the audit trail keeps who).
 */
export async function setFoto(db: Db, id: number, foto: string): Promise<void> {
  await db.updateTable('penduduk').set({ foto }).where('id', '=', id).execute();
}
