import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import type { TingkatLingkungan } from './lingkungan.table.js';

export interface LingkunganRow {
  id: number;
  desa_kode: string;
  tingkat: TingkatLingkungan;
  nama: string;
  induk_id: number | null;
}

const COLUMNS = ['id', 'desa_kode', 'tingkat', 'nama', 'induk_id'] as const;

export function listLingkungan(db: Db, desaKode: string): Promise<LingkunganRow[]> {
  return db
    .selectFrom('lingkungan')
    .select(COLUMNS)
    .where('desa_kode', '=', desaKode)
    .orderBy('nama')
    .orderBy('id')
    .execute();
}

export function findLingkungan(db: Db, id: number): Promise<LingkunganRow | undefined> {
  return db.selectFrom('lingkungan').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function listChildren(db: Db, indukId: number): Promise<LingkunganRow[]> {
  return db.selectFrom('lingkungan').select(COLUMNS).where('induk_id', '=', indukId).orderBy('nama').execute();
}

export function findSibling(
  db: Db,
  desaKode: string,
  indukId: number | null,
  tingkat: TingkatLingkungan,
  nama: string,
) {
  let q = db
    .selectFrom('lingkungan')
    .select('id')
    .where('desa_kode', '=', desaKode)
    .where('tingkat', '=', tingkat)
    .where((eb) => eb(eb.fn('lower', ['nama']), '=', nama.toLowerCase()));
  q = indukId === null ? q.where('induk_id', 'is', null) : q.where('induk_id', '=', indukId);
  return q.executeTakeFirst();
}

export async function insertLingkungan(
  db: Db,
  row: { desa_kode: string; tingkat: TingkatLingkungan; nama: string; induk_id: number | null },
): Promise<number> {
  const inserted = await db
    .insertInto('lingkungan')
    .values({ ...row, dibuat_pada: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function renameLingkungan(db: Db, id: number, nama: string): Promise<void> {
  await db.updateTable('lingkungan').set({ nama }).where('id', '=', id).execute();
}

export async function deleteLingkungan(db: Db, id: number): Promise<void> {
  await db.deleteFrom('lingkungan').where('id', '=', id).execute();
}

export async function countAssignments(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('peran_pengguna')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('lingkungan_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function countByTingkatUnder(db: Db, under: string) {
  return db
    .selectFrom('lingkungan')
    .select(['tingkat', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) =>
      eb.or([
        eb('desa_kode', '=', under),
        eb.and([eb('desa_kode', '>', `${under}.`), eb('desa_kode', '<', `${under}/`)]),
      ]),
    )
    .groupBy('tingkat')
    .execute();
}
