/**
 * F-2.01 Formulir Pelaporan Pencatatan Sipil di Dalam Wilayah NKRI (Permendagri 109/2019) for a birth (kelahiran)
 * or a death (kematian), on portrait pages: region, head of family, reporter, two witnesses, parents, then the child
 * or the deceased, and signatures of the reporter and the kepala desa.
 *
 * values (keys, lower case; a missing or empty key prints the empty-value text):
 *   jenis                       'kelahiran' | 'kematian' (default: 'kematian' when jenazah_nama is set, else kelahiran)
 *   nama_provinsi, nama_kabupaten, nama_kecamatan, nama_desa, kode_desa   region
 *   kepala_keluarga_nama, kepala_keluarga_no_kk
 *   pelapor_nama, pelapor_nik, pelapor_dokumen_perjalanan, pelapor_no_kk, pelapor_kewarganegaraan,
 *   pelapor_umur, pelapor_pekerjaan, pelapor_alamat
 *   saksi1_nama, saksi1_nik, saksi1_no_kk, saksi1_kewarganegaraan   (and the same with saksi2_)
 *   ayah_nama, ayah_nik, ayah_tempat_lahir, ayah_tanggal_lahir, ayah_kewarganegaraan   (and the same with ibu_)
 *   kelahiran: anak_nama, anak_jenis_kelamin, anak_tempat_dilahirkan, anak_tempat_kelahiran, anak_hari_tanggal_lahir,
 *              anak_pukul, anak_jenis_kelahiran, anak_kelahiran_ke, anak_penolong, anak_berat, anak_panjang
 *   kematian:  jenazah_nik, jenazah_nama, jenazah_hari_tanggal, jenazah_pukul, jenazah_sebab, jenazah_tempat,
 *              jenazah_yang_menerangkan
 */
import { halamanFormulir, isianTyp, nipBaris, pembaca, ttdTyp, wilayahTyp } from './lampiran-bantu.js';
import type { LampiranInput, LampiranKonteks } from './surat-render.types.js';

type Baca = (key: string) => string;

const orang = (v: Baca, p: string): Array<[string, string]> => [
  ['Nama', v(`${p}_nama`)],
  ['NIK', v(`${p}_nik`)],
  ['Nomor KK', v(`${p}_no_kk`)],
  ['Kewarganegaraan', v(`${p}_kewarganegaraan`)],
];

const orangTua = (v: Baca, p: string): Array<[string, string]> => [
  ['Nama', v(`${p}_nama`)],
  ['NIK', v(`${p}_nik`)],
  ['Tempat Lahir', v(`${p}_tempat_lahir`)],
  ['Tanggal Lahir', v(`${p}_tanggal_lahir`)],
  ['Kewarganegaraan', v(`${p}_kewarganegaraan`)],
];

const anak = (v: Baca): Array<[string, string]> => [
  ['Nama', v('anak_nama')],
  ['Jenis Kelamin', v('anak_jenis_kelamin')],
  ['Tempat Dilahirkan', v('anak_tempat_dilahirkan')],
  ['Tempat Kelahiran', v('anak_tempat_kelahiran')],
  ['Hari dan Tanggal Lahir', v('anak_hari_tanggal_lahir')],
  ['Pukul', v('anak_pukul')],
  ['Jenis Kelahiran', v('anak_jenis_kelahiran')],
  ['Kelahiran Ke-', v('anak_kelahiran_ke')],
  ['Penolong Kelahiran', v('anak_penolong')],
  ['Berat Bayi', v('anak_berat')],
  ['Panjang Bayi', v('anak_panjang')],
];

const jenazah = (v: Baca): Array<[string, string]> => [
  ['NIK', v('jenazah_nik')],
  ['Nama Lengkap', v('jenazah_nama')],
  ['Hari dan Tanggal Kematian', v('jenazah_hari_tanggal')],
  ['Pukul', v('jenazah_pukul')],
  ['Sebab Kematian', v('jenazah_sebab')],
  ['Tempat Kematian', v('jenazah_tempat')],
  ['Yang Menerangkan', v('jenazah_yang_menerangkan')],
];

export function jenisF201(values: Record<string, string>): 'kelahiran' | 'kematian' {
  const jenis = (values.jenis ?? '').trim().toLowerCase();
  if (jenis === 'kelahiran' || jenis === 'kematian') return jenis;
  return (values.jenazah_nama ?? '').trim() !== '' ? 'kematian' : 'kelahiran';
}

export function lampiranF201(input: LampiranInput, ctx: LampiranKonteks): string {
  const v = pembaca(input.values, ctx.kosong);
  const jenis = jenisF201(input.values);
  const pelapor: Array<[string, string]> = [
    ['Nama', v('pelapor_nama')],
    ['NIK', v('pelapor_nik')],
    ['Nomor Dokumen Perjalanan', v('pelapor_dokumen_perjalanan')],
    ['Nomor KK', v('pelapor_no_kk')],
    ['Kewarganegaraan', v('pelapor_kewarganegaraan')],
    ['Umur / Pekerjaan', `${v('pelapor_umur')} / ${v('pelapor_pekerjaan')}`],
    ['Alamat', v('pelapor_alamat')],
  ];
  const isi = [
    '#kode-formulir("F-2.01")',
    `#judul-formulir("FORMULIR PELAPORAN PENCATATAN SIPIL DI DALAM WILAYAH NKRI", sub: ${
      jenis === 'kelahiran' ? '"Jenis pelaporan: KELAHIRAN"' : '"Jenis pelaporan: KEMATIAN"'
    })`,
    wilayahTyp(v),
    isianTyp('DATA KEPALA KELUARGA', [
      ['Nama Kepala Keluarga', v('kepala_keluarga_nama')],
      ['Nomor KK', v('kepala_keluarga_no_kk')],
    ]),
    isianTyp('DATA PELAPOR', pelapor),
    isianTyp('DATA SAKSI I', orang(v, 'saksi1')),
    isianTyp('DATA SAKSI II', orang(v, 'saksi2')),
    isianTyp('DATA ORANG TUA — AYAH', orangTua(v, 'ayah')),
    isianTyp('DATA ORANG TUA — IBU', orangTua(v, 'ibu')),
    jenis === 'kelahiran' ? isianTyp('DATA ANAK', anak(v)) : isianTyp('DATA KEMATIAN', jenazah(v)),
    ttdTyp([
      [`Mengetahui,\n${ctx.penandatangan.jabatan}`, ctx.penandatangan.nama, nipBaris(ctx.penandatangan.nip)],
      [`${ctx.tempatTanggal}\nPelapor`, v('pelapor_nama'), null],
    ]),
  ].join('\n');
  return halamanFormulir(ctx, false, isi);
}
