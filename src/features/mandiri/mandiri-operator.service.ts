import { normaliseName } from '#src/domain/person-name.js';
import type { Db } from '#src/lib/db/connect.js';
import { HIDUP } from './mandiri.repository.js';

export interface BarisAkun {
  pendudukId: number;
  nama: string;
  nik: string | null;
  akunId: number | null;
  aktif: number | null;
  terakhirMasuk: string | null;
}

/**
 * Living residents of the desa matching a name or a full NIK, with their account state (50 at most); without a
 * query, the residents who have an account, latest first.
 */
export async function cariAkun(db: Db, desaKode: string, q: string | undefined): Promise<BarisAkun[]> {
  let query = db
    .selectFrom('penduduk as p')
    .leftJoin('warga_akun as a', 'a.penduduk_id', 'p.id')
    .select(['p.id as pendudukId', 'p.nama', 'p.nik', 'a.id as akunId', 'a.aktif', 'a.terakhir_masuk as terakhirMasuk'])
    .where('p.desa_kode', '=', desaKode)
    .where('p.status_dasar', '=', HIDUP)
    .limit(50);
  const text = q?.trim() ?? '';
  if (text === '') query = query.where('a.id', 'is not', null).orderBy('a.diperbarui_pada', 'desc');
  else if (/^\d{16}$/.test(text)) query = query.where('p.nik', '=', text);
  else query = query.where('p.nama_normal', 'like', `${normaliseName(text)}%`).orderBy('p.nama_normal');
  return query.execute();
}
