import type { CodeListName } from '#src/domain/codes.js';
import type { KunciOrang } from './surat-nilai-kunci.js';
import { jamTeks, namaHari, tanggalPanjang, usiaPada } from './surat-nilai-tanggal.js';

/**
 * A person on a letter, in the penduduk table's column names (a resident row fits as is, plus `no_kk`, `alamat`,
 * `dusun`, `rw`, `rt` from the family and its area). Outsiders carry what was typed; `luar` marks them so
 * their address is taken as complete rather than as an address in this desa.
 */
export interface Orang {
  nama: string;
  nik?: string | null;
  no_kk?: string | null;
  sex?: number | null;
  tempatlahir?: string | null;
  tanggallahir?: string | null;
  waktu_lahir?: string | null;
  tempat_dilahirkan?: number | null;
  jenis_kelahiran?: number | null;
  kelahiran_anak_ke?: number | null;
  penolong_kelahiran?: number | null;
  berat_lahir?: number | null;
  panjang_lahir?: string | number | null;
  agama_id?: number | null;
  pendidikan_kk_id?: number | null;
  pekerjaan_id?: number | null;
  status_kawin?: number | null;
  warganegara_id?: number | null;
  golongan_darah_id?: number | null;
  kk_level?: number | null;
  /** street part of the address (the family's `alamat`); `alamat_sekarang` is used when it is missing */
  alamat?: string | null;
  alamat_sekarang?: string | null;
  dusun?: string | null;
  rw?: string | null;
  rt?: string | null;
  telepon?: string | null;
  nama_ayah?: string | null;
  nama_ibu?: string | null;
  ayah_nik?: string | null;
  ibu_nik?: string | null;
  akta_lahir?: string | null;
  akta_perkawinan?: string | null;
  tanggalperkawinan?: string | null;
  /** not a resident of this desa: `alamat` is the whole address */
  luar?: boolean;
}

/** A code's label; the caller injects it (codes module or the kode_referensi table). */
export type LabelKode = (kategori: CodeListName, kode: number) => string | null;

export interface KonteksOrang {
  label: LabelKode;
  /** the letter's date, YYYY-MM-DD (ages are counted to it) */
  tanggalSurat: string;
  /** "Desa Meteseh, Kecamatan Kaliori, Kabupaten Rembang" — appended for residents */
  wilayahDesa: string;
  /** what a dusun is called here, "Dusun" */
  sebutanDusun: string;
}

const teks = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

function labelDari(k: KonteksOrang, kategori: CodeListName, kode: number | null | undefined): string {
  return kode === null || kode === undefined ? '' : (k.label(kategori, kode) ?? '');
}

/** "Jl. Kenanga 5, RT 003/RW 001, Dusun Krajan" — parts already written in the street line are not repeated. */
export function alamatJalan(o: Orang, sebutanDusun: string): string {
  const jalan = teks(o.alamat) || teks(o.alamat_sekarang);
  const bagian = jalan ? [jalan] : [];
  const rt = teks(o.rt);
  const rw = teks(o.rw);
  if ((rt || rw) && !/\bRT\b|\bRW\b/i.test(jalan))
    bagian.push([rt && `RT ${rt}`, rw && `RW ${rw}`].filter(Boolean).join('/'));
  const dusun = teks(o.dusun);
  if (dusun && !jalan.toLowerCase().includes(dusun.toLowerCase()))
    bagian.push(dusun.toLowerCase().startsWith(sebutanDusun.toLowerCase()) ? dusun : `${sebutanDusun} ${dusun}`);
  return bagian.join(', ');
}

/** The unsuffixed person values; a missing person gives '' everywhere (printed as the "empty" mark). */
export function nilaiOrang(o: Orang | null, k: KonteksOrang): Record<KunciOrang, string> {
  const p = o ?? { nama: '' };
  const tempat = teks(p.tempatlahir);
  const tanggal = tanggalPanjang(p.tanggallahir);
  const alamat = o ? alamatJalan(p, k.sebutanDusun) : '';
  const berat = teks(p.berat_lahir);
  const panjang = teks(p.panjang_lahir);
  return {
    nama: teks(p.nama),
    nik: teks(p.nik),
    no_kk: teks(p.no_kk),
    tempat_lahir: tempat,
    tanggal_lahir: tanggal,
    hari_lahir: namaHari(p.tanggallahir),
    ttl: [tempat, tanggal].filter(Boolean).join(', '),
    usia: usiaPada(p.tanggallahir, k.tanggalSurat),
    jenis_kelamin: labelDari(k, 'jenis_kelamin', p.sex),
    agama: labelDari(k, 'agama', p.agama_id),
    pendidikan: labelDari(k, 'pendidikan_kk', p.pendidikan_kk_id),
    pekerjaan: labelDari(k, 'pekerjaan', p.pekerjaan_id),
    status_kawin: labelDari(k, 'status_kawin', p.status_kawin),
    warga_negara: labelDari(k, 'warga_negara', p.warganegara_id),
    golongan_darah: labelDari(k, 'golongan_darah', p.golongan_darah_id),
    shdk: labelDari(k, 'hubungan_keluarga', p.kk_level),
    alamat,
    alamat_lengkap: p.luar || !alamat ? alamat : `${alamat}, ${k.wilayahDesa}`,
    dusun: teks(p.dusun),
    rt: teks(p.rt),
    rw: teks(p.rw),
    telepon: teks(p.telepon),
    nama_ayah: teks(p.nama_ayah),
    nama_ibu: teks(p.nama_ibu),
    nik_ayah: teks(p.ayah_nik),
    nik_ibu: teks(p.ibu_nik),
    waktu_lahir: jamTeks(p.waktu_lahir),
    tempat_dilahirkan: labelDari(k, 'tempat_dilahirkan', p.tempat_dilahirkan),
    jenis_kelahiran: labelDari(k, 'jenis_kelahiran', p.jenis_kelahiran),
    kelahiran_anak_ke: teks(p.kelahiran_anak_ke),
    penolong_kelahiran: labelDari(k, 'penolong_kelahiran', p.penolong_kelahiran),
    berat_lahir: berat && `${berat} gram`,
    panjang_lahir: panjang && `${panjang} cm`,
    akta_lahir: teks(p.akta_lahir),
    akta_perkawinan: teks(p.akta_perkawinan),
    tanggal_perkawinan: tanggalPanjang(p.tanggalperkawinan),
  };
}

/** "1. Budi Santoso, NIK 3317…, Anak; 2. …" — the members listed in one line (a value is one run of text). */
export function daftarAnggota(anggota: readonly Orang[], k: KonteksOrang): string {
  return anggota
    .map((o, i) => {
      const shdk = labelDari(k, 'hubungan_keluarga', o.kk_level);
      return [`${i + 1}. ${teks(o.nama)}`, teks(o.nik) && `NIK ${teks(o.nik)}`, shdk].filter(Boolean).join(', ');
    })
    .join('; ');
}
