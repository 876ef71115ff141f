import { codeLabel } from '#src/domain/codes.js';
import { maskNumber } from '#src/domain/nik.js';
import type { UnitNames } from '#src/features/lingkungan/lingkungan-names.js';
import type { PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import { pendudukFields } from '#src/features/penduduk/penduduk.schema.js';
import type { PendudukListRow } from '#src/features/penduduk/penduduk-list.repository.js';
import type { FamilyListRow } from './penduduk-api.repository.js';

/**
 * Records as the API gives them: OpenSID column names, codes as numbers, dates YYYY-MM-DD. Identity numbers
 * are shown only to callers holding read:nik on the record; others see the last 4 digits (`************0001`).
 */
export type { UnitNames };

const shown = (value: string | null | undefined, reveal: boolean): string | null =>
  value ? (reveal ? value : maskNumber(value)) : null;

/** One row of a search result: lean, for choosing a person. */
export function personItem(row: PendudukListRow, units: UnitNames, reveal: boolean) {
  return {
    id: row.id,
    nik: shown(row.nik ?? row.nik_sementara, reveal),
    nama: row.nama,
    no_kk: shown(row.no_kk, reveal),
    sex: row.sex,
    sex_label: codeLabel('jenis_kelamin', row.sex),
    tempatlahir: row.tempatlahir,
    tanggallahir: row.tanggallahir,
    kk_level: row.kk_level,
    ...units,
    status_dasar: row.status_dasar,
  };
}

/** Numbers that identify a person (masked without read:nik). */
export const IDENTITY_NUMBERS: ReadonlySet<string> = new Set([
  'ayah_nik',
  'ibu_nik',
  'no_kk_sebelumnya',
  'dokumen_pasport',
  'dokumen_kitas',
  'tag_id_card',
]);

/** The whole record: every person field, the family (no_kk, alamat), dusun/RW/RT, status and version. */
export function personRecord(
  row: PendudukRow,
  family: { no_kk: string; alamat: string | null } | undefined,
  units: UnitNames,
  peringatan: readonly string[],
  reveal: boolean,
) {
  const fields: Record<string, unknown> = {};
  for (const name of Object.keys(pendudukFields)) {
    if (name === 'nik') continue;
    const value = row[name as keyof PendudukRow];
    fields[name] = IDENTITY_NUMBERS.has(name) ? shown(value as string | null, reveal) : value;
  }
  return {
    id: row.id,
    desa_kode: row.desa_kode,
    nik: shown(row.nik ?? row.nik_sementara, reveal),
    nik_sementara: row.nik === null && row.nik_sementara !== null,
    ...fields,
    no_kk: shown(family?.no_kk, reveal),
    keluarga_id: row.keluarga_id,
    kk_level: row.kk_level,
    alamat: family?.alamat ?? null,
    ...units,
    lingkungan_id: row.lingkungan_id,
    status_dasar: row.status_dasar,
    rumah_tangga_id: row.rumah_tangga_id,
    rtm_level: row.rtm_level,
    digabung_ke_id: row.digabung_ke_id,
    peringatan: [...peringatan],
    versi: row.versi,
    dibuat_pada: row.dibuat_pada,
    dibuat_oleh: row.dibuat_oleh,
    diperbarui_pada: row.diperbarui_pada,
    diperbarui_oleh: row.diperbarui_oleh,
  };
}

export function familyItem(row: FamilyListRow, units: UnitNames, reveal: boolean) {
  return {
    id: row.id,
    no_kk: shown(row.no_kk, reveal),
    alamat: row.alamat,
    ...units,
    kepala_id: row.kepala_id,
    nama_kepala: row.nama_kepala ?? null,
    jumlah_anggota: Number(row.jumlah_anggota ?? 0),
    tgl_daftar: row.tgl_daftar,
    ditutup_pada: row.ditutup_pada,
  };
}

export interface MemberRow {
  id: number;
  nama: string;
  nik: string | null;
  nik_sementara: string | null;
  sex: number | null;
  tanggallahir: string | null;
  kk_level: number | null;
  status_dasar: number;
}

export function memberItem(m: MemberRow, reveal: boolean) {
  return {
    id: m.id,
    nik: shown(m.nik ?? m.nik_sementara, reveal),
    nama: m.nama,
    sex: m.sex,
    tanggallahir: m.tanggallahir,
    kk_level: m.kk_level,
    kk_level_label: codeLabel('hubungan_keluarga', m.kk_level),
    status_dasar: m.status_dasar,
  };
}
