import type { Grant } from './grants.js';
import { isRole } from './roles.js';

export interface AuthUser {
  id: number;
  username: string;
  nama: string;
  lingkupKode: string;
  harusGantiSandi: boolean;
}

/** Who is asking: the signed-in user (session cookie) or a machine client (Bearer token), with their roles. */
export interface AuthState {
  user: AuthUser;
  grants: Grant[];
  via: 'session' | 'token';
  /** session cookie only */
  session?: { idHash: string; csrf: string };
}

export function toGrants(
  rows: readonly { peran: string; lingkup_kode: string; lingkungan_id: number | null }[],
): Grant[] {
  return rows.flatMap((r) =>
    isRole(r.peran) ? [{ peran: r.peran, lingkupKode: r.lingkup_kode, lingkunganId: r.lingkungan_id }] : [],
  );
}

export function toAuthUser(row: {
  id: number;
  username: string;
  nama: string;
  lingkup_kode: string;
  harus_ganti_sandi: number;
}): AuthUser {
  return {
    id: row.id,
    username: row.username,
    nama: row.nama,
    lingkupKode: row.lingkup_kode,
    harusGantiSandi: row.harus_ganti_sandi === 1,
  };
}
