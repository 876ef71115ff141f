/** A typical letter for renderer tests: a domisili letter of Desa Banyudono, overridable per test. */
import { PNG } from 'pngjs';
import type { RenderInput } from '#src/features/surat/render/surat-render.js';

/** A small PNG logo: a green disc on white. */
export function logoPng(size = 120): Uint8Array {
  const png = new PNG({ width: size, height: size });
  const r = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const inside = (x - r) ** 2 + (y - r) ** 2 < (r - 2) ** 2;
      png.data[i] = inside ? 20 : 255;
      png.data[i + 1] = inside ? 140 : 255;
      png.data[i + 2] = inside ? 60 : 255;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

export const BODY_DOMISILI = `Yang bertanda tangan di bawah ini Kepala Desa [Nama_desa], Kecamatan [Nama_kecamatan], Kabupaten [Nama_kabupaten], menerangkan dengan sebenarnya bahwa:

| Nama | **[NAma]**
| NIK | [nik]
| Nomor KK | [no_kk]
| Tempat/Tanggal Lahir | [Tempat_lahir], [Tanggal_lahir]
| Jenis Kelamin | [Jenis_kelamin]
| Agama | [Agama]
| Status Perkawinan | [Status_kawin]
| Pekerjaan | [Pekerjaan]
| Kewarganegaraan | [WArganegara]
| Pendidikan | [Pendidikan]
| Alamat | [Alamat]
| Dusun | [Dusun]

Orang tersebut di atas adalah benar-benar penduduk Desa [Nama_desa] yang berdomisili di alamat tersebut di atas sejak tahun 2010 sampai dengan sekarang, dan sepanjang pengetahuan kami berkelakuan baik serta tidak pernah tersangkut perkara pidana.

Surat keterangan ini diberikan untuk keperluan [form_keperluan].

Demikian surat keterangan ini kami buat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.`;

export function suratInput(overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    layout: { kertas: 'F4', orientasi: 'portrait', margin: { kiri: 2, atas: 1.5, kanan: 2, bawah: 1.5 } },
    kop: {
      logo: logoPng(),
      garuda: false,
      baris: ['PEMERINTAH KABUPATEN REMBANG', 'KECAMATAN KALIORI', 'DESA BANYUDONO'],
      alamat: 'Jl. Raya Banyudono No. 1, Kaliori, Rembang 59252',
    },
    judul: 'Surat Keterangan Domisili',
    nomor: 'S-41/007/33.17.05.2001/XI/2026',
    body: BODY_DOMISILI,
    values: {
      nama_desa: 'BANYUDONO',
      nama_kecamatan: 'KALIORI',
      nama_kabupaten: 'REMBANG',
      nama: 'Siti Aminah',
      nik: '3317054101900001',
      no_kk: '3317050101900009',
      tempat_lahir: 'REMBANG',
      tanggal_lahir: '01 Januari 1990',
      jenis_kelamin: 'PEREMPUAN',
      agama: 'ISLAM',
      status_kawin: 'KAWIN',
      pekerjaan: 'WIRASWASTA',
      warganegara: 'WNI',
      pendidikan: 'SLTA/SEDERAJAT',
      alamat: 'RT 003/RW 001',
      dusun: 'KRAJAN',
      form_keperluan: 'melamar pekerjaan',
    },
    tempatTanggal: 'Banyudono, 28 November 2026',
    penandatangan: { atasNama: null, ub: null, jabatan: 'Kepala Desa Banyudono', nama: 'AHMAD FAUZI', nip: null },
    qr: null,
    tte: false,
    draf: false,
    lampiran: [],
    ...overrides,
  };
}
