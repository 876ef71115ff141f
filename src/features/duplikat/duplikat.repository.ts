import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

export type Alasan = 'nama_tanggal_lahir' | 'nama_ibu';

export async function insertPair(db: Db, a: number, b: number, alasan: Alasan): Promise<boolean> {
  const [low, high] = a < b ? [a, b] : [b, a];
  const r = await db
    .insertInto('duplikat')
    .values({
      penduduk_a: low,
      penduduk_b: high,
      alasan,
      status: 'terbuka',
      dibuat_pada: nowIso(),
      ditinjau_oleh: null,
      ditinjau_pada: null,
    })
    .onConflict((oc) => oc.columns(['penduduk_a', 'penduduk_b']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

const within = (region: string) => ({ low: `${region}.`, high: `${region}/` });

/** Open pairs whose two people both live inside one of the given regions (desa, kecamatan or kabupaten). */
export function listOpenPairs(db: Db, regions: readonly string[], limit = 100) {
  return db
    .selectFrom('duplikat as d')
    .innerJoin('penduduk as a', 'a.id', 'd.penduduk_a')
    .innerJoin('penduduk as b', 'b.id', 'd.penduduk_b')
    .select([
      'd.id',
      'd.alasan',
      'd.dibuat_pada',
      'a.id as a_id',
      'a.nama as a_nama',
      'a.desa_kode as a_desa',
      'a.tanggallahir as a_lahir',
      'a.nama_ibu as a_ibu',
      'a.nik as a_nik',
      'a.nik_sementara as a_nik_sementara',
      'a.status_dasar as a_status',
      'b.id as b_id',
      'b.nama as b_nama',
      'b.desa_kode as b_desa',
      'b.tanggallahir as b_lahir',
      'b.nama_ibu as b_ibu',
      'b.nik as b_nik',
      'b.nik_sementara as b_nik_sementara',
      'b.status_dasar as b_status',
    ])
    .where('d.status', '=', 'terbuka')
    .where((eb) =>
      eb.or(
        regions.map((r) =>
          eb.and([
            eb.or([
              eb('a.desa_kode', '=', r),
              eb.and([eb('a.desa_kode', '>', within(r).low), eb('a.desa_kode', '<', within(r).high)]),
            ]),
            eb.or([
              eb('b.desa_kode', '=', r),
              eb.and([eb('b.desa_kode', '>', within(r).low), eb('b.desa_kode', '<', within(r).high)]),
            ]),
          ]),
        ),
      ),
    )
    .orderBy('d.id')
    .limit(limit)
    .execute();
}
export type PairRow = Awaited<ReturnType<typeof listOpenPairs>>[number];

export function findPair(db: Db, id: number) {
  return db.selectFrom('duplikat').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function closePairs(
  db: Db,
  ids: readonly number[],
  status: 'digabung' | 'diabaikan',
  oleh: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('duplikat')
    .set({ status, ditinjau_oleh: oleh, ditinjau_pada: nowIso() })
    .where('id', 'in', ids)
    .execute();
}

export function openPairsOf(db: Db, pendudukId: number) {
  return db
    .selectFrom('duplikat')
    .select('id')
    .where('status', '=', 'terbuka')
    .where((eb) => eb.or([eb('penduduk_a', '=', pendudukId), eb('penduduk_b', '=', pendudukId)]))
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** Groups of living people in a region sharing a normalised name and birth date, or name and mother's name. */
export async function findGroups(db: Db, region: string, by: 'tanggallahir' | 'nama_ibu_normal') {
  const inRegion = db
    .selectFrom('penduduk')
    .where('status_dasar', '=', 1)
    .where(by, 'is not', null)
    .where((eb) =>
      eb.or([
        eb('desa_kode', '=', region),
        eb.and([eb('desa_kode', '>', `${region}.`), eb('desa_kode', '<', `${region}/`)]),
      ]),
    );
  const groups = await inRegion
    .select(['nama_normal', by])
    .groupBy(['nama_normal', by])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .limit(5000)
    .execute();
  const result: number[][] = [];
  for (const g of groups) {
    const value = (g as Record<string, string | null>)[by];
    if (value === null || value === undefined) continue;
    const ids = await inRegion
      .select('id')
      .where('nama_normal', '=', g.nama_normal)
      .where(by, '=', value)
      .orderBy('id')
      .execute();
    result.push(ids.map((r) => r.id));
  }
  return result;
}
