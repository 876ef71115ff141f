/** A self-registration in progress (migration 20261203110000_anjungan): identity matched, pictures arriving. */
export interface WargaPendaftaranDrafTable {
  token_hash: string;
  desa_kode: string;
  penduduk_id: number;
  email: string | null;
  berkas_ktp: string | null;
  berkas_kk: string | null;
  dibuat_pada: string;
  kedaluwarsa_pada: string;
}
