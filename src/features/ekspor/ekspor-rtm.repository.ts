import type { Db } from '#src/lib/db/connect.js';

/** Reads of the household export: households in use of a desa, by number, and their living members. */

export function countHouseholds(db: Db, desaKode: string) {
  return db
    .selectFrom('rumah_tangga')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('desa_kode', '=', desaKode)
    .where('ditutup_pada', 'is', null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Living members of the desa's households in use, with and without a NIK (for the audit note). */
export async function countMembers(db: Db, desaKode: string): Promise<{ denganNik: number; tanpaNik: number }> {
  const rows = await db
    .selectFrom('penduduk as p')
    .innerJoin('rumah_tangga as rt', 'rt.id', 'p.rumah_tangga_id')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('p.nik').as('nik')])
    .where('rt.desa_kode', '=', desaKode)
    .where('rt.ditutup_pada', 'is', null)
    .where('p.status_dasar', '=', 1)
    .executeTakeFirstOrThrow();
  return { denganNik: Number(rows.nik), tanpaNik: Number(rows.n) - Number(rows.nik) };
}

/** The next `limit` households in use after number `after`, in number order. */
export function listHouseholdsAfter(db: Db, desaKode: string, after: string | null, limit: number) {
  let q = db
    .selectFrom('rumah_tangga')
    .select(['id', 'nomor'])
    .where('desa_kode', '=', desaKode)
    .where('ditutup_pada', 'is', null);
  if (after !== null) q = q.where('nomor', '>', after);
  return q.orderBy('nomor').limit(limit).execute();
}

/** Living members of these households: head first, then by id. */
export function listMembersOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('penduduk')
    .select(['id', 'nik', 'rumah_tangga_id', 'rtm_level'])
    .where('rumah_tangga_id', 'in', ids)
    .where('status_dasar', '=', 1)
    .orderBy('rumah_tangga_id')
    .orderBy('rtm_level')
    .orderBy('id')
    .execute();
}
