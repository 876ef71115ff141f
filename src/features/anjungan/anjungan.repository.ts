import type { AnjunganTable } from '#src/features/mandiri/mandiri.table.js';
import type { Db } from '#src/lib/db/connect.js';
import type { AnjunganKodeTable } from './anjungan.table.js';

/** Kiosk devices and their one-time registration codes. */
export interface BarisAnjungan {
  id: number;
  desa_kode: string;
  nama: string;
  aktif: number;
  dibuat_pada: string;
  terakhir_terlihat: string | null;
  /** expiry of the newest unused registration code, if any */
  kode_sampai: string | null;
}

export async function listAnjungan(db: Db, desaKode: string, now: string): Promise<BarisAnjungan[]> {
  return db
    .selectFrom('anjungan as a')
    .select((eb) => [
      'a.id',
      'a.desa_kode',
      'a.nama',
      'a.aktif',
      'a.dibuat_pada',
      'a.terakhir_terlihat',
      eb
        .selectFrom('anjungan_kode as k')
        .select((e) => e.fn.max('k.kedaluwarsa_pada').as('m'))
        .whereRef('k.anjungan_id', '=', 'a.id')
        .where('k.kedaluwarsa_pada', '>', now)
        .as('kode_sampai'),
    ])
    .where('a.desa_kode', '=', desaKode)
    .orderBy('a.nama')
    .orderBy('a.id')
    .execute() as Promise<BarisAnjungan[]>;
}

export function findAnjungan(db: Db, id: number) {
  return db.selectFrom('anjungan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAnjungan(db: Db, row: Omit<AnjunganTable, 'id'>): Promise<number> {
  const r = await db.insertInto('anjungan').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAnjungan(db: Db, id: number, changes: Partial<Omit<AnjunganTable, 'id'>>) {
  await db.updateTable('anjungan').set(changes).where('id', '=', id).execute();
}

export async function insertKode(db: Db, row: AnjunganKodeTable) {
  await db.insertInto('anjungan_kode').values(row).execute();
}

/** The code's row if it exists and has not expired; it is deleted either way (single use). */
export async function takeKode(db: Db, kodeHash: string, now: string) {
  const row = await db.selectFrom('anjungan_kode').selectAll().where('kode_hash', '=', kodeHash).executeTakeFirst();
  if (!row) return null;
  const gone = await db.deleteFrom('anjungan_kode').where('kode_hash', '=', kodeHash).executeTakeFirst();
  // two browsers racing for one code: only the one whose delete removed the row wins
  if (Number(gone.numDeletedRows) !== 1 || row.kedaluwarsa_pada <= now) return null;
  return row;
}

export async function deleteKodeOf(db: Db, anjunganId: number) {
  await db.deleteFrom('anjungan_kode').where('anjungan_id', '=', anjunganId).execute();
}

/** Ends every resident session opened at the kiosk (it was switched off or handed a new device token). */
export async function deleteSesiOf(db: Db, anjunganId: number) {
  await db.deleteFrom('warga_sesi').where('anjungan_id', '=', anjunganId).execute();
}
