import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { substitute } from '#src/domain/surat-placeholder.js';
import { DaftarJenisSuratSchema, type JenisSurat } from './surat-jenis.schema.js';
import { buildNilai, type NilaiInput, nilaiDikenal, type Orang } from './surat-nilai.js';

const daftar = DaftarJenisSuratSchema.parse(
  JSON.parse(readFileSync(new URL('../../../seed/surat/jenis-surat.json', import.meta.url), 'utf8')),
);
const jenis = (slug: string): JenisSurat => {
  const j = daftar.find((x) => x.slug === slug);
  if (!j) throw new Error(slug);
  return j;
};

const budi: Orang = {
  nama: 'BUDI SANTOSO',
  nik: '3317091708850001',
  no_kk: '3317090101100001',
  sex: 1,
  tempatlahir: 'REMBANG',
  tanggallahir: '1985-08-17',
  agama_id: 1,
  pendidikan_kk_id: 5,
  pekerjaan_id: 9,
  status_kawin: 2,
  warganegara_id: 1,
  golongan_darah_id: 4,
  kk_level: 1,
  alamat: 'Jl. Kenanga No. 5',
  dusun: 'Krajan',
  rw: '001',
  rt: '003',
  nama_ayah: 'SUPARDI',
  nama_ibu: 'SITI AMINAH',
  ayah_nik: null,
  ibu_nik: '3317094101600002',
};

function input(j: Pick<JenisSurat, 'blok' | 'isian'>, over: Partial<NilaiInput> = {}): NilaiInput {
  return {
    desa: {
      kode: '33.17.09.2001',
      nama: 'Meteseh',
      sebutan: 'desa',
      kecamatan: 'Kaliori',
      kabupaten: 'Kabupaten Rembang',
      provinsi: 'Jawa Tengah',
      alamat: 'Jl. Raya Meteseh No. 1',
      kodePos: '59252',
      telepon: null,
      email: 'meteseh@rembangkab.go.id',
      situs: null,
      kepalaDesa: 'H. MUHAMMAD SHOLEH',
    },
    surat: {
      judul: 'Surat Keterangan Domisili',
      kodeSurat: 'S-41',
      nomor: 'S-41/007/33.17.09.2001/XI/2026',
      tanggal: '2026-11-28',
      berlakuSampai: '2026-12-28',
    },
    subjek: { individu: budi },
    isian: {},
    penandatangan: { nama: 'H. Muhammad Sholeh', jabatan: 'Kepala Desa', nip: null, atasNama: null },
    jenis: j,
    ...over,
  };
}

describe('buildNilai', () => {
  const domisili = jenis('surat-keterangan-domisili');

  it('writes the main subject with labels, Indonesian dates, age and address', () => {
    const v = buildNilai(input(domisili));
    expect(v).toMatchObject({
      nama: 'BUDI SANTOSO',
      nik: '3317091708850001',
      no_kk: '3317090101100001',
      tempat_lahir: 'REMBANG',
      tanggal_lahir: '17 Agustus 1985',
      hari_lahir: 'Sabtu',
      ttl: 'REMBANG, 17 Agustus 1985',
      usia: '41 tahun',
      jenis_kelamin: 'LAKI-LAKI',
      agama: 'ISLAM',
      pendidikan: 'SLTA / SEDERAJAT',
      pekerjaan: 'PETANI/PEKEBUN',
      status_kawin: 'KAWIN',
      warga_negara: 'WNI',
      golongan_darah: 'O',
      shdk: 'KEPALA KELUARGA',
      alamat: 'Jl. Kenanga No. 5, RT 003/RW 001, Dusun Krajan',
      alamat_lengkap:
        'Jl. Kenanga No. 5, RT 003/RW 001, Dusun Krajan, Desa Meteseh, Kecamatan Kaliori, Kabupaten Rembang',
      dusun: 'Krajan',
      rt: '003',
      rw: '001',
      nama_ayah: 'SUPARDI',
      nama_ibu: 'SITI AMINAH',
      nik_ibu: '3317094101600002',
      nik_ayah: '',
    });
  });

  it('writes the desa, the letter and the signer', () => {
    const v = buildNilai(
      input(domisili, {
        penandatangan: {
          nama: 'Sri Wahyuni',
          jabatan: 'Sekretaris Desa',
          nip: '19800101 200501 2 001',
          atasNama: 'a.n. Kepala Desa Meteseh',
        },
      }),
    );
    expect(v).toMatchObject({
      nama_desa: 'Meteseh',
      kode_desa: '33.17.09.2001',
      sebutan_desa: 'Desa',
      sebutan_kepala_desa: 'Kepala Desa',
      nama_kecamatan: 'Kaliori',
      nama_kabupaten: 'Rembang',
      sebutan_kabupaten: 'Kabupaten',
      nama_provinsi: 'Jawa Tengah',
      kode_pos: '59252',
      telepon_desa: '',
      nama_kepala_desa: 'H. MUHAMMAD SHOLEH',
      judul_surat: 'Surat Keterangan Domisili',
      kode_surat: 'S-41',
      format_nomor_surat: 'S-41/007/33.17.09.2001/XI/2026',
      tgl_surat: '28 November 2026',
      tahun: '2026',
      bulan_romawi: 'XI',
      berlaku_sampai: '28 Desember 2026',
      atas_nama: 'a.n. Kepala Desa Meteseh',
      nama_pamong: 'Sri Wahyuni',
      jabatan: 'Sekretaris Desa',
      nip: '19800101 200501 2 001',
    });
  });

  it('a kelurahan has a lurah; a kota keeps its word', () => {
    const v = buildNilai(
      input(domisili, { desa: { ...input(domisili).desa, sebutan: 'Kelurahan', kabupaten: 'Kota Semarang' } }),
    );
    expect([v.sebutan_desa, v.sebutan_kepala_desa, v.sebutan_kabupaten, v.nama_kabupaten]).toEqual([
      'Kelurahan',
      'Lurah',
      'Kota',
      'Semarang',
    ]);
    expect(v.alamat_lengkap).toContain('Kelurahan Meteseh, Kecamatan Kaliori, Kota Semarang');
  });

  it('does not repeat RT/RW or dusun already in the street line; an outsider keeps the address as typed', () => {
    const v = buildNilai(input(domisili, { subjek: { individu: { ...budi, alamat: 'Dusun Krajan RT 003 RW 001' } } }));
    expect(v.alamat).toBe('Dusun Krajan RT 003 RW 001');
    const luar = buildNilai(
      input(domisili, {
        subjek: { individu: { nama: 'ANI', nik: '3374015505900003', alamat: 'Jl. Pemuda 10, Semarang', luar: true } },
      }),
    );
    expect([luar.alamat, luar.alamat_lengkap, luar.agama, luar.usia]).toEqual([
      'Jl. Pemuda 10, Semarang',
      'Jl. Pemuda 10, Semarang',
      '',
      '',
    ]);
  });

  it('suffixes other blocks; a parent block fills the child record’s parent names only when chosen', () => {
    const lahir = jenis('surat-keterangan-kelahiran');
    const bayi: Orang = {
      nama: 'ADI',
      sex: 1,
      tempatlahir: 'Rembang',
      tanggallahir: '2026-11-20',
      waktu_lahir: '08:30',
      berat_lahir: 3200,
      panjang_lahir: '49',
      tempat_dilahirkan: 1,
      jenis_kelahiran: 1,
      penolong_kelahiran: 2,
      kelahiran_anak_ke: 2,
      nama_ibu: 'SRI (catatan)',
      nama_ayah: 'BUDI SANTOSO',
    };
    const ibu: Orang = {
      nama: 'SRI LESTARI',
      nik: '3317094101900002',
      tanggallahir: '1990-01-01',
      tempatlahir: 'Pati',
      pekerjaan_id: 2,
    };
    const v = buildNilai(
      input(lahir, {
        subjek: { individu: bayi, ibu, pelapor: budi },
        isian: { hubungan_pelapor_dengan_bayi: 'Ayah kandung' },
      }),
    );
    expect(v).toMatchObject({
      nama_ibu: 'SRI LESTARI',
      nik_ibu: '3317094101900002',
      ttl_ibu: 'Pati, 1 Januari 1990',
      pekerjaan_ibu: 'MENGURUS RUMAH TANGGA',
      nama_ayah: 'BUDI SANTOSO',
      nik_ayah: '',
      nama_pelapor: 'BUDI SANTOSO',
      usia_pelapor: '41 tahun',
      nama_saksi_i: '',
      usia: '8 hari',
      hari_lahir: 'Jumat',
      waktu_lahir: '08.30',
      berat_lahir: '3200 gram',
      panjang_lahir: '49 cm',
      tempat_dilahirkan: 'RS/RB',
      penolong_kelahiran: 'Bidan Perawat',
      form_hubungan_pelapor_dengan_bayi: 'Ayah kandung',
    });
  });

  it('formats answers by field type and lists family members', () => {
    const pindah = jenis('surat-keterangan-pindah-penduduk');
    const anak: Orang = { nama: 'RINA', nik: '3317095203100004', kk_level: 4 };
    const v = buildNilai(
      input(pindah, { isian: { tanggal_pindah: '2026-12-01', rt_tujuan: '002' }, anggota: { pengikut: [budi, anak] } }),
    );
    expect(v.form_tanggal_pindah).toBe('1 Desember 2026');
    expect(v.form_rt_tujuan).toBe('002');
    expect(v.form_keterangan).toBe('');
    expect(v.jumlah_pengikut).toBe('2');
    expect(v.daftar_pengikut).toBe(
      '1. BUDI SANTOSO, NIK 3317091708850001, KEPALA KELUARGA; 2. RINA, NIK 3317095203100004, ANAK',
    );
    const kematian = buildNilai(
      input(jenis('surat-keterangan-kematian'), { isian: { tanggal_kematian: '2026-11-23', jam_kematian: '21:05' } }),
    );
    expect([kematian.form_tanggal_kematian, kematian.form_jam_kematian]).toEqual(['Senin, 23 November 2026', '21.05']);
  });

  it('takes labels from the injected function', () => {
    const v = buildNilai(input(domisili, { label: (kategori, kode) => `${kategori}#${kode}` }));
    expect([v.agama, v.pekerjaan, v.warga_negara]).toEqual(['agama#1', 'pekerjaan#9', 'warga_negara#1']);
  });

  it('offers exactly the keys nilaiDikenal lists, for every built-in type', () => {
    for (const j of daftar) {
      const subjek = Object.fromEntries(j.blok.filter((b) => b.sumber === 'penduduk').map((b) => [b.kode, budi]));
      expect(Object.keys(buildNilai(input(j, { subjek }))).sort(), j.slug).toEqual(nilaiDikenal(j));
      expect(Object.keys(buildNilai(input(j, { subjek: { individu: budi } }))).sort(), j.slug).toEqual(nilaiDikenal(j));
    }
  });

  it('every built-in body substitutes completely, with the case rule giving readable text', () => {
    for (const j of daftar) {
      const hasil = substitute(j.template, buildNilai(input(j)));
      expect(hasil.unknown, j.slug).toEqual([]);
      expect(hasil.text, j.slug).not.toMatch(/\[[A-Za-z]/);
    }
    const teks = substitute(
      domisili.template,
      buildNilai(input(domisili, { isian: { keperluan: 'Melamar pekerjaan di PT ABC' } })),
    ).text;
    expect(teks).toContain(
      'Yang bertanda tangan di bawah ini, Kepala Desa Meteseh, Kecamatan Kaliori, Kabupaten Rembang, Provinsi Jawa Tengah',
    );
    expect(teks).toContain('| Nama | **BUDI SANTOSO**');
    expect(teks).toContain('| Tempat/Tanggal Lahir | Rembang, 17 Agustus 1985');
    expect(teks).toContain('| Jenis Kelamin | Laki-Laki');
    expect(teks).toContain('| Kewarganegaraan | WNI');
    expect(teks).toContain('| Keperluan | Melamar pekerjaan di PT ABC');
    expect(teks).toContain('berlaku sampai dengan 28 Desember 2026');
  });
});
