import type { Generated } from 'kysely';

export interface DuplikatTable {
  id: Generated<number>;
  /** the lower id of the pair */
  penduduk_a: number;
  penduduk_b: number;
  alasan: 'nama_tanggal_lahir' | 'nama_ibu';
  status: 'terbuka' | 'digabung' | 'diabaikan';
  dibuat_pada: string;
  ditinjau_oleh: string | null;
  ditinjau_pada: string | null;
}
