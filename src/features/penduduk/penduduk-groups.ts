import type { CodeListName } from '#src/domain/codes.js';

/**
 * How a resident's fields are grouped and shown: the same groups in the forms, the detail page and the
 * printed biodata. `kind` decides the control and the display; `secret` numbers are masked for users
 * without read:nik (only the last 4 digits).
 */
export type FieldKind = 'text' | 'date' | 'code' | 'int' | 'time' | 'email' | 'tel' | 'coord' | 'long';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  list?: CodeListName;
  secret?: boolean;
  numeric?: boolean;
}

export type GroupKey =
  | 'identitas'
  | 'kelahiran'
  | 'pendidikan'
  | 'keluarga'
  | 'kewarganegaraan'
  | 'kesehatan'
  | 'tempat'
  | 'kontak'
  | 'lainnya';

export interface GroupDef {
  key: GroupKey;
  fields: readonly FieldDef[];
  /** folded (<details>) on the create forms unless filled or in error */
  folded?: boolean;
}

const text = (name: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, kind: 'text', ...extra });
const date = (name: string): FieldDef => ({ name, kind: 'date' });
const code = (name: string, list: CodeListName): FieldDef => ({ name, kind: 'code', list });
/** personal numbers shown masked without read:nik; NIK-like ones get a numeric keyboard */
const secret = (name: string, numeric = false): FieldDef => ({ name, kind: 'text', secret: true, numeric });

export const PERSON_GROUPS: readonly GroupDef[] = [
  {
    key: 'identitas',
    fields: [
      { name: 'nik', kind: 'text', secret: true, numeric: true },
      text('nama'),
      code('sex', 'jenis_kelamin'),
      code('agama_id', 'agama'),
      code('status', 'status_penduduk'),
      text('suku'),
      code('bahasa_id', 'bahasa'),
    ],
  },
  {
    key: 'kelahiran',
    fields: [
      text('tempatlahir'),
      date('tanggallahir'),
      { name: 'waktu_lahir', kind: 'time' },
      code('tempat_dilahirkan', 'tempat_dilahirkan'),
      code('jenis_kelahiran', 'jenis_kelahiran'),
      { name: 'kelahiran_anak_ke', kind: 'int' },
      code('penolong_kelahiran', 'penolong_kelahiran'),
      { name: 'berat_lahir', kind: 'int' },
      text('panjang_lahir', { numeric: true }),
      secret('akta_lahir'),
    ],
  },
  {
    key: 'pendidikan',
    fields: [
      code('pendidikan_kk_id', 'pendidikan_kk'),
      code('pendidikan_sedang_id', 'pendidikan_sedang'),
      code('pekerjaan_id', 'pekerjaan'),
    ],
  },
  {
    key: 'keluarga',
    fields: [
      code('status_kawin', 'status_kawin'),
      secret('akta_perkawinan'),
      date('tanggalperkawinan'),
      secret('akta_perceraian'),
      date('tanggalperceraian'),
      secret('ayah_nik', true),
      text('nama_ayah'),
      secret('ibu_nik', true),
      text('nama_ibu'),
      secret('no_kk_sebelumnya', true),
    ],
  },
  {
    key: 'kewarganegaraan',
    folded: true,
    fields: [
      code('warganegara_id', 'warga_negara'),
      text('negara_asal'),
      secret('dokumen_pasport'),
      date('tanggal_akhir_paspor'),
      secret('dokumen_kitas'),
      code('ktp_el', 'ktp_el'),
      code('status_rekam', 'status_rekam_ktp'),
      text('tempat_cetak_ktp'),
      date('tanggal_cetak_ktp'),
      secret('tag_id_card'),
    ],
  },
  {
    key: 'kesehatan',
    folded: true,
    fields: [
      code('golongan_darah_id', 'golongan_darah'),
      code('cacat_id', 'cacat'),
      code('sakit_menahun_id', 'sakit_menahun'),
      code('hamil', 'hamil'),
      code('cara_kb_id', 'cara_kb'),
      code('id_asuransi', 'asuransi'),
      secret('no_asuransi'),
      secret('bpjs_ketenagakerjaan'),
    ],
  },
  {
    key: 'tempat',
    fields: [
      text('alamat_sekarang'),
      text('alamat_sebelumnya'),
      { name: 'lat', kind: 'coord' },
      { name: 'lng', kind: 'coord' },
    ],
  },
  {
    key: 'kontak',
    folded: true,
    fields: [
      { name: 'telepon', kind: 'tel' },
      { name: 'email', kind: 'email' },
    ],
  },
  { key: 'lainnya', folded: true, fields: [{ name: 'ket', kind: 'long' }] },
];

export const ALL_FIELDS: readonly FieldDef[] = PERSON_GROUPS.flatMap((g) => g.fields);

/** Values a new record starts with (WNI, permanent resident): not "input" when deciding what to unfold. */
export const FORM_DEFAULTS: Readonly<Record<string, string>> = { warganegara_id: '1', status: '1' };
