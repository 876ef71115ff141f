import type { z } from 'zod';
import { type CodeListName, codeList } from '#src/domain/codes.js';
import { pendudukId } from '#src/lib/i18n/penduduk.id.js';

/** Coded fields of the API (OpenSID column → code list), for labels and for the OpenAPI descriptions. */
export const CODED_FIELDS: Readonly<Record<string, CodeListName>> = {
  sex: 'jenis_kelamin',
  tempat_dilahirkan: 'tempat_dilahirkan',
  jenis_kelahiran: 'jenis_kelahiran',
  penolong_kelahiran: 'penolong_kelahiran',
  agama_id: 'agama',
  pendidikan_kk_id: 'pendidikan_kk',
  pendidikan_sedang_id: 'pendidikan_sedang',
  pekerjaan_id: 'pekerjaan',
  status_kawin: 'status_kawin',
  kk_level: 'hubungan_keluarga',
  warganegara_id: 'warga_negara',
  golongan_darah_id: 'golongan_darah',
  cacat_id: 'cacat',
  sakit_menahun_id: 'sakit_menahun',
  cara_kb_id: 'cara_kb',
  id_asuransi: 'asuransi',
  status: 'status_penduduk',
  status_dasar: 'status_dasar',
  hamil: 'hamil',
  ktp_el: 'ktp_el',
  status_rekam: 'status_rekam_ktp',
  bahasa_id: 'bahasa',
  sebab: 'sebab_kematian',
  penolong_mati: 'penolong_kematian',
  ref_pindah: 'jenis_pindah',
};

/** What the API fields that are not person fields mean. */
const API_FIELDS: Readonly<Record<string, string>> = {
  nik: 'NIK: 16 digits, or 0 / empty when the person has no NIK yet (a temporary number 0 + desa code + serial is issued)',
  no_kk: 'Nomor KK, 16 digits',
  dusun: 'Dusun name (a leading "DUSUN " is dropped); created in the desa when missing',
  rw: 'RW number 1–999, or "-" / empty when the desa has no RW',
  rt: 'RT number 1–999, or "-" / empty when the desa has no RT',
  alamat: 'Family (KK) address',
  versi: 'The record version the change starts from (from GET); a newer version on the server → 409',
  keluarga_id: 'Family id (instead of no_kk, e.g. for a family with a temporary KK number)',
  kepala_baru_id: 'When the head of a family leaves: the id of the living member who becomes head',
  tgl_peristiwa: 'Event date, YYYY-MM-DD (not in the future)',
  tgl_lapor: 'Report date, YYYY-MM-DD (default today; not before the event)',
  catatan: 'Note',
  alamat_asal: 'Address the person comes from',
  maksud_tujuan_kedatangan: 'Purpose of the arrival',
  alamat_tujuan: 'Destination address',
  meninggal_di: 'Place of death',
  jam_mati: 'Time of death, HH:MM',
  akta_mati: 'Death certificate number',
  sebab: 'Cause of death',
  penolong_mati: 'Who attended the death',
  ref_pindah: 'How far the person moves',
  alasan: 'Reason (5–500 characters)',
  q: 'Name prefix (case, accents and punctuation ignored); 16 digits = exact NIK',
  halaman: 'Page, from 1',
  per: 'Rows per page (default 50, at most 200)',
};

const DATE_FIELDS = new Set([
  'tanggallahir',
  'tanggal_akhir_paspor',
  'tanggalperkawinan',
  'tanggalperceraian',
  'tanggal_cetak_ktp',
]);

/** "1 = ISLAM; 2 = KRISTEN; …" */
export function codeSummary(list: CodeListName): string {
  return codeList(list)
    .map((c) => `${c.code} = ${c.label}`)
    .join('; ');
}

export function fieldDescription(name: string): string | undefined {
  const list = CODED_FIELDS[name];
  const base = API_FIELDS[name] ?? pendudukId.field[name];
  if (list) return `${base ?? name}: code or label (case-insensitive). ${codeSummary(list)}`;
  if (DATE_FIELDS.has(name)) return `${base ?? name}, YYYY-MM-DD`;
  return base;
}

/**
 * The same field schemas with a description each, for the OpenAPI document (parsing is unchanged); a schema
 * that already carries a description keeps it.
 */
export function describeFields<T extends Record<string, z.ZodType>>(shape: T): T {
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => {
      const description = fieldDescription(name);
      return [name, description && !schema.description ? schema.meta({ description }) : schema];
    }),
  ) as T;
}
