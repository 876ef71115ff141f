import type { Generated } from 'kysely';

export type KanalNotifikasi = 'telegram' | 'email';
export type StatusKeluar = 'menunggu' | 'terkirim' | 'gagal' | 'dilewati';

/** One message waiting for (or done with) delivery on one channel: the outbox. */
export interface NotifikasiKeluarTable {
  id: Generated<number>;
  desa_kode: string | null;
  jenis: string;
  kanal: KanalNotifikasi;
  /** a Telegram chat id or an email address */
  penerima: string;
  subjek: string;
  teks: string;
  status: StatusKeluar;
  percobaan: number;
  /** the earliest time of the next delivery attempt */
  coba_pada: string;
  galat_terakhir: string | null;
  dibuat_pada: string;
  diperbarui_pada: string;
  terkirim_pada: string | null;
}

/** A desa's own wording of one event's message (else the installation default in code). */
export interface NotifikasiTemplatTable {
  desa_kode: string;
  jenis: string;
  subjek: string;
  teks: string;
  diperbarui_oleh: string;
  diperbarui_pada: string;
}

/** A staff account's Telegram chat (linked with a one-time code from the desa's notification page). */
export interface PenggunaTelegramTable {
  pengguna_id: number;
  chat_id: string;
  dibuat_pada: string;
}

export type TujuanToken = 'telegram-warga' | 'telegram-staf' | 'email' | 'pin-email';

/** One-time codes and links, stored as SHA-256 hashes: single use, short-lived. */
export interface NotifikasiTokenTable {
  hash: string;
  tujuan: TujuanToken;
  akun_id: number | null;
  pengguna_id: number | null;
  email: string | null;
  dibuat_pada: string;
  kedaluwarsa_pada: string;
  dipakai_pada: string | null;
}
