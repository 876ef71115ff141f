import type { Generated } from 'kysely';

export const JENIS_KAMERA = ['hls', 'mjpeg', 'embed'] as const;
export type JenisKamera = (typeof JENIS_KAMERA)[number];
export const STATUS_KAMERA = ['live', 'offline', 'belum-diperiksa'] as const;
export type StatusKamera = (typeof STATUS_KAMERA)[number];

/** A live camera (CCTV) of a desa, kecamatan or kabupaten, with the status the checker found last. */
export interface KameraTable {
  id: Generated<number>;
  wilayah_kode: string;
  nama: string;
  lokasi: string | null;
  lat: number | null;
  lng: number | null;
  jenis: JenisKamera;
  stream_url: string;
  snapshot_url: string | null;
  aktif: number;
  status: StatusKamera;
  terakhir_terlihat: string | null;
  diperiksa_pada: string | null;
  /** why the last check failed (staff only) */
  galat: string | null;
  dibuat_pada: string;
  diperbarui_pada: string;
}
