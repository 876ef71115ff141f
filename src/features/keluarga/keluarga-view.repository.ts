import type { Db } from '#src/lib/db/connect.js';

/** Reads for the family screens: the list, one family's page, and finding residents to pick. */
export interface KeluargaQuery {
  desaKode: string;
  noKk?: string;
  namaPrefix?: string;
  limit: number;
  offset: number;
}

function filtered(db: Db, q: KeluargaQuery) {
  let query = db
    .selectFrom('keluarga')
    .leftJoin('penduduk as kepala', 'kepala.id', 'keluarga.kepala_id')
    .where('keluarga.desa_kode', '=', q.desaKode)
    .where('keluarga.ditutup_pada', 'is', null);
  if (q.noKk) query = query.where('keluarga.no_kk', '=', q.noKk);
  // a range on the normalised name uses the index on both databases (no LIKE, no collation surprises)
  if (q.namaPrefix)
    query = query
      .where('kepala.nama_normal', '>=', q.namaPrefix)
      .where('kepala.nama_normal', '<', `${q.namaPrefix}\uffff`);
  return query;
}

export function listFamilies(db: Db, q: KeluargaQuery) {
  return filtered(db, q)
    .select((eb) => [
      'keluarga.id',
      'keluarga.no_kk',
      'keluarga.lingkungan_id',
      'keluarga.alamat',
      'kepala.id as kepala_id',
      'kepala.nama as kepala_nama',
      eb
        .selectFrom('penduduk as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.keluarga_id', '=', 'keluarga.id')
        .where('a.status_dasar', '=', 1)
        .as('jumlah'),
    ])
    .orderBy('kepala.nama_normal')
    .orderBy('keluarga.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}
export type KeluargaListRow = Awaited<ReturnType<typeof listFamilies>>[number];

export async function countFamilies(db: Db, q: KeluargaQuery): Promise<number> {
  const r = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Living members of a family with what a KK shows, head first. */
export function listMemberDetails(db: Db, keluargaId: number) {
  return db
    .selectFrom('penduduk')
    .select([
      'id',
      'nama',
      'nik',
      'nik_sementara',
      'sex',
      'tempatlahir',
      'tanggallahir',
      'kk_level',
      'agama_id',
      'pendidikan_kk_id',
      'pekerjaan_id',
      'status_kawin',
      'warganegara_id',
      'nama_ayah',
      'nama_ibu',
      'lingkungan_id',
    ])
    .where('keluarga_id', '=', keluargaId)
    .where('status_dasar', '=', 1)
    .orderBy('kk_level')
    .orderBy('tanggallahir')
    .orderBy('id')
    .execute();
}
export type MemberDetail = Awaited<ReturnType<typeof listMemberDetails>>[number];

export function listFamilyEventsNamed(db: Db, keluargaId: number) {
  return db
    .selectFrom('peristiwa_keluarga as e')
    .leftJoin('penduduk as p', 'p.id', 'e.penduduk_id')
    .select(['e.id', 'e.kode', 'e.tgl_peristiwa', 'e.penduduk_id', 'p.nama', 'e.catatan', 'e.dicatat_oleh'])
    .where('e.keluarga_id', '=', keluargaId)
    .orderBy('e.id')
    .execute();
}

/** Living residents of a desa by id, exact NIK or name prefix, with their family and household. */
export function findResidents(
  db: Db,
  desaKode: string,
  by: { id?: number; nik?: string; namaPrefix?: string },
  limit: number,
) {
  let query = db
    .selectFrom('penduduk')
    .leftJoin('keluarga', (j) =>
      j.onRef('keluarga.id', '=', 'penduduk.keluarga_id').on('keluarga.ditutup_pada', 'is', null),
    )
    .select([
      'penduduk.id',
      'penduduk.nama',
      'penduduk.nik',
      'penduduk.nik_sementara',
      'penduduk.sex',
      'penduduk.tanggallahir',
      'penduduk.kk_level',
      'penduduk.rumah_tangga_id',
      'penduduk.lingkungan_id',
      'keluarga.id as keluarga_id',
      'keluarga.no_kk',
      'keluarga.kepala_id',
    ])
    .where('penduduk.desa_kode', '=', desaKode)
    .where('penduduk.status_dasar', '=', 1)
    .where('penduduk.digabung_ke_id', 'is', null);
  if (by.id) query = query.where('penduduk.id', '=', by.id);
  else if (by.nik) {
    const nik = by.nik;
    query = query.where((eb) => eb.or([eb('penduduk.nik', '=', nik), eb('penduduk.nik_sementara', '=', nik)]));
  } else if (by.namaPrefix) {
    query = query
      .where('penduduk.nama_normal', '>=', by.namaPrefix)
      .where('penduduk.nama_normal', '<', `${by.namaPrefix}\uffff`);
  } else return Promise.resolve([]);
  return query.orderBy('penduduk.nama_normal').orderBy('penduduk.id').limit(limit).execute();
}
export type ResidentCandidate = Awaited<ReturnType<typeof findResidents>>[number];
