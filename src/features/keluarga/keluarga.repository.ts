import type { Insertable, Updateable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import type { KeluargaTable } from './keluarga.table.js';

export async function insertKeluarga(db: Db, row: Insertable<KeluargaTable>): Promise<number> {
  const r = await db.insertInto('keluarga').values(row).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('keluarga_no_kk')
    .values({ keluarga_id: r.id, no_kk: row.no_kk, berlaku_sejak: row.dibuat_pada, alasan: 'keluarga baru' })
    .execute();
  return r.id;
}

export function findKeluarga(db: Db, id: number) {
  return db.selectFrom('keluarga').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The family that currently uses a KK number, anywhere in the installation. */
export function findActiveByNoKk(db: Db, noKk: string) {
  return db
    .selectFrom('keluarga')
    .selectAll()
    .where('no_kk', '=', noKk)
    .where('ditutup_pada', 'is', null)
    .executeTakeFirst();
}

export async function updateKeluarga(db: Db, id: number, changes: Updateable<KeluargaTable>): Promise<void> {
  await db
    .updateTable('keluarga')
    .set((eb) => ({ ...changes, versi: eb('versi', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function recordNoKkChange(db: Db, keluargaId: number, noKk: string, alasan: string): Promise<void> {
  await db
    .insertInto('keluarga_no_kk')
    .values({ keluarga_id: keluargaId, no_kk: noKk, berlaku_sejak: nowIso(), alasan })
    .execute();
}

export function listNoKkHistory(db: Db, keluargaId: number) {
  return db
    .selectFrom('keluarga_no_kk')
    .select(['no_kk', 'berlaku_sejak', 'alasan'])
    .where('keluarga_id', '=', keluargaId)
    .orderBy('id')
    .execute();
}

/** Living members of a family, head first. */
export function listLivingMembers(db: Db, keluargaId: number) {
  return db
    .selectFrom('penduduk')
    .select(['id', 'nama', 'nik', 'nik_sementara', 'sex', 'tanggallahir', 'kk_level', 'status_dasar'])
    .where('keluarga_id', '=', keluargaId)
    .where('status_dasar', '=', 1)
    .orderBy('kk_level')
    .orderBy('tanggallahir')
    .execute();
}

/** Highest temporary KK serial ever issued in the desa (from the number history, so none is issued twice). */
export async function maxTemporaryKk(db: Db, prefix: string): Promise<number> {
  const r = await db
    .selectFrom('keluarga_no_kk')
    .select((eb) => eb.fn.max('no_kk').as('m'))
    .where('no_kk', '>=', `${prefix}00000`)
    .where('no_kk', '<=', `${prefix}99999`)
    .executeTakeFirst();
  return r?.m ? Number(String(r.m).slice(prefix.length)) : 0;
}

export async function insertFamilyEvent(
  db: Db,
  row: {
    keluarga_id: number;
    kode: number;
    tgl_peristiwa: string;
    penduduk_id: number | null;
    peristiwa_id: number | null;
    catatan: string | null;
    dicatat_oleh: string;
  },
): Promise<void> {
  await db
    .insertInto('peristiwa_keluarga')
    .values({ ...row, dicatat_pada: nowIso() })
    .execute();
}

export function listFamilyEvents(db: Db, keluargaId: number) {
  return db.selectFrom('peristiwa_keluarga').selectAll().where('keluarga_id', '=', keluargaId).orderBy('id').execute();
}
