import type { PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import type { Db } from '#src/lib/db/connect.js';

/**
 * Look-ups of an import, a chunk of rows at a time (one query per chunk, not per row).
 */
export type Existing = PendudukRow & { no_kk: string | null; keluarga_alamat: string | null };

/** Records a chunk's NIKs may refer to: the living one anywhere, and any record of this desa. */
export async function findByNiks(db: Db, desaKode: string, niks: readonly string[]): Promise<Existing[]> {
  if (niks.length === 0) return [];
  const rows = await db
    .selectFrom('penduduk as p')
    .leftJoin('keluarga as k', 'k.id', 'p.keluarga_id')
    .selectAll('p')
    .select(['k.no_kk', 'k.alamat as keluarga_alamat'])
    .where('p.nik', 'in', niks)
    .where('p.digabung_ke_id', 'is', null)
    .where((eb) => eb.or([eb('p.status_dasar', '=', 1), eb('p.desa_kode', '=', desaKode)]))
    .execute();
  return rows as Existing[];
}

/** People of the desa without a NIK, by normalised name (OpenSID matches NIK `0` rows by name + birth). */
export async function findWithoutNikByNames(db: Db, desaKode: string, names: readonly string[]): Promise<Existing[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('penduduk as p')
    .leftJoin('keluarga as k', 'k.id', 'p.keluarga_id')
    .selectAll('p')
    .select(['k.no_kk', 'k.alamat as keluarga_alamat'])
    .where('p.desa_kode', '=', desaKode)
    .where('p.nik', 'is', null)
    .where('p.digabung_ke_id', 'is', null)
    .where('p.nama_normal', 'in', names)
    .execute();
  return rows as Existing[];
}

export interface ActiveFamily {
  id: number;
  desa_kode: string;
  no_kk: string;
  kepala_id: number | null;
  alamat: string | null;
}

export function findActiveFamilies(db: Db, noKks: readonly string[]): Promise<ActiveFamily[]> {
  if (noKks.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('keluarga')
    .select(['id', 'desa_kode', 'no_kk', 'kepala_id', 'alamat'])
    .where('no_kk', 'in', noKks)
    .where('ditutup_pada', 'is', null)
    .execute();
}

/** Living people holding one of these e-KTP chip ids (unique among the living). */
export function findTags(db: Db, tags: readonly string[]) {
  if (tags.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('penduduk')
    .select(['id', 'tag_id_card'])
    .where('tag_id_card', 'in', tags)
    .where('status_dasar', '=', 1)
    .execute();
}

export function findById(db: Db, ids: readonly number[]): Promise<Existing[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('penduduk as p')
    .leftJoin('keluarga as k', 'k.id', 'p.keluarga_id')
    .selectAll('p')
    .select(['k.no_kk', 'k.alamat as keluarga_alamat'])
    .where('p.id', 'in', ids)
    .execute() as Promise<Existing[]>;
}
