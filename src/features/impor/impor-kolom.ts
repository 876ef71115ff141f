import type { CodeListName } from '#src/domain/codes.js';

/**
 * The 43 columns of OpenSID's resident import/export (reference import-format.md §2), in template order.
 * `kind` says how a cell is read; `list` names the code list of a coded column.
 */
export type KolomKind = 'teks' | 'kode' | 'tanggal' | 'nik' | 'kk' | 'nama' | 'lokasi';

export interface Kolom {
  nama: string;
  kind: KolomKind;
  list?: CodeListName;
  /** max length of a text cell */
  max?: number;
}

const teks = (nama: string, max: number): Kolom => ({ nama, kind: 'teks', max });
const kode = (nama: string, list: CodeListName): Kolom => ({ nama, kind: 'kode', list });
const tanggal = (nama: string): Kolom => ({ nama, kind: 'tanggal' });

export const KOLOM_PENDUDUK: readonly Kolom[] = [
  teks('alamat', 200),
  teks('dusun', 60),
  teks('rw', 10),
  teks('rt', 10),
  { nama: 'nama', kind: 'nama' },
  { nama: 'no_kk', kind: 'kk' },
  { nama: 'nik', kind: 'nik' },
  kode('sex', 'jenis_kelamin'),
  teks('tempatlahir', 100),
  tanggal('tanggallahir'),
  kode('agama_id', 'agama'),
  kode('pendidikan_kk_id', 'pendidikan_kk'),
  kode('pendidikan_sedang_id', 'pendidikan_sedang'),
  kode('pekerjaan_id', 'pekerjaan'),
  kode('status_kawin', 'status_kawin'),
  kode('kk_level', 'hubungan_keluarga'),
  kode('warganegara_id', 'warga_negara'),
  { nama: 'ayah_nik', kind: 'nik' },
  { nama: 'nama_ayah', kind: 'nama' },
  { nama: 'ibu_nik', kind: 'nik' },
  { nama: 'nama_ibu', kind: 'nama' },
  kode('golongan_darah_id', 'golongan_darah'),
  teks('akta_lahir', 40),
  teks('dokumen_pasport', 45),
  tanggal('tanggal_akhir_paspor'),
  teks('dokumen_kitas', 45),
  teks('akta_perkawinan', 40),
  tanggal('tanggalperkawinan'),
  teks('akta_perceraian', 40),
  tanggal('tanggalperceraian'),
  kode('cacat_id', 'cacat'),
  kode('cara_kb_id', 'cara_kb'),
  kode('hamil', 'hamil'),
  kode('ktp_el', 'ktp_el'),
  kode('status_rekam', 'status_rekam_ktp'),
  teks('alamat_sekarang', 200),
  kode('status_dasar', 'status_dasar'),
  teks('suku', 150),
  teks('tag_id_card', 17),
  kode('id_asuransi', 'asuransi'),
  teks('no_asuransi', 100),
  { nama: 'lat', kind: 'lokasi' },
  { nama: 'lng', kind: 'lokasi' },
];

export const NAMA_KOLOM: ReadonlySet<string> = new Set(KOLOM_PENDUDUK.map((k) => k.nama));

/** A column Balai adds to its own reports (rejected rows + reason); ignored when such a file is imported again. */
export const KOLOM_GALAT = 'galat';

/** Columns an import may not change on a resident already in the register (events and family operations do). */
export const KOLOM_TERLINDUNG = ['status_dasar', 'kk_level', 'no_kk', 'alamat', 'dusun', 'rw', 'rt'] as const;

/** Required when the NIK is not yet in the register. */
export const WAJIB_BARU = ['nama', 'kk_level', 'dusun', 'rw', 'rt'] as const;
