import { ageOn } from './age.js';
import { type CodeListName, codeList } from './codes.js';

/**
 * The 25 population categories of statistics.md §3 (plus family and household tables): who is counted, and
 * which row a counted person falls in (null = "belum mengisi"). Pure: the same definitions serve the fast
 * path, the naive recount in tests, the pages and the open-data API.
 */
export interface OrangStat {
  sex: number | null;
  tanggallahir: string | null;
  agama_id: number | null;
  pendidikan_kk_id: number | null;
  pendidikan_sedang_id: number | null;
  pekerjaan_id: number | null;
  status_kawin: number | null;
  kk_level: number | null;
  warganegara_id: number | null;
  status: number | null;
  golongan_darah_id: number | null;
  cacat_id: number | null;
  sakit_menahun_id: number | null;
  cara_kb_id: number | null;
  akta_lahir: string | null;
  status_rekam: number | null;
  id_asuransi: number | null;
  suku: string | null;
  bpjs_ketenagakerjaan: string | null;
  hamil: number | null;
  akta_perkawinan: string | null;
  ktp_el: number | null;
  /** only for the deceased (akta-kematian): the death certificate number on the death event */
  akta_mati?: string | null;
}

/** The register columns a category reads (the fields of OrangStat besides the death certificate). */
export const KOLOM_ORANG_STAT = [
  'sex',
  'tanggallahir',
  'agama_id',
  'pendidikan_kk_id',
  'pendidikan_sedang_id',
  'pekerjaan_id',
  'status_kawin',
  'kk_level',
  'warganegara_id',
  'status',
  'golongan_darah_id',
  'cacat_id',
  'sakit_menahun_id',
  'cara_kb_id',
  'akta_lahir',
  'status_rekam',
  'id_asuransi',
  'suku',
  'bpjs_ketenagakerjaan',
  'hamil',
  'akta_perkawinan',
  'ktp_el',
] as const satisfies readonly (keyof OrangStat)[];

export interface BarisDef {
  kode: string;
  label: string;
}

export interface KategoriDef {
  slug: string;
  /** OpenSID's key (its URLs and menus) */
  key: string;
  label: string;
  /** the rows in order; dynamic categories (suku) list the values found */
  baris: readonly BarisDef[] | 'dinamis';
  /** whose records: the living (default) or the deceased (akta-kematian) */
  sumber?: 'hidup' | 'meninggal';
  /** who is counted at all (default: everyone of `sumber`) */
  ikut?: (o: OrangStat, umur: number | null) => boolean;
  /** the row of a counted person; null or a code not among the rows → "belum mengisi" */
  nilai: (o: OrangStat, umur: number | null) => string | null;
}

const TAHUN = 99_999;
export const RENTANG_UMUR: ReadonlyArray<{ kode: string; label: string; dari: number; sampai: number }> = [
  { kode: '0-1', label: 'Di bawah 1 Tahun', dari: 0, sampai: 1 },
  ...[2, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70].map((dari) => {
    const sampai = dari === 2 ? 4 : dari + 4;
    return { kode: `${dari}-${sampai}`, label: `${dari} s/d ${sampai} Tahun`, dari, sampai };
  }),
  { kode: '75+', label: 'Di atas 75 Tahun', dari: 75, sampai: TAHUN },
];
export const KATEGORI_UMUR: ReadonlyArray<{ kode: string; label: string; dari: number; sampai: number }> = [
  { kode: 'balita', label: 'BALITA', dari: 0, sampai: 5 },
  { kode: 'anak', label: 'ANAK-ANAK', dari: 6, sampai: 17 },
  { kode: 'dewasa', label: 'DEWASA', dari: 18, sampai: 30 },
  { kode: 'tua', label: 'TUA', dari: 31, sampai: TAHUN },
];

/** The bucket of an age (bounds inclusive, whole years); null without an age or below 0. */
export function bucket(
  buckets: ReadonlyArray<{ kode: string; dari: number; sampai: number }>,
  umur: number | null,
): string | null {
  if (umur === null || umur < 0) return null;
  return buckets.find((b) => umur >= b.dari && umur <= b.sampai)?.kode ?? null;
}

/** Age in whole years on the reference date; null without a (valid) birth date. */
export function umurPada(tanggallahir: string | null, tanggal: string): number | null {
  if (!tanggallahir || !/^\d{4}-\d{2}-\d{2}$/.test(tanggallahir)) return null;
  return ageOn(tanggallahir, tanggal);
}

const kodeList = (name: CodeListName): BarisDef[] =>
  codeList(name).map((c) => ({ kode: String(c.code), label: c.label }));
const kode = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));
const ada = (v: string | null | undefined) => Boolean(v?.trim() && v.trim() !== '-');
const pernahKawin = (o: OrangStat) => o.status_kawin !== null && o.status_kawin !== 1;

function dariKode(
  slug: string,
  key: string,
  label: string,
  list: CodeListName,
  field: keyof OrangStat,
  ikut?: KategoriDef['ikut'],
): KategoriDef {
  return {
    slug,
    key,
    label,
    baris: kodeList(list),
    nilai: (o) => kode(o[field] as number | null),
    ...(ikut ? { ikut } : {}),
  };
}

export const KATEGORI: readonly KategoriDef[] = [
  {
    slug: 'rentang-umur',
    key: '13',
    label: 'Umur (Rentang)',
    baris: RENTANG_UMUR,
    nilai: (_o, umur) => bucket(RENTANG_UMUR, umur),
  },
  {
    slug: 'kategori-umur',
    key: '15',
    label: 'Umur (Kategori)',
    baris: KATEGORI_UMUR,
    nilai: (_o, umur) => bucket(KATEGORI_UMUR, umur),
  },
  dariKode('pendidikan-dalam-kk', '0', 'Pendidikan dalam KK', 'pendidikan_kk', 'pendidikan_kk_id'),
  dariKode(
    'pendidikan-sedang-ditempuh',
    '14',
    'Pendidikan sedang ditempuh',
    'pendidikan_sedang',
    'pendidikan_sedang_id',
  ),
  dariKode('pekerjaan', '1', 'Pekerjaan', 'pekerjaan', 'pekerjaan_id'),
  dariKode('status-perkawinan', '2', 'Status perkawinan', 'status_kawin', 'status_kawin'),
  dariKode('agama', '3', 'Agama', 'agama', 'agama_id'),
  dariKode('jenis-kelamin', '4', 'Jenis kelamin', 'jenis_kelamin', 'sex'),
  dariKode('hubungan-dalam-kk', 'hubungan_kk', 'Hubungan dalam KK', 'hubungan_keluarga', 'kk_level'),
  dariKode('warga-negara', '5', 'Warga negara', 'warga_negara', 'warganegara_id'),
  dariKode('status-penduduk', '6', 'Status penduduk', 'status_penduduk', 'status'),
  dariKode('golongan-darah', '7', 'Golongan darah', 'golongan_darah', 'golongan_darah_id'),
  dariKode('penyandang-cacat', '9', 'Penyandang cacat', 'cacat', 'cacat_id'),
  dariKode('penyakit-menahun', '10', 'Penyakit menahun', 'sakit_menahun', 'sakit_menahun_id'),
  dariKode('akseptor-kb', '16', 'Akseptor KB', 'cara_kb', 'cara_kb_id', (o) => o.status_kawin === 2),
  {
    slug: 'akta-kelahiran',
    key: '17',
    label: 'Akta kelahiran',
    baris: RENTANG_UMUR,
    // persons holding a birth certificate, by age; those without one are "belum mengisi"
    nilai: (o, umur) => (ada(o.akta_lahir) ? bucket(RENTANG_UMUR, umur) : null),
  },
  dariKode(
    'ktp',
    '18',
    'Kepemilikan KTP',
    'status_rekam_ktp',
    'status_rekam',
    (o, umur) => (umur !== null && umur >= 17) || pernahKawin(o),
  ),
  dariKode('asuransi-kesehatan', '19', 'Asuransi kesehatan', 'asuransi', 'id_asuransi'),
  {
    slug: 'status-covid',
    key: 'covid',
    label: 'Status Covid',
    baris: kodeList('status_covid'),
    // Balai does not record a Covid-19 monitoring status: everyone is "belum mengisi"
    nilai: () => null,
  },
  {
    slug: 'suku',
    key: 'suku',
    label: 'Suku / etnis',
    baris: 'dinamis',
    nilai: (o) => (o.suku?.trim() ? o.suku.trim().toUpperCase().replace(/\s+/g, ' ') : null),
  },
  {
    slug: 'bpjs-ketenagakerjaan',
    key: 'bpjs-tenagakerja',
    label: 'BPJS Ketenagakerjaan',
    baris: [{ kode: '1', label: 'TERDAFTAR' }],
    nilai: (o) => (ada(o.bpjs_ketenagakerjaan) ? '1' : null),
  },
  dariKode('status-kehamilan', 'hamil', 'Status kehamilan', 'hamil', 'hamil', (o) => o.sex === 2),
  {
    slug: 'buku-nikah',
    key: 'buku-nikah',
    label: 'Buku nikah',
    baris: [
      { kode: '1', label: 'PUNYA BUKU NIKAH' },
      { kode: '2', label: 'BELUM PUNYA BUKU NIKAH' },
    ],
    ikut: (o) => o.status_kawin === 2,
    nilai: (o) => (ada(o.akta_perkawinan) ? '1' : '2'),
  },
  {
    slug: 'kia',
    key: 'kia',
    label: 'Kepemilikan KIA',
    baris: [
      { kode: '1', label: 'PUNYA KIA' },
      { kode: '2', label: 'BELUM PUNYA KIA' },
    ],
    ikut: (_o, umur) => umur !== null && umur >= 0 && umur <= 17,
    nilai: (o) => (o.ktp_el === 3 ? '1' : '2'),
  },
  {
    slug: 'akta-kematian',
    key: 'akta-kematian',
    label: 'Kepemilikan akta kematian',
    sumber: 'meninggal',
    baris: [
      { kode: '1', label: 'ADA AKTA KEMATIAN' },
      { kode: '2', label: 'BELUM ADA AKTA KEMATIAN' },
    ],
    nilai: (o) => (ada(o.akta_mati) ? '1' : '2'),
  },
];

export const KATEGORI_BY_SLUG: ReadonlyMap<string, KategoriDef> = new Map(KATEGORI.map((k) => [k.slug, k]));
