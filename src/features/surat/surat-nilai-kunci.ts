/**
 * The placeholder names (canonical, lower case) a letter body may use, and which of them a letter type offers:
 * the desa, the letter and the signer always; person fields for each subject block (plain for `individu`,
 * suffixed `_<block>` for the others); `jumlah_/daftar_<block>` for family-member blocks; `form_<kode>` for each
 * custom field. The template editor flags every other token.
 */
export const KUNCI_DESA = [
  'nama_desa',
  'kode_desa',
  'sebutan_desa',
  'sebutan_kepala_desa',
  'sebutan_dusun',
  'nama_kecamatan',
  'nama_kabupaten',
  'sebutan_kabupaten',
  'nama_provinsi',
  'alamat_desa',
  'kode_pos',
  'telepon_desa',
  'email_desa',
  'website_desa',
  'nama_kepala_desa',
] as const;

export const KUNCI_SURAT = [
  'judul_surat',
  'kode_surat',
  'format_nomor_surat',
  'tgl_surat',
  'tahun',
  'bulan_romawi',
  'mulai_berlaku',
  'berlaku_sampai',
] as const;

export const KUNCI_PENANDATANGAN = ['atas_nama', 'nama_pamong', 'jabatan', 'nip'] as const;

/** Always available, whatever the type. */
export const KUNCI_UMUM: readonly string[] = [...KUNCI_DESA, ...KUNCI_SURAT, ...KUNCI_PENANDATANGAN];

/** The parents as written in a person's own record: overlap with a block named `ayah`/`ibu` is intended. */
export const KUNCI_ORANG_TUA = ['nama_ayah', 'nama_ibu', 'nik_ayah', 'nik_ibu'] as const;

/** Person fields, unsuffixed (the `individu` block). */
export const KUNCI_ORANG = [
  'nama',
  'nik',
  'no_kk',
  'tempat_lahir',
  'tanggal_lahir',
  'hari_lahir',
  'ttl',
  'usia',
  'jenis_kelamin',
  'agama',
  'pendidikan',
  'pekerjaan',
  'status_kawin',
  'warga_negara',
  'golongan_darah',
  'shdk',
  'alamat',
  'alamat_lengkap',
  'dusun',
  'rt',
  'rw',
  'telepon',
  ...KUNCI_ORANG_TUA,
  'waktu_lahir',
  'tempat_dilahirkan',
  'jenis_kelahiran',
  'kelahiran_anak_ke',
  'penolong_kelahiran',
  'berat_lahir',
  'panjang_lahir',
  'akta_lahir',
  'akta_perkawinan',
  'tanggal_perkawinan',
] as const;
export type KunciOrang = (typeof KUNCI_ORANG)[number];

/** Keys of a family-member list block (e.g. the members moving along in a pindah letter). */
export const KUNCI_ANGGOTA = ['jumlah', 'daftar'] as const;

export type SumberBlok = 'penduduk' | 'manual' | 'anggota';

interface BlokKunci {
  kode: string;
  sumber: SumberBlok;
}

export const kunciDenganBlok = (kunci: string, blok: string): string =>
  blok === 'individu' ? kunci : `${kunci}_${blok}`;

/** The keys one subject block provides. */
export function kunciBlok(blok: BlokKunci): string[] {
  if (blok.sumber === 'manual') return [];
  const dasar: readonly string[] = blok.sumber === 'anggota' ? KUNCI_ANGGOTA : KUNCI_ORANG;
  return dasar.map((k) => (blok.sumber === 'anggota' ? `${k}_${blok.kode}` : kunciDenganBlok(k, blok.kode)));
}

/** Every placeholder a type's body may use, sorted. */
export function nilaiDikenal(jenis: { blok: readonly BlokKunci[]; isian: readonly { kode: string }[] }): string[] {
  const semua = new Set<string>(KUNCI_UMUM);
  for (const b of jenis.blok) for (const k of kunciBlok(b)) semua.add(k);
  for (const f of jenis.isian) semua.add(`form_${f.kode}`);
  return [...semua].sort();
}

/**
 * Keys two sources would both fill (a block named `desa` would clash with `nama_desa`, …). Allowed: one
 * person's own field meeting another person's parent field (`nama_ibu` of the child = `nama` of block `ibu`).
 */
export function kunciBentrok(jenis: { blok: readonly BlokKunci[]; isian: readonly { kode: string }[] }): string[] {
  const sumber = new Map<string, { sendiri: number; orangTua: number }>();
  const catat = (kunci: string, orangTua: boolean) => {
    const s = sumber.get(kunci) ?? { sendiri: 0, orangTua: 0 };
    if (orangTua) s.orangTua += 1;
    else s.sendiri += 1;
    sumber.set(kunci, s);
  };
  for (const k of KUNCI_UMUM) catat(k, false);
  for (const b of jenis.blok) {
    if (b.sumber === 'anggota') for (const k of kunciBlok(b)) catat(k, false);
    if (b.sumber !== 'penduduk') continue;
    for (const k of KUNCI_ORANG) catat(kunciDenganBlok(k, b.kode), (KUNCI_ORANG_TUA as readonly string[]).includes(k));
  }
  for (const f of jenis.isian) catat(`form_${f.kode}`, false);
  return [...sumber].filter(([, s]) => s.sendiri > 1 || s.orangTua > 1).map(([k]) => k);
}
