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

/** Where a batch ends: the next one starts after this family number, SHDK and id. */
export interface EksporCursor {
  noKk: string;
  level: number;
  id: number;
}

/** People without an SHDK come last in their family. */
const level = sql<number>`coalesce(penduduk.kk_level, 99)`;

/**
 * One batch of residents with their family, in OpenSID's order (No. KK, then SHDK), keyset-paginated: each
 * batch starts after the previous one's last row, so reading a large desa costs no growing OFFSET.
 */
export function listExportBatch(db: Db, q: EksporQuery, after: EksporCursor | null, limit: number) {
  let query = db
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
    .where((eb) => pendudukWhere(eb as unknown as Eb, q));
  if (after)
    query = query.where(
      sql<boolean>`(keluarga.no_kk, coalesce(penduduk.kk_level, 99), penduduk.id) > (${after.noKk}, ${after.level}, ${after.id})`,
    );
  return query.orderBy('keluarga.no_kk').orderBy(level).orderBy('penduduk.id').limit(limit).execute();
}
export type EksporRow = Awaited<ReturnType<typeof listExportBatch>>[number];
