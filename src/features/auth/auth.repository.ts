import type { Db } from '#src/lib/db/connect.js';
import type { SesiTable } from './auth.table.js';

export function insertSession(db: Db, row: SesiTable) {
  return db.insertInto('sesi').values(row).execute();
}

/** The session with its user, if it is not expired. */
export function findLiveSession(db: Db, idHash: string, now: string) {
  return db
    .selectFrom('sesi')
    .innerJoin('pengguna as p', 'p.id', 'sesi.pengguna_id')
    .select([
      'sesi.id_hash',
      'sesi.csrf',
      'sesi.dibuat_pada',
      'sesi.terakhir_aktif',
      'sesi.kedaluwarsa_pada',
      'p.id',
      'p.username',
      'p.nama',
      'p.lingkup_kode',
      'p.harus_ganti_sandi',
      'p.aktif',
    ])
    .where('sesi.id_hash', '=', idHash)
    .where('sesi.kedaluwarsa_pada', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: string, expires: string) {
  await db
    .updateTable('sesi')
    .set({ terakhir_aktif: now, kedaluwarsa_pada: expires })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string) {
  await db.deleteFrom('sesi').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Db, userId: number, exceptIdHash?: string): Promise<number> {
  let q = db.deleteFrom('sesi').where('pengguna_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom('sesi').where('kedaluwarsa_pada', '<=', now).execute();
}

export function loadGrantRows(db: Db, userId: number) {
  return db
    .selectFrom('peran_pengguna')
    .select(['peran', 'lingkup_kode', 'lingkungan_id'])
    .where('pengguna_id', '=', userId)
    .orderBy('id')
    .execute();
}

export function insertToken(
  db: Db,
  row: { pengguna_id: number; token_hash: string; dibuat_pada: string; kedaluwarsa_pada: string | null },
) {
  return db.insertInto('token_api').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findLiveToken(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('token_api as t')
    .innerJoin('pengguna as p', 'p.id', 't.pengguna_id')
    .select([
      't.id as token_id',
      't.terakhir_dipakai',
      'p.id',
      'p.username',
      'p.nama',
      'p.lingkup_kode',
      'p.harus_ganti_sandi',
      'p.aktif',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.dicabut_pada', 'is', null)
    .where((eb) => eb.or([eb('t.kedaluwarsa_pada', 'is', null), eb('t.kedaluwarsa_pada', '>', now)]))
    .executeTakeFirst();
}

export async function markTokenUsed(db: Db, id: number, now: string) {
  await db.updateTable('token_api').set({ terakhir_dipakai: now }).where('id', '=', id).execute();
}

export function findAttempt(db: Db, kunci: string) {
  return db.selectFrom('percobaan_masuk').selectAll().where('kunci', '=', kunci).executeTakeFirst();
}

export async function saveAttempt(
  db: Db,
  row: { kunci: string; gagal: number; mulai: string; blokir_sampai: string | null },
) {
  await db
    .insertInto('percobaan_masuk')
    .values(row)
    .onConflict((oc) =>
      oc.column('kunci').doUpdateSet({ gagal: row.gagal, mulai: row.mulai, blokir_sampai: row.blokir_sampai }),
    )
    .execute();
}

export async function deleteAttempt(db: Db, kunci: string) {
  await db.deleteFrom('percobaan_masuk').where('kunci', '=', kunci).execute();
}
