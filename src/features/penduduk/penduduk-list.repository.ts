import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '#src/lib/db/connect.js';
import type { Database } from '#src/lib/db/database.js';

/** Coded columns that a list may be filtered on (any of them, by code). */
export const FILTERABLE_CODES = [
  'sex',
  'agama_id',
  'pendidikan_kk_id',
  'pendidikan_sedang_id',
  'pekerjaan_id',
  'status_kawin',
  'kk_level',
  'warganegara_id',
  'golongan_darah_id',
  'cacat_id',
  'sakit_menahun_id',
  'cara_kb_id',
  'id_asuransi',
  'status',
  'hamil',
  'ktp_el',
  'status_rekam',
  'bahasa_id',
] as const;
export type FilterableCode = (typeof FILTERABLE_CODES)[number];

export const SORTS = ['nama', 'umur', 'terbaru', 'nik'] as const;
export type Sort = (typeof SORTS)[number];

export interface PendudukQuery {
  /** one desa, or every desa under a region (kecamatan/kabupaten) */
  desaKode?: string;
  under?: string;
  /** only these dusun/RW/RT units (a dusun includes its RW and RT) */
  lingkunganIds?: readonly number[];
  statusDasar?: readonly number[];
  /** exact NIK (or temporary NIK) */
  nik?: string;
  /** normalised name prefix */
  namaPrefix?: string;
  /** birth date window derived from an age range */
  lahirSesudah?: string;
  lahirSebelum?: string;
  codes?: Partial<Record<FilterableCode, number>>;
  sort?: Sort;
  limit: number;
  offset: number;
}

type Eb = ExpressionBuilder<Database, 'penduduk'>;

/** The list's conditions on `penduduk` (also used by the OpenSID export, which joins the family). */
export function pendudukWhere(eb: Eb, q: Omit<PendudukQuery, 'limit' | 'offset'>) {
  const and = [];
  if (q.desaKode) and.push(eb('penduduk.desa_kode', '=', q.desaKode));
  if (q.under) and.push(eb('penduduk.desa_kode', '>', `${q.under}.`), eb('penduduk.desa_kode', '<', `${q.under}/`));
  if (q.statusDasar?.length) and.push(eb('penduduk.status_dasar', 'in', q.statusDasar));
  if (q.lingkunganIds)
    and.push(
      q.lingkunganIds.length > 0 ? eb('penduduk.lingkungan_id', 'in', q.lingkunganIds) : eb('penduduk.id', '<', 0),
    );
  if (q.nik) and.push(eb.or([eb('penduduk.nik', '=', q.nik), eb('penduduk.nik_sementara', '=', q.nik)]));
  if (q.namaPrefix) {
    // a range on the normalised name: uses the index on both databases (no LIKE, no collation surprises)
    and.push(eb('penduduk.nama_normal', '>=', q.namaPrefix), eb('penduduk.nama_normal', '<', `${q.namaPrefix}\uffff`));
  }
  if (q.lahirSesudah) and.push(eb('penduduk.tanggallahir', '>', q.lahirSesudah));
  if (q.lahirSebelum) and.push(eb('penduduk.tanggallahir', '<=', q.lahirSebelum));
  for (const [column, value] of Object.entries(q.codes ?? {})) {
    if (value !== undefined) and.push(eb(`penduduk.${column as FilterableCode}`, '=', value));
  }
  return eb.and(and);
}

function sorted<O>(query: SelectQueryBuilder<Database, 'penduduk', O>, sort: Sort | undefined) {
  switch (sort) {
    case 'umur':
      return query.orderBy('penduduk.tanggallahir', 'asc').orderBy('penduduk.id');
    case 'terbaru':
      return query.orderBy('penduduk.id', 'desc');
    case 'nik':
      return query.orderBy('penduduk.nik').orderBy('penduduk.id');
    default:
      return query.orderBy('penduduk.nama_normal').orderBy('penduduk.id');
  }
}

export const LIST_COLUMNS = [
  'penduduk.id',
  'penduduk.desa_kode',
  'penduduk.nik',
  'penduduk.nik_sementara',
  'penduduk.nama',
  'penduduk.sex',
  'penduduk.tempatlahir',
  'penduduk.tanggallahir',
  'penduduk.status_dasar',
  'penduduk.kk_level',
  'penduduk.keluarga_id',
  'penduduk.lingkungan_id',
  'penduduk.pekerjaan_id',
  'penduduk.agama_id',
  'penduduk.status_kawin',
] as const;

export function listPenduduk(db: Db, q: PendudukQuery) {
  const query = db
    .selectFrom('penduduk')
    .leftJoin('keluarga', 'keluarga.id', 'penduduk.keluarga_id')
    .select([...LIST_COLUMNS, 'keluarga.no_kk'])
    .where((eb) => pendudukWhere(eb as unknown as Eb, q));
  return sorted(query, q.sort).limit(q.limit).offset(q.offset).execute();
}
export type PendudukListRow = Awaited<ReturnType<typeof listPenduduk>>[number];

/**
 * How many match. With a cap, counting stops there (a name prefix across a kabupaten can match tens of
 * thousands; nobody pages through them, and an exact count would cost more than the page itself).
 */
export async function countPenduduk(db: Db, q: PendudukQuery, cap?: number): Promise<number> {
  if (cap === undefined) {
    const r = await db
      .selectFrom('penduduk')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => pendudukWhere(eb, q))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  const limited = db
    .selectFrom('penduduk')
    .select('penduduk.id')
    .where((eb) => pendudukWhere(eb, q))
    .limit(cap + 1)
    .as('t');
  const r = await db
    .selectFrom(limited)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
