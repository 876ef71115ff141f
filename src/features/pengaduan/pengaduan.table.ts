import type { Generated } from 'kysely';

/** Public states, like FixMyStreet's: received, in progress, resolved, closed (with a reason), hidden. */
export const STATUS_PENGADUAN = ['diterima', 'diproses', 'selesai', 'ditutup', 'disembunyikan'] as const;
export type StatusPengaduan = (typeof STATUS_PENGADUAN)[number];

export const KATEGORI_PENGADUAN = [
  'jalan',
  'kebersihan',
  'penerangan',
  'air',
  'pelayanan',
  'keamanan',
  'sosial',
  'lainnya',
] as const;
export type KategoriPengaduan = (typeof KATEGORI_PENGADUAN)[number];

export interface PengaduanTable {
  id: Generated<number>;
  desa_kode: string;
  nomor: string;
  nama: string | null;
  /** phone or email: never on a public page */
  kontak: string;
  kategori: KategoriPengaduan;
  isi: string;
  foto_berkas: string | null;
  status: StatusPengaduan;
  alasan_tutup: string | null;
  ip_hash: string;
  dibuat_pada: string;
  diperbarui_pada: string;
}

export interface PengaduanTanggapanTable {
  id: Generated<number>;
  pengaduan_id: number;
  /** 1: shown on the tracking page; 0: internal note */
  publik: number;
  isi: string;
  status_baru: StatusPengaduan | null;
  pengguna_id: number | null;
  username: string;
  dibuat_pada: string;
}
