import type { Generated } from 'kysely';

export type StatusSurat = 'draf' | 'diajukan' | 'ditolak' | 'selesai' | 'dibatalkan';
/** the approval steps after the operator: sekretaris desa, then kepala desa (each can be switched off) */
export type LangkahSurat = 'sekdes' | 'kades';

/** A letter type: built in (kabupaten_kode null) or made by a kabupaten admin. JSON columns hold the definition. */
export interface SuratJenisTable {
  id: Generated<number>;
  slug: string;
  kode: string;
  nama: string;
  kabupaten_kode: string | null;
  bawaan: number;
  aktif: number;
  mandiri: number;
  qr: number;
  blok: unknown;
  isian: unknown;
  syarat: unknown;
  lampiran: unknown;
  masa_berlaku: number | null;
  satuan_masa_berlaku: 'd' | 'w' | 'M' | 'y' | null;
  kertas: string;
  orientasi: string;
  margin: unknown;
  format_nomor: string | null;
  template: string;
  dibuat_pada: string;
  diperbarui_pada: string;
}

/** A desa's own body text (and number format) for a type, or the type switched off for the desa. */
export interface SuratJenisDesaTable {
  desa_kode: string;
  jenis_id: number;
  template: string | null;
  format_nomor: string | null;
  nonaktif: number;
  diperbarui_oleh: string;
  diperbarui_pada: string;
}

/** Letter settings: lingkup '' (installation), a kabupaten code, or a desa code — the nearest wins. */
export interface SuratSetelanTable {
  lingkup: string;
  kunci: string;
  nilai: string;
  diperbarui_oleh: string;
  diperbarui_pada: string;
}

export interface SuratNomorUrutTable {
  desa_kode: string;
  lingkup: string;
  tahun: number;
  terakhir: number;
}

export interface SuratNomorCadanganTable {
  id: Generated<number>;
  desa_kode: string;
  lingkup: string;
  tahun: number;
  urut: number;
  nomor: string;
  keterangan: string;
  dibuat_oleh: string;
  dibuat_pada: string;
}

export interface SuratTable {
  id: Generated<number>;
  kode_publik: string;
  desa_kode: string;
  jenis_id: number;
  status: StatusSurat;
  langkah: LangkahSurat | null;
  penduduk_id: number | null;
  subjek_nama: string;
  /** JSON: the subjects (resident ids or an outsider's data) and the form answers */
  data: unknown;
  nomor: string | null;
  lingkup_nomor: string | null;
  urut: number | null;
  tahun: number | null;
  tanggal: string | null;
  berlaku_sampai: string | null;
  /** JSON: the signer's name, position, NIP and a.n./u.b. line, frozen when issued */
  penandatangan: unknown;
  pdf_berkas: string | null;
  pdf_sha256: string | null;
  isi_sha256: string | null;
  token: string | null;
  /** how it was signed: 'pades' (Balai's kabupaten CA) or 'bsre' */
  penanda: string | null;
  alasan: string | null;
  dibuat_oleh: string;
  dibuat_pada: string;
  diperbarui_pada: string;
  selesai_pada: string | null;
  dibatalkan_pada: string | null;
}

export interface SuratRiwayatTable {
  id: Generated<number>;
  surat_id: number;
  /** 'buat' | 'ajukan' | 'setujui' | 'tolak' | 'terbit' | 'batal' | 'ubah' */
  aksi: string;
  langkah: string | null;
  oleh: string;
  alasan: string | null;
  pada: string;
}
