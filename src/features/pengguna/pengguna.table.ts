import type { Generated } from 'kysely';
import type { Role } from '#src/lib/auth/roles.js';

export interface PenggunaTable {
  id: Generated<number>;
  username: string;
  nama: string;
  email: string | null;
  /** the region the account belongs to (who may administer it) */
  lingkup_kode: string;
  sandi_hash: string;
  harus_ganti_sandi: number;
  aktif: number;
  dibuat_pada: string;
  sandi_diubah_pada: string;
}

export interface PeranPenggunaTable {
  id: Generated<number>;
  pengguna_id: number;
  peran: Role;
  lingkup_kode: string;
  lingkungan_id: number | null;
  dibuat_pada: string;
}
