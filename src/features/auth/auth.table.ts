import type { Generated } from 'kysely';

export interface SesiTable {
  id_hash: string;
  pengguna_id: number;
  csrf: string;
  dibuat_pada: string;
  terakhir_aktif: string;
  kedaluwarsa_pada: string;
  ip: string | null;
  agen: string | null;
}

export interface TokenApiTable {
  id: Generated<number>;
  pengguna_id: number;
  token_hash: string;
  dibuat_pada: string;
  kedaluwarsa_pada: string | null;
  terakhir_dipakai: string | null;
  dicabut_pada: string | null;
}

export interface PercobaanMasukTable {
  kunci: string;
  gagal: number;
  mulai: string;
  blokir_sampai: string | null;
}
