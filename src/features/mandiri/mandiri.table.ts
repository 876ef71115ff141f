import type { Generated } from 'kysely';

/** Whether a desa offers layanan mandiri (no row: on) and whether residents may register themselves. */
export interface MandiriDesaTable {
  desa_kode: string;
  aktif: number;
  pendaftaran_mandiri: number;
  diperbarui_oleh: string;
  diperbarui_pada: string;
}

/** A resident's self-service account: NIK (from penduduk) + 6-digit PIN hashed with argon2id. */
export interface WargaAkunTable {
  id: Generated<number>;
  penduduk_id: number;
  pin_hash: string;
  harus_ganti_pin: number;
  aktif: number;
  kartu_hash: string | null;
  telegram_chat_id: string | null;
  email: string | null;
  email_terverifikasi: number;
  dibuat_oleh: string;
  dibuat_pada: string;
  diperbarui_pada: string;
  terakhir_masuk: string | null;
}

export interface WargaSesiTable {
  id_hash: string;
  akun_id: number;
  csrf: string;
  anjungan_id: number | null;
  dibuat_pada: string;
  terakhir_aktif: string;
  kedaluwarsa_pada: string;
}

/** A kiosk device of a desa, known by the hash of its device token (never by IP or MAC). */
export interface AnjunganTable {
  id: Generated<number>;
  desa_kode: string;
  nama: string;
  token_hash: string;
  aktif: number;
  dibuat_oleh: string;
  dibuat_pada: string;
  terakhir_terlihat: string | null;
}

export type StatusPendaftaran = 'menunggu' | 'disetujui' | 'ditolak';

export interface WargaPendaftaranTable {
  id: Generated<number>;
  desa_kode: string;
  penduduk_id: number;
  status: StatusPendaftaran;
  berkas_ktp: string;
  berkas_kk: string;
  berkas_swafoto: string;
  email: string | null;
  alasan: string | null;
  dibuat_pada: string;
  diputus_oleh: string | null;
  diputus_pada: string | null;
}
