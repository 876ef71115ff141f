import { findDuplicateCandidates } from '#src/features/penduduk/penduduk.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { insertPair } from './duplikat.repository.js';

export interface DuplicateProbe {
  id: number;
  nama_normal: string;
  tanggallahir: string | null;
  nama_ibu_normal: string | null;
}

/** Queue every living person who may be the same as `person` (same name + birth date, or same name + mother). */
export async function recordDuplicateCandidates(db: Db, person: DuplicateProbe): Promise<number> {
  const candidates = await findDuplicateCandidates(db, person);
  for (const c of candidates) {
    const alasan = person.tanggallahir && c.tanggallahir === person.tanggallahir ? 'nama_tanggal_lahir' : 'nama_ibu';
    await insertPair(db, person.id, c.id, alasan);
  }
  return candidates.length;
}
