import type { Generated } from 'kysely';

export const JENIS_ARTIKEL = ['berita', 'pengumuman', 'agenda', 'produk-hukum', 'informasi-publik'] as const;
export type JenisArtikel = (typeof JENIS_ARTIKEL)[number];
export const STATUS_ARTIKEL = ['draf', 'terjadwal', 'terbit', 'ditahan', 'arsip'] as const;
export type StatusArtikel = (typeof STATUS_ARTIKEL)[number];
/** Produk hukum desa: Peraturan Desa, Peraturan Kepala Desa, Surat Keputusan */
export const JENIS_HUKUM = ['perdes', 'perkades', 'sk'] as const;
export type JenisHukum = (typeof JENIS_HUKUM)[number];
/** Informasi publik by UU 14/2008 (KIP): provided periodically, immediately, or available at any time */
export const KATEGORI_PPID = ['berkala', 'serta-merta', 'setiap-saat'] as const;
export type KategoriPpid = (typeof KATEGORI_PPID)[number];

export interface ArtikelTable {
  id: Generated<number>;
  desa_kode: string;
  jenis: JenisArtikel;
  kategori_id: number | null;
  judul: string;
  slug: string;
  ringkasan: string | null;
  /** sanitised HTML, what the site shows */
  isi_html: string;
  /** the HTML as submitted, for the injected-content guard; never shown */
  isi_mentah: string;
  status: StatusArtikel;
  terbit_pada: string | null;
  agenda_mulai: string | null;
  agenda_selesai: string | null;
  agenda_tempat: string | null;
  hukum_jenis: JenisHukum | null;
  hukum_nomor: string | null;
  hukum_tahun: number | null;
  ppid_kategori: KategoriPpid | null;
  gambar_id: number | null;
  lampiran_id: number | null;
  dibuat_oleh: string;
  dibuat_pada: string;
  diperbarui_oleh: string;
  diperbarui_pada: string;
}

export interface ArtikelRevisiTable {
  id: Generated<number>;
  artikel_id: number;
  judul: string;
  ringkasan: string | null;
  isi_html: string;
  oleh: string;
  pada: string;
}

export interface KategoriArtikelTable {
  id: Generated<number>;
  desa_kode: string;
  nama: string;
  slug: string;
}

export interface MediaTable {
  id: Generated<number>;
  desa_kode: string;
  jenis: 'gambar' | 'pdf';
  /** stored base name: `{hash}` (image variants `{hash}-{w}.webp|jpg`) or `{hash}.pdf` */
  berkas: string;
  nama_asli: string;
  lebar: number | null;
  tinggi: number | null;
  /** JSON: widths stored */
  varian: unknown;
  ukuran: number;
  dibuat_oleh: string;
  dibuat_pada: string;
}

export interface GaleriAlbumTable {
  id: Generated<number>;
  desa_kode: string;
  judul: string;
  keterangan: string | null;
  terbit: number;
  dibuat_pada: string;
  diperbarui_pada: string;
}

export interface GaleriFotoTable {
  id: Generated<number>;
  album_id: number;
  media_id: number;
  keterangan: string | null;
  dibuat_pada: string;
}
