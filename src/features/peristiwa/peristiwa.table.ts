import type { Generated } from 'kysely';

/** A population event (append-only). Corrections are new rows with `membatalkan_id`. */
export interface PeristiwaTable {
  id: Generated<number>;
  penduduk_id: number;
  desa_kode: string;
  kode: number;
  tgl_peristiwa: string;
  tgl_lapor: string;
  catatan: string | null;
  keluarga_id: number | null;
  no_kk: string | null;
  nama_kk: string | null;
  meninggal_di: string | null;
  jam_mati: string | null;
  sebab: number | null;
  penolong_mati: number | null;
  akta_mati: string | null;
  ref_pindah: number | null;
  alamat_tujuan: string | null;
  tujuan_desa_kode: string | null;
  asal_desa_kode: string | null;
  alamat_asal: string | null;
  maksud_tujuan_kedatangan: string | null;
  status_sebelum: number | null;
  status_sesudah: number;
  membatalkan_id: number | null;
  alasan: string | null;
  dicatat_oleh: string | null;
  dicatat_pada: string;
}

export interface PeristiwaKeluargaTable {
  id: Generated<number>;
  keluarga_id: number;
  kode: number;
  tgl_peristiwa: string;
  penduduk_id: number | null;
  peristiwa_id: number | null;
  catatan: string | null;
  dicatat_oleh: string | null;
  dicatat_pada: string;
}

export interface PindahAntarDesaTable {
  id: Generated<number>;
  penduduk_id: number;
  dari_desa: string;
  ke_desa: string;
  status: 'menunggu' | 'selesai' | 'ditolak' | 'batal';
  /** JSON: what the receiving desa asked for (family, SHDK, unit, dates, note) */
  rincian: unknown;
  diminta_oleh: string | null;
  diminta_pada: string;
  diputus_oleh: string | null;
  diputus_pada: string | null;
  alasan: string | null;
}
