import type { Insertable } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { PeristiwaTable } from './peristiwa.table.js';

export async function insertPeristiwa(db: Db, row: Insertable<PeristiwaTable>): Promise<number> {
  const r = await db.insertInto('peristiwa').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findPeristiwa(db: Db, id: number) {
  return db.selectFrom('peristiwa').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person's events, oldest first (reversing entries included, pointing at what they cancel). */
export function listPersonEvents(db: Db, pendudukId: number) {
  return db.selectFrom('peristiwa').selectAll().where('penduduk_id', '=', pendudukId).orderBy('id').execute();
}

export function findReversalOf(db: Db, peristiwaId: number) {
  return db.selectFrom('peristiwa').select('id').where('membatalkan_id', '=', peristiwaId).executeTakeFirst();
}

/** The latest event of a person that is neither a reversal nor reversed. */
export async function latestStandingEvent(db: Db, pendudukId: number) {
  const events = await listPersonEvents(db, pendudukId);
  const reversed = new Set(events.filter((e) => e.membatalkan_id !== null).map((e) => e.membatalkan_id));
  return events.filter((e) => e.membatalkan_id === null && !reversed.has(e.id)).at(-1);
}
