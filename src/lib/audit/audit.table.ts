import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  waktu: string;
  pengguna_id: number | null;
  username: string | null;
  peran: string | null;
  lingkup: string | null;
  aksi: string;
  entitas: string;
  entitas_id: string | null;
  desa_kode: string | null;
  request_id: string | null;
  ip: string | null;
  /** JSON: { field: [before, after] } */
  perubahan: unknown;
  alasan: string | null;
}
