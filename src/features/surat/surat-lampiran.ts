import type { LampiranInput } from './render/surat-render.types.js';
import type { KonteksOrang } from './surat-nilai-orang.js';
import { nilaiOrang, type Orang } from './surat-nilai-orang.js';

/**
 * The values each attachment form reads (render/lampiran-*.ts document their keys), taken from the letter's
 * placeholder values (`nama_pelapor`, `nik_saksi_i`, …) and the family members.
 */
export function lampiranInput(
  kode: string,
  values: Record<string, string>,
  anggota: readonly Orang[],
  konteks: KonteksOrang,
  opts: { kematian: boolean },
): LampiranInput {
  const v = (k: string) => values[k] ?? '';
  const kepala = anggota.find((a) => a.kk_level === 1);
  const common = {
    nama_provinsi: v('nama_provinsi'),
    nama_kabupaten: v('nama_kabupaten'),
    nama_kecamatan: v('nama_kecamatan'),
    nama_desa: v('nama_desa'),
    kode_desa: v('kode_desa'),
    kode_pos: v('kode_pos'),
  };
  if (kode === 'F-1.01')
    return {
      kode,
      values: {
        ...common,
        no_kk: v('no_kk'),
        nama_kepala_keluarga: kepala?.nama ?? v('nama'),
        alamat: v('alamat'),
        rt: v('rt'),
        rw: v('rw'),
        nama_dusun: v('dusun'),
        telepon: v('telepon'),
      },
      anggota: anggota.map((a) => nilaiOrang(a, konteks)),
    };
  if (kode === 'F-2.01') {
    const orang = (prefix: string, blok: string) => ({
      [`${prefix}_nama`]: v(`nama_${blok}`),
      [`${prefix}_nik`]: v(`nik_${blok}`),
      [`${prefix}_no_kk`]: v(`no_kk_${blok}`),
      [`${prefix}_kewarganegaraan`]: v(`warga_negara_${blok}`),
      [`${prefix}_tempat_lahir`]: v(`tempat_lahir_${blok}`),
      [`${prefix}_tanggal_lahir`]: v(`tanggal_lahir_${blok}`),
      [`${prefix}_umur`]: v(`usia_${blok}`),
      [`${prefix}_pekerjaan`]: v(`pekerjaan_${blok}`),
      [`${prefix}_alamat`]: v(`alamat_lengkap_${blok}`),
    });
    const base = {
      ...common,
      jenis: opts.kematian ? 'kematian' : 'kelahiran',
      kepala_keluarga_nama: kepala?.nama ?? '',
      kepala_keluarga_no_kk: v('no_kk'),
      ...orang('pelapor', 'pelapor'),
      ...orang('saksi1', 'saksi_i'),
      ...orang('saksi2', 'saksi_ii'),
      ...orang('ayah', 'ayah'),
      ...orang('ibu', 'ibu'),
    };
    const event: Record<string, string> = opts.kematian
      ? {
          jenazah_nik: v('nik'),
          jenazah_nama: v('nama'),
          jenazah_hari_tanggal: v('form_hari_tanggal_kematian') || v('form_tanggal_kematian') || v('form_tanggal'),
          jenazah_pukul: v('form_jam_kematian') || v('form_pukul'),
          jenazah_sebab: v('form_sebab_kematian') || v('form_sebab'),
          jenazah_tempat: v('form_tempat_kematian') || v('form_tempat_mati'),
          jenazah_yang_menerangkan: v('form_yang_menerangkan'),
        }
      : {
          anak_nama: v('nama'),
          anak_jenis_kelamin: v('jenis_kelamin'),
          anak_tempat_dilahirkan: v('tempat_dilahirkan'),
          anak_tempat_kelahiran: v('tempat_lahir'),
          anak_hari_tanggal_lahir: [v('hari_lahir'), v('tanggal_lahir')].filter(Boolean).join(', '),
          anak_pukul: v('waktu_lahir'),
          anak_jenis_kelahiran: v('jenis_kelahiran'),
          anak_kelahiran_ke: v('kelahiran_anak_ke'),
          anak_penolong: v('penolong_kelahiran'),
          anak_berat: v('berat_lahir'),
          anak_panjang: v('panjang_lahir'),
        };
    return { kode, values: { ...base, ...event } };
  }
  return { kode, values };
}
