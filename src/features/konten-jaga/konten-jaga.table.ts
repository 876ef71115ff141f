import type { Generated } from 'kysely';
import type { JenisTemuan } from '#src/domain/konten-terlarang.js';

export const SUMBER_TEMUAN = ['artikel'] as const;
export type SumberTemuan = (typeof SUMBER_TEMUAN)[number];
export const STATUS_TEMUAN = ['menunggu', 'dilepas', 'ditolak'] as const;
export type StatusTemuan = (typeof STATUS_TEMUAN)[number];

/** One finding of the injected-content guard, waiting for (or carrying) an admin's decision. */
export interface KontenTemuanTable {
  id: Generated<number>;
  desa_kode: string;
  sumber: SumberTemuan;
  sumber_id: number;
  jenis: JenisTemuan;
  detail: string;
  status: StatusTemuan;
  dibuat_pada: string;
  diputus_oleh: string | null;
  diputus_pada: string | null;
}
