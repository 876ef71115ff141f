import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { PendudukTable } from './penduduk.table.js';

export type PendudukRow = Omit<PendudukTable, 'versi' | 'id'> & { id: number; versi: number };

export async function insertPenduduk(db: Db, row: Insertable<PendudukTable>): Promise<number> {
  const r = await db.insertInto('penduduk').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Update only if nobody saved since `versi` was read; false when the version moved on. */
export async function updatePendudukVersioned(
  db: Db,
  id: number,
  versi: number,
  changes: Updateable<PendudukTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('penduduk')
    .set({ ...changes, versi: versi + 1 })
    .where('id', '=', id)
    .where('versi', '=', versi)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Status and membership changes made by events and family operations (they bump the version too). */
export async function updatePenduduk(db: Db, id: number, changes: Updateable<PendudukTable>): Promise<void> {
  await db
    .updateTable('penduduk')
    .set((eb) => ({ ...changes, versi: eb('versi', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export function findPenduduk(db: Db, id: number): Promise<PendudukRow | undefined> {
  return db.selectFrom('penduduk').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    PendudukRow | undefined
  >;
}

export function findLivingByNik(db: Db, nik: string) {
  return db
    .selectFrom('penduduk')
    .select(['id', 'desa_kode', 'nama'])
    .where('nik', '=', nik)
    .where('status_dasar', '=', 1)
    .executeTakeFirst();
}

/** The most recent record of a NIK in any status (a person who moved out keeps their record). */
export function findLatestByNik(db: Db, nik: string) {
  return db
    .selectFrom('penduduk')
    .select(['id', 'desa_kode', 'nama', 'status_dasar'])
    .where('nik', '=', nik)
    .where('digabung_ke_id', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The next serial of the desa's temporary NIKs. A counter (in `pengaturan`) rather than the highest number in
 * use, because a temporary number is cleared when the real NIK arrives and must never be issued again.
 */
export async function nextTemporarySerial(db: Db, desaKode: string, prefix: string): Promise<number> {
  const kunci = `serial_nik_sementara:${desaKode}`;
  const row = await db.selectFrom('pengaturan').select('nilai').where('kunci', '=', kunci).executeTakeFirst();
  const next = (row ? Number(row.nilai) : await maxTemporarySerial(db, prefix)) + 1;
  await db
    .insertInto('pengaturan')
    .values({ kunci, nilai: String(next) })
    .onConflict((oc) => oc.column('kunci').doUpdateSet({ nilai: String(next) }))
    .execute();
  return next;
}

/** Highest serial of the desa's temporary numbers (`0` + desa code + 5 digits). */
export async function maxTemporarySerial(db: Db, prefix: string): Promise<number> {
  const r = await db
    .selectFrom('penduduk')
    .select((eb) => eb.fn.max('nik_sementara').as('m'))
    .where('nik_sementara', '>=', `${prefix}00000`)
    .where('nik_sementara', '<=', `${prefix}99999`)
    .executeTakeFirst();
  return r?.m ? Number(String(r.m).slice(prefix.length)) : 0;
}

export async function replaceWarnings(
  db: Db,
  pendudukId: number,
  desaKode: string,
  codes: readonly string[],
): Promise<void> {
  await db.deleteFrom('penduduk_peringatan').where('penduduk_id', '=', pendudukId).execute();
  if (codes.length > 0) {
    await db
      .insertInto('penduduk_peringatan')
      .values(codes.map((kode) => ({ penduduk_id: pendudukId, kode, desa_kode: desaKode })))
      .execute();
  }
}

export function listWarnings(db: Db, pendudukId: number): Promise<string[]> {
  return db
    .selectFrom('penduduk_peringatan')
    .select('kode')
    .where('penduduk_id', '=', pendudukId)
    .execute()
    .then((rows) => rows.map((r) => r.kode));
}

/** Living people who may be the same person: same normalised name and birth date, or same name and mother. */
export async function findDuplicateCandidates(
  db: Db,
  person: { id: number; nama_normal: string; tanggallahir: string | null; nama_ibu_normal: string | null },
) {
  if (!person.tanggallahir && !person.nama_ibu_normal) return [];
  return db
    .selectFrom('penduduk')
    .select(['id', 'tanggallahir', 'nama_ibu_normal'])
    .where('nama_normal', '=', person.nama_normal)
    .where('id', '!=', person.id)
    .where('status_dasar', '=', 1)
    .where((eb) => {
      const ors = [];
      if (person.tanggallahir) ors.push(eb('tanggallahir', '=', person.tanggallahir));
      if (person.nama_ibu_normal) ors.push(eb('nama_ibu_normal', '=', person.nama_ibu_normal));
      return eb.or(ors);
    })
    .limit(20)
    .execute();
}
