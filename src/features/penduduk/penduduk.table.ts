import type { Generated } from 'kysely';

/** Fields a person's record holds besides identity and bookkeeping (names follow OpenSID's columns). */
export interface PendudukFields {
  lingkungan_id: number | null;
  nik: string | null;
  nik_sementara: string | null;
  nama: string;
  keluarga_id: number | null;
  kk_level: number | null;
  rumah_tangga_id: number | null;
  rtm_level: number | null;
  sex: number | null;
  tempatlahir: string | null;
  tanggallahir: string | null;
  waktu_lahir: string | null;
  tempat_dilahirkan: number | null;
  jenis_kelahiran: number | null;
  kelahiran_anak_ke: number | null;
  penolong_kelahiran: number | null;
  berat_lahir: number | null;
  panjang_lahir: string | null;
  agama_id: number | null;
  pendidikan_kk_id: number | null;
  pendidikan_sedang_id: number | null;
  pekerjaan_id: number | null;
  status_kawin: number | null;
  warganegara_id: number;
  negara_asal: string | null;
  dokumen_pasport: string | null;
  tanggal_akhir_paspor: string | null;
  dokumen_kitas: string | null;
  ayah_nik: string | null;
  ibu_nik: string | null;
  nama_ayah: string | null;
  nama_ibu: string | null;
  golongan_darah_id: number | null;
  status: number;
  status_dasar: number;
  alamat_sebelumnya: string | null;
  alamat_sekarang: string | null;
  hamil: number | null;
  cacat_id: number | null;
  sakit_menahun_id: number | null;
  cara_kb_id: number | null;
  akta_lahir: string | null;
  akta_perkawinan: string | null;
  tanggalperkawinan: string | null;
  akta_perceraian: string | null;
  tanggalperceraian: string | null;
  no_kk_sebelumnya: string | null;
  ktp_el: number | null;
  status_rekam: number | null;
  tempat_cetak_ktp: string | null;
  tanggal_cetak_ktp: string | null;
  tag_id_card: string | null;
  id_asuransi: number | null;
  no_asuransi: string | null;
  bpjs_ketenagakerjaan: string | null;
  telepon: string | null;
  email: string | null;
  telegram: string | null;
  hubung_warga: string | null;
  bahasa_id: number | null;
  suku: string | null;
  ket: string | null;
  foto: string | null;
  lat: number | null;
  lng: number | null;
}

export interface Bookkeeping {
  versi: Generated<number>;
  dibuat_pada: string;
  dibuat_oleh: string | null;
  diperbarui_pada: string;
  diperbarui_oleh: string | null;
}

export interface PendudukTable extends PendudukFields, Bookkeeping {
  id: Generated<number>;
  desa_kode: string;
  nama_normal: string;
  nama_ibu_normal: string | null;
  digabung_ke_id: number | null;
}

export interface PendudukPeringatanTable {
  penduduk_id: number;
  kode: string;
  desa_kode: string;
}

export interface KodeReferensiTable {
  daftar: string;
  kode: number;
  label: string;
}
