import type { Tingkat } from '#src/domain/region-code.js';

export interface WilayahTable {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  induk: string | null;
  edisi: string;
}
