import { type Insertable, sql } from 'kysely';
import type { RumahTanggaTable } from '#src/features/keluarga/keluarga.table.js';
import { isPostgres } from '#src/lib/db/bulk.js';
import type { Db } from '#src/lib/db/connect.js';

/** Look-ups and writes of the household import, a chunk of rows (or the whole plan) per statement. */

export interface OrangRtm {
  id: number;
  nik: string | null;
  desa_kode: string;
  status_dasar: number;
  lingkungan_id: number | null;
  rtm_level: number | null;
  /** the household in use the person belongs to (a closed one does not count) */
  rt_id: number | null;
  rt_nomor: string | null;
}

/** Records a chunk's NIKs may refer to: the living one anywhere, and any record of this desa. */
export async function findPeopleByNiks(db: Db, desaKode: string, niks: readonly string[]): Promise<OrangRtm[]> {
  if (niks.length === 0) return [];
  return db
    .selectFrom('penduduk as p')
    .leftJoin('rumah_tangga as rt', (j) => j.onRef('rt.id', '=', 'p.rumah_tangga_id').on('rt.ditutup_pada', 'is', null))
    .select([
      'p.id',
      'p.nik',
      'p.desa_kode',
      'p.status_dasar',
      'p.lingkungan_id',
      'p.rtm_level',
      'rt.id as rt_id',
      'rt.nomor as rt_nomor',
    ])
    .where('p.nik', 'in', niks)
    .where('p.digabung_ke_id', 'is', null)
    .where((eb) => eb.or([eb('p.status_dasar', '=', 1), eb('p.desa_kode', '=', desaKode)]))
    .execute();
}

export interface RumahTanggaAktif {
  id: number;
  desa_kode: string;
  nomor: string;
  kepala_id: number | null;
}

/** Households in use with these numbers, in any desa (a number is unique among households in use). */
export function findActiveHouseholds(db: Db, nomors: readonly string[]): Promise<RumahTanggaAktif[]> {
  if (nomors.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rumah_tangga')
    .select(['id', 'desa_kode', 'nomor', 'kepala_id'])
    .where('nomor', 'in', nomors)
    .where('ditutup_pada', 'is', null)
    .execute();
}

/** New households, a few hundred per statement; their ids by number. */
export async function insertHouseholds(
  db: Db,
  rows: readonly Insertable<RumahTanggaTable>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const made = await db
      .insertInto('rumah_tangga')
      .values(rows.slice(i, i + 500))
      .returning(['id', 'nomor'])
      .execute();
    for (const r of made) ids.set(r.nomor, r.id);
  }
  return ids;
}

export interface Penempatan {
  id: number;
  rumahTanggaId: number;
  level: number;
}

/**
 * Living residents into their households with their level, the version bumped: one statement for the whole
 * list (PostgreSQL: unnest of three arrays; SQLite: json_each of one JSON parameter). Returns rows changed.
 */
export async function placeMembers(db: Db, list: readonly Penempatan[], now: string, by: string): Promise<number> {
  if (list.length === 0) return 0;
  const r = isPostgres(db)
    ? await sql`update penduduk p set rumah_tangga_id = v.rt, rtm_level = v.lvl, versi = p.versi + 1,
        diperbarui_pada = ${now}, diperbarui_oleh = ${by}
        from unnest(${list.map((p) => p.id)}::int[], ${list.map((p) => p.rumahTanggaId)}::int[],
          ${list.map((p) => p.level)}::int[]) as v(id, rt, lvl)
        where p.id = v.id and p.status_dasar = 1`.execute(db)
    : await sql`update penduduk set rumah_tangga_id = v.rt, rtm_level = v.lvl, versi = versi + 1,
        diperbarui_pada = ${now}, diperbarui_oleh = ${by}
        from (select value ->> 0 as id, value ->> 1 as rt, value ->> 2 as lvl from json_each(${JSON.stringify(
          list.map((p) => [p.id, p.rumahTanggaId, p.level]),
        )})) as v
        where penduduk.id = v.id and penduduk.status_dasar = 1`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
