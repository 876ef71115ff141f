/** What the village is called locally (OpenSID's sebutan_desa): desa, kelurahan, nagari, kampung, … */
export const SEBUTAN_DESA = [
  'desa',
  'kelurahan',
  'kalurahan',
  'nagari',
  'kampung',
  'gampong',
  'pekon',
  'lembang',
  'negeri',
] as const;
export type Sebutan = (typeof SEBUTAN_DESA)[number];
/** What a dusun is called locally: dusun, dukuh, banjar, jorong, lingkungan, … */
export const SEBUTAN_DUSUN = ['dusun', 'dukuh', 'banjar', 'jorong', 'lingkungan', 'kampung', 'lorong'] as const;
export type SebutanDusun = (typeof SEBUTAN_DUSUN)[number];

export interface DesaTable {
  kode: string;
  sebutan: Sebutan;
  sebutan_dusun: SebutanDusun;
  alamat: string | null;
  kode_pos: string | null;
  telepon: string | null;
  email: string | null;
  situs: string | null;
  kepala_desa: string | null;
  nip_kepala_desa: string | null;
  logo_berkas: string | null;
  diaktifkan_pada: string;
  diperbarui_pada: string;
}

export interface DesaHostTable {
  host: string;
  desa_kode: string;
}
