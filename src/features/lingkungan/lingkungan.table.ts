import type { Generated } from 'kysely';

export type TingkatLingkungan = 'dusun' | 'rw' | 'rt';

/** One row per dusun, RW or RT of a desa; an RT may hang directly under a dusun when the desa has no RW. */
export interface LingkunganTable {
  id: Generated<number>;
  desa_kode: string;
  tingkat: TingkatLingkungan;
  nama: string;
  induk_id: number | null;
  dibuat_pada: string;
}
