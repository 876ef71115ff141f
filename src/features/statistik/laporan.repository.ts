import type { PeristiwaMutasi } from '#src/domain/laporan-mutasi.js';
import type { Db } from '#src/lib/db/connect.js';

/** Reads of the population reports beyond the statistics' own (statistik.repository.ts). */

export type PeristiwaLaporan = PeristiwaMutasi;

/** Every event of a desa (corrections included), with what the reports need: report date, family, move. */
export function listPeristiwaLaporan(db: Db, desaKode: string, sampai?: string): Promise<PeristiwaLaporan[]> {
  let q = db
    .selectFrom('peristiwa')
    .select([
      'id',
      'penduduk_id',
      'desa_kode',
      'kode',
      'tgl_peristiwa',
      'tgl_lapor',
      'membatalkan_id',
      'akta_mati',
      'keluarga_id',
      'ref_pindah',
      'tujuan_desa_kode',
    ])
    .where('desa_kode', '=', desaKode);
  if (sampai) q = q.where('tgl_peristiwa', '<=', sampai);
  return q.execute();
}

export interface OrangLaporan {
  id: number;
  desa_kode: string;
  status_dasar: number;
  sex: number | null;
  warganegara_id: number | null;
  keluarga_id: number | null;
  lingkungan_id: number | null;
}

const KOLOM_ORANG = [
  'id',
  'desa_kode',
  'status_dasar',
  'sex',
  'warganegara_id',
  'keluarga_id',
  'lingkungan_id',
] as const;

/**
 * Everyone who has lived in a desa (registered there now, or with an event there), with only what the monthly
 * report reads: two index lookups rather than one OR over both.
 */
export async function listOrangLaporan(db: Db, desaKode: string): Promise<OrangLaporan[]> {
  const [here, left] = await Promise.all([
    db.selectFrom('penduduk').select(KOLOM_ORANG).where('desa_kode', '=', desaKode).execute(),
    db
      .selectFrom('penduduk')
      .select(KOLOM_ORANG)
      .where('id', 'in', (eb) => eb.selectFrom('peristiwa').select('penduduk_id').where('desa_kode', '=', desaKode))
      .where('desa_kode', '<>', desaKode)
      .execute(),
  ]);
  return [...here, ...left];
}

/** The families of a desa (open and closed) and the dusun/RW/RT of their address. */
export function listKeluargaUnit(db: Db, desaKode: string): Promise<{ id: number; lingkungan_id: number | null }[]> {
  return db.selectFrom('keluarga').select(['id', 'lingkungan_id']).where('desa_kode', '=', desaKode).execute();
}

export interface OrangNama {
  id: number;
  nama: string;
  nik: string | null;
  nik_sementara: string | null;
  alamat_sekarang: string | null;
  alamat_kk: string | null;
}

/**
 * Names and numbers of some persons of a desa (the DPT list, the late reports): one scan of the desa's register,
 * then by id (batches of 500) for those now registered elsewhere.
 */
export async function listNamaOrang(db: Db, desaKode: string, ids: readonly number[]): Promise<Map<number, OrangNama>> {
  const out = new Map<number, OrangNama>();
  if (ids.length === 0) return out;
  const q = () =>
    db
      .selectFrom('penduduk as p')
      .leftJoin('keluarga as k', 'k.id', 'p.keluarga_id')
      .select(['p.id', 'p.nama', 'p.nik', 'p.nik_sementara', 'p.alamat_sekarang', 'k.alamat as alamat_kk']);
  const wanted = new Set(ids);
  if (ids.length > 50)
    for (const r of await q().where('p.desa_kode', '=', desaKode).execute()) if (wanted.has(r.id)) out.set(r.id, r);
  const rest = ids.filter((id) => !out.has(id));
  for (let i = 0; i < rest.length; i += 500) {
    for (const r of await q()
      .where('p.id', 'in', rest.slice(i, i + 500))
      .execute())
      out.set(r.id, r);
  }
  return out;
}
