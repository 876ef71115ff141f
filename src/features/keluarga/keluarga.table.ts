import type { Generated } from 'kysely';
import type { Bookkeeping } from '#src/features/penduduk/penduduk.table.js';

export interface KeluargaTable extends Bookkeeping {
  id: Generated<number>;
  desa_kode: string;
  no_kk: string;
  /** the head: a member with SHDK 1; null only once the family is closed */
  kepala_id: number | null;
  alamat: string | null;
  lingkungan_id: number | null;
  kelas_sosial: number | null;
  tgl_daftar: string;
  tgl_cetak_kk: string | null;
  ditutup_pada: string | null;
  alasan_tutup: string | null;
}

export interface KeluargaNoKkTable {
  id: Generated<number>;
  keluarga_id: number;
  no_kk: string;
  berlaku_sejak: string;
  alasan: string | null;
}

export interface RumahTanggaTable extends Bookkeeping {
  id: Generated<number>;
  desa_kode: string;
  nomor: string;
  kepala_id: number | null;
  kelas_sosial: number | null;
  bdt: string | null;
  terdaftar_dtks: number;
  lingkungan_id: number | null;
  tgl_daftar: string;
  ditutup_pada: string | null;
}
