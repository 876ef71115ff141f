import type { Db } from '#src/lib/db/connect.js';

export function findRegion(db: Db, kode: string) {
  return db
    .selectFrom('wilayah')
    .select(['kode', 'nama', 'tingkat', 'induk'])
    .where('kode', '=', kode)
    .executeTakeFirst();
}

export function listChildRegions(db: Db, induk: string | null) {
  const q = db.selectFrom('wilayah').select(['kode', 'nama', 'tingkat']).orderBy('kode');
  return (induk === null ? q.where('induk', 'is', null) : q.where('induk', '=', induk)).execute();
}

export function findRegionsByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('wilayah').select(['kode', 'nama', 'tingkat']).where('kode', 'in', codes).execute();
}

/** Active desa codes inside a region (prefix range scan on the primary key; null = everywhere). */
export function listActiveDesaCodes(db: Db, under: string | null): Promise<string[]> {
  let q = db.selectFrom('desa').select('kode').orderBy('kode');
  if (under !== null) q = q.where('kode', '>', `${under}.`).where('kode', '<', `${under}/`);
  return q.execute().then((rows) => rows.map((r) => r.kode));
}

export function countVillagesUnder(db: Db, under: string): Promise<number> {
  return db
    .selectFrom('wilayah')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kode', '>', `${under}.`)
    .where('kode', '<', `${under}/`)
    .where('tingkat', 'in', ['desa', 'kelurahan'])
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function listKabupatenKota(db: Db) {
  return db
    .selectFrom('wilayah as k')
    .innerJoin('wilayah as p', 'p.kode', 'k.induk')
    .select(['k.kode', 'k.nama', 'p.nama as provinsi'])
    .where('k.tingkat', 'in', ['kabupaten', 'kota'])
    .orderBy('k.kode')
    .execute();
}

/** Province and kecamatan codes (the prefixes a NIK may carry), for the NIK region warning. */
export function listNikPrefixRegions(db: Db): Promise<string[]> {
  return db
    .selectFrom('wilayah')
    .select('kode')
    .where('tingkat', 'in', ['provinsi', 'kecamatan'])
    .execute()
    .then((rows) => rows.map((r) => r.kode));
}

/** A desa with its kecamatan name, to name places in messages ("Desa Meteseh, Kecamatan Kaliori"). */
export function findVillageWithKecamatan(db: Db, kode: string) {
  return db
    .selectFrom('wilayah as d')
    .innerJoin('wilayah as k', 'k.kode', 'd.induk')
    .select(['d.kode', 'd.nama', 'd.tingkat', 'k.nama as kecamatan'])
    .where('d.kode', '=', kode)
    .executeTakeFirst();
}
