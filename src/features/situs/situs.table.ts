import type { Generated } from 'kysely';

/** A desa site's own words: about text, office hours, a contact line (migration 20261202080000_situs). */
export interface SitusPengaturanTable {
  desa_kode: string;
  tentang: string | null;
  jam_layanan: string | null;
  kontak: string | null;
  diperbarui_pada: string;
}

/** One member of the perangkat desa (organisation chart), shown in `urutan` order. */
export interface SitusPerangkatTable {
  id: Generated<number>;
  desa_kode: string;
  nama: string;
  jabatan: string;
  urutan: number;
}

/** One lembaga desa (BPD, LPMD, PKK, Karang Taruna, …). */
export interface SitusLembagaTable {
  id: Generated<number>;
  desa_kode: string;
  nama: string;
  ketua: string | null;
  keterangan: string | null;
  urutan: number;
}
