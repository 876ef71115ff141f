import type { Generated } from 'kysely';

export type StatusImpor = 'membaca' | 'siap' | 'menerapkan' | 'selesai' | 'gagal' | 'dibatalkan';
export type JenisImpor = 'penduduk' | 'rumah_tangga';

/** One import: uploaded → read and checked (preview) → applied, or failed/cancelled. */
export interface ImporTugasTable {
  id: Generated<number>;
  desa_kode: string;
  jenis: JenisImpor;
  status: StatusImpor;
  nama_berkas: string;
  ukuran: number;
  /** JSON: counts and the first problems (the full list is in the job's folder) */
  hasil: unknown;
  /** why it failed, as a message key */
  pesan: string | null;
  /** the process running it: `host:pid` (a job whose process is gone is marked failed) */
  pemilik: string | null;
  dibuat_oleh: string;
  dibuat_pada: string;
  diperbarui_pada: string;
}
