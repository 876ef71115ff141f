import { type ExpressionBuilder, sql } from 'kysely';
import { type PendudukQuery, pendudukWhere } from '#src/features/penduduk/penduduk-list.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import type { Database } from '#src/lib/db/database.js';
import { PERSON_COLUMNS } from './ekspor-baris.js';

/** The list conditions of one desa (no paging: the export reads everything that matches). */
export type EksporQuery = Omit<PendudukQuery, 'limit' | 'offset' | 'sort'> & { desaKode: string };

type Eb = ExpressionBuilder<Database, 'penduduk'>;

/** Active desa: the one given, or every one under a kecamatan/kabupaten code, in code order. */
export function listDesaForExport(db: Db, kode: string) {
  return db
    .selectFrom('desa')
    .innerJoin('wilayah as w', 'w.kode', 'desa.kode')
    .select(['desa.kode', 'w.nama'])
    .where((eb) =>
      eb.or([eb('desa.kode', '=', kode), eb.and([eb('desa.kode', '>', `${kode}.`), eb('desa.kode', '<', `${kode}/`)])]),
    )
    .orderBy('desa.kode')
    .execute();
}

/** How many match: with a family (exported) and without one (left out, as OpenSID does). */
export async function countForExport(db: Db, q: EksporQuery): Promise<{ denganKk: number; tanpaKk: number }> {
  const r = await db
    .selectFrom('penduduk')
    .select((eb) => [eb.fn.countAll<number>().as('semua'), eb.fn.count<number>('penduduk.keluarga_id').as('kk')])
    .where((eb) => pendudukWhere(eb, q))
    .executeTakeFirstOrThrow();
  return { denganKk: Number(r.kk), tanpaKk: Number(r.semua) - Number(r.kk) };
}

/** Where a page of families ends: the next one starts after this KK number (and id, for old numbers reused). */
export interface EksporCursor {
  noKk: string;
  id: number;
}

/** A page of the desa's families in OpenSID's order (No. KK), keyset-paginated on the family table alone. */
export function listFamilyPage(db: Db, desaKode: string, after: EksporCursor | null, limit: number) {
  let query = db.selectFrom('keluarga').select(['id', 'no_kk']).where('desa_kode', '=', desaKode);
  if (after) query = query.where(sql<boolean>`(no_kk, id) > (${after.noKk}, ${after.id})`);
  return query.orderBy('no_kk').orderBy('id').limit(limit).execute();
}

/** People without an SHDK come last in their family. */
const level = sql<number>`coalesce(penduduk.kk_level, 99)`;

/**
 * The residents of some families (one page of them) that match the list conditions, with their family, in
 * OpenSID's order (No. KK, then SHDK). Reading family by family keeps every query small however large the
 * desa: no query sorts the whole desa.
 */
export function listExportBatch(db: Db, q: EksporQuery, familyIds: readonly number[]) {
  if (familyIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('penduduk')
      .innerJoin('keluarga', 'keluarga.id', 'penduduk.keluarga_id')
      .select(PERSON_COLUMNS.map((c) => `penduduk.${c}` as const))
      .select([
        'penduduk.id',
        'penduduk.lingkungan_id',
        'keluarga.no_kk',
        'keluarga.alamat as alamat_kk',
        'keluarga.lingkungan_id as lingkungan_kk',
        level.as('urut_level'),
      ])
      .where('penduduk.keluarga_id', 'in', familyIds)
      // the desa condition written so that no index serves it: the family index must drive this query (SQLite
      // would otherwise walk the whole desa through its desa index for every page)
      .where(sql<string>`penduduk.desa_kode || ''`, '=', q.desaKode)
      .where((eb) => pendudukWhere(eb as unknown as Eb, { ...q, desaKode: undefined }))
      .orderBy('keluarga.no_kk')
      .orderBy('keluarga.id')
      .orderBy(level)
      .orderBy('penduduk.id')
      .execute()
  );
}
export type EksporRow = Awaited<ReturnType<typeof listExportBatch>>[number];
