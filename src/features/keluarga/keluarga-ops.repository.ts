import type { Updateable } from 'kysely';
import type { PendudukTable } from '#src/features/penduduk/penduduk.table.js';
import type { Db } from '#src/lib/db/connect.js';

/**
 * Writes of the family operations that the core repository does not have. Every operation starts by
 * locking its family: the version bump takes the row lock on PostgreSQL, so two operators changing the
 * same family one after the other never both pass the head rule.
 */
export function lockActiveFamily(db: Db, desaKode: string, id: number) {
  return db
    .updateTable('keluarga')
    .set((eb) => ({ versi: eb('versi', '+', 1) }))
    .where('id', '=', id)
    .where('desa_kode', '=', desaKode)
    .where('ditutup_pada', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Living members of a family with their units (for moving the whole family). */
export function listLivingMemberUnits(db: Db, keluargaId: number) {
  return db
    .selectFrom('penduduk')
    .select(['id', 'lingkungan_id'])
    .where('keluarga_id', '=', keluargaId)
    .where('status_dasar', '=', 1)
    .orderBy('id')
    .execute();
}

export async function updateMembers(db: Db, ids: readonly number[], changes: Updateable<PendudukTable>): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('penduduk')
    .set((eb) => ({ ...changes, versi: eb('versi', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
}

export async function updateNoKk(db: Db, id: number, noKk: string, username: string, now: string): Promise<void> {
  await db
    .updateTable('keluarga')
    .set((eb) => ({ no_kk: noKk, versi: eb('versi', '+', 1), diperbarui_pada: now, diperbarui_oleh: username }))
    .where('id', '=', id)
    .execute();
}

/** Save family data only if nobody saved since `versi` was read; false when the version moved on. */
export async function updateFamilyVersioned(
  db: Db,
  id: number,
  versi: number,
  changes: {
    alamat: string | null;
    kelas_sosial: number | null;
    tgl_cetak_kk: string | null;
    diperbarui_pada: string;
    diperbarui_oleh: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('keluarga')
    .set({ ...changes, versi: versi + 1 })
    .where('id', '=', id)
    .where('versi', '=', versi)
    .where('ditutup_pada', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
