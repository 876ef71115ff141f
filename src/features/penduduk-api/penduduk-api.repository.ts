import type { Db } from '#src/lib/db/connect.js';

/** Families of a desa for the API list: number, address, unit, head and number of living members. */
export function listFamilies(db: Db, q: { desaKode: string; noKk: string | null; limit: number; offset: number }) {
  let query = db
    .selectFrom('keluarga')
    .leftJoin('penduduk as kepala', 'kepala.id', 'keluarga.kepala_id')
    .select((eb) => [
      'keluarga.id',
      'keluarga.no_kk',
      'keluarga.alamat',
      'keluarga.lingkungan_id',
      'keluarga.kepala_id',
      'keluarga.tgl_daftar',
      'keluarga.ditutup_pada',
      'kepala.nama as nama_kepala',
      eb
        .selectFrom('penduduk as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.keluarga_id', '=', 'keluarga.id')
        .where('p.status_dasar', '=', 1)
        .as('jumlah_anggota'),
    ])
    .where('keluarga.desa_kode', '=', q.desaKode);
  if (q.noKk) query = query.where('keluarga.no_kk', '=', q.noKk);
  else query = query.where('keluarga.ditutup_pada', 'is', null);
  return query.orderBy('keluarga.no_kk').orderBy('keluarga.id').limit(q.limit).offset(q.offset).execute();
}
export type FamilyListRow = Awaited<ReturnType<typeof listFamilies>>[number];

export async function countFamilies(db: Db, q: { desaKode: string; noKk: string | null }): Promise<number> {
  let query = db
    .selectFrom('keluarga')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('desa_kode', '=', q.desaKode);
  if (q.noKk) query = query.where('no_kk', '=', q.noKk);
  else query = query.where('ditutup_pada', 'is', null);
  const r = await query.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The KK number and address of a person's family. */
export function findFamilyOf(db: Db, keluargaId: number | null) {
  if (keluargaId === null) return Promise.resolve(undefined);
  return db
    .selectFrom('keluarga')
    .select(['id', 'no_kk', 'alamat', 'desa_kode', 'lingkungan_id'])
    .where('id', '=', keluargaId)
    .executeTakeFirst();
}
