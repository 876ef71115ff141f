import type { Generated } from 'kysely';

/** 0 Belum Lengkap · 1 Sedang Diperiksa · 2 Menunggu Tandatangan · 3 Siap Diambil · 4 Sudah Diambil · 5 Dibatalkan */
export type StatusPermohonan = 0 | 1 | 2 | 3 | 4 | 5;

/** A resident's letter request (letters.md §5). */
export interface PermohonanSuratTable {
  id: Generated<number>;
  desa_kode: string;
  penduduk_id: number;
  akun_id: number | null;
  jenis_id: number;
  /** JSON: answers to the type's fields */
  isian: unknown;
  status: number;
  alasan: string | null;
  catatan: string | null;
  telepon: string | null;
  /** JSON: ids of the resident's own documents */
  dokumen: unknown;
  tanggal_antrian: string;
  nomor_antrian: number;
  surat_id: number | null;
  diproses_oleh: string | null;
  dibuat_pada: string;
  diperbarui_pada: string;
  diambil_pada: string | null;
}

export interface PermohonanPenilaianTable {
  permohonan_id: number;
  nilai: number;
  komentar: string | null;
  dibuat_pada: string;
}

/** A resident's own document (KTP/KK copies, letters of introduction), stored through FileStore. */
export interface WargaDokumenTable {
  id: Generated<number>;
  desa_kode: string;
  penduduk_id: number;
  jenis: number;
  nama: string;
  berkas: string;
  mime: string;
  ukuran: number;
  dibuat_pada: string;
}

/** who wrote it: the resident ('warga') or the desa office ('desa') */
export type ArahPesan = 'warga' | 'desa';

export interface WargaPesanTable {
  id: Generated<number>;
  desa_kode: string;
  penduduk_id: number;
  arah: ArahPesan;
  isi: string;
  permohonan_id: number | null;
  dibaca: number;
  oleh: string | null;
  dibuat_pada: string;
}
