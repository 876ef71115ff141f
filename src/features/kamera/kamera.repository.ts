import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { KameraTable } from './kamera.table.js';

/** Cameras of a region and every region below it (a kabupaten's list holds its kecamatan's and desa's too). */
export function listKameraUnder(db: Db, kode: string, onlyActive: boolean) {
  let q = db
    .selectFrom('kamera')
    .innerJoin('wilayah', 'wilayah.kode', 'kamera.wilayah_kode')
    .selectAll('kamera')
    .select('wilayah.nama as wilayah_nama')
    .where((eb) => eb.or([eb('kamera.wilayah_kode', '=', kode), eb('kamera.wilayah_kode', 'like', `${kode}.%`)]));
  if (onlyActive) q = q.where('kamera.aktif', '=', 1);
  return q.orderBy('kamera.wilayah_kode').orderBy('kamera.nama').orderBy('kamera.id').execute();
}

export function findKamera(db: Db, id: number) {
  return db.selectFrom('kamera').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listKameraAktif(db: Db) {
  return db
    .selectFrom('kamera')
    .select(['id', 'jenis', 'stream_url', 'snapshot_url'])
    .where('aktif', '=', 1)
    .orderBy('id')
    .execute();
}

export async function insertKamera(db: Db, row: Insertable<KameraTable>): Promise<number> {
  const r = await db.insertInto('kamera').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateKamera(db: Db, id: number, patch: Updateable<KameraTable>): Promise<void> {
  await db.updateTable('kamera').set(patch).where('id', '=', id).execute();
}

export async function saveKameraStatus(
  db: Db,
  id: number,
  patch: Pick<Updateable<KameraTable>, 'status' | 'diperiksa_pada' | 'terakhir_terlihat' | 'galat'>,
): Promise<void> {
  await db.updateTable('kamera').set(patch).where('id', '=', id).execute();
}

export async function deleteKamera(db: Db, id: number): Promise<void> {
  await db.deleteFrom('kamera').where('id', '=', id).execute();
}
