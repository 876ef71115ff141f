import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfTeks } from '../../../tests/support/pdf-periksa.js';
import { LAMPIRAN_TERSEDIA } from './render/lampiran.js';
import { renderSuratPdf } from './render/surat-render.js';
import { DaftarJenisSuratSchema, type Isian, type JenisSurat } from './surat-jenis.schema.js';
import { BAWAAN_PATH } from './surat-jenis.service.js';
import { buildNilai } from './surat-nilai.js';

const types = DaftarJenisSuratSchema.parse(JSON.parse(readFileSync(BAWAAN_PATH, 'utf8')));

/** A plausible answer for each custom field, by its type. */
function answer(f: Isian): string {
  if (f.pilihan) return f.pilihan[0] as string;
  if (f.tipe === 'date' || f.tipe === 'hari' || f.tipe === 'hari-tanggal') return '2026-11-20';
  if (f.tipe === 'time') return '08:30';
  if (f.tipe === 'number') return '3';
  if (f.tipe === 'email') return 'warga@example.org';
  if (f.tipe === 'url') return 'https://example.org';
  return `Isian ${f.kode}`;
}

const orang = (nama: string, sex: 1 | 2) => ({
  nama,
  nik: '3317091708850001',
  no_kk: '3317090101080001',
  sex,
  tempatlahir: 'Rembang',
  tanggallahir: '1985-08-17',
  agama_id: 1,
  pekerjaan_id: 2,
  status_kawin: 2,
  warganegara_id: 1,
  kk_level: 1,
  alamat: 'Jl. Kenanga 5',
  dusun: 'Krajan',
  rt: '001',
  rw: '002',
});

async function render(j: JenisSurat) {
  const subjek = Object.fromEntries(
    j.blok.filter((b) => b.sumber === 'penduduk').map((b, i) => [b.kode, orang(`Orang ${b.kode} Uji`, i % 2 ? 2 : 1)]),
  );
  const values = buildNilai({
    desa: {
      kode: '33.17.09.2001',
      nama: 'Meteseh',
      sebutan: 'desa',
      kecamatan: 'Kaliori',
      kabupaten: 'Kabupaten Rembang',
      provinsi: 'Jawa Tengah',
      alamat: 'Jl. Raya 1',
      kodePos: '59252',
      telepon: null,
      email: null,
      situs: null,
      kepalaDesa: 'Sutrisno',
    },
    surat: {
      judul: j.nama,
      kodeSurat: j.kode,
      nomor: `${j.kode}/001/3317092001/XI/2026`,
      tanggal: '2026-11-28',
      berlakuSampai: '2026-12-27',
    },
    subjek,
    anggota: Object.fromEntries(
      j.blok.filter((b) => b.sumber === 'anggota').map((b) => [b.kode, [orang('Anggota Ikut', 2)]]),
    ),
    isian: Object.fromEntries(j.isian.map((f) => [f.kode, answer(f)])),
    penandatangan: { nama: 'Sutrisno', jabatan: 'Kepala Desa Meteseh', nip: null, atasNama: null },
    jenis: j,
  });
  return renderSuratPdf({
    layout: {
      kertas: j.kertas,
      orientasi: j.orientasi,
      margin: j.margin ?? { kiri: 2, atas: 1.5, kanan: 2, bawah: 1.5 },
    },
    kop: {
      logo: null,
      garuda: false,
      baris: ['PEMERINTAH KABUPATEN REMBANG', 'KECAMATAN KALIORI', 'DESA METESEH'],
      alamat: 'Jl. Raya 1',
    },
    judul: j.nama,
    nomor: `${j.kode}/001/3317092001/XI/2026`,
    body: j.template,
    values,
    tempatTanggal: 'Meteseh, 28 November 2026',
    penandatangan: { nama: 'Sutrisno', jabatan: 'Kepala Desa Meteseh', nip: null, atasNama: null },
    qr: { url: 'https://sid.test/v/contoh' },
    tte: true,
    draf: false,
    lampiran: j.lampiran.filter((k) => LAMPIRAN_TERSEDIA.includes(k)).map((kode) => ({ kode, values, anggota: [] })),
  });
}

describe('every built-in letter type renders with its fields', () => {
  it('has the 42 types', () => {
    expect(types).toHaveLength(42);
  });

  it.each(types.map((j) => [j.slug, j] as const))('%s', async (_slug, j) => {
    const { pdf, unknown } = await render(j);
    expect(unknown).toEqual([]);
    const text = pdfTeks(pdf);
    expect(text).toContain(`${j.kode}/001/3317092001/XI/2026`);
    expect(text).toContain('Orang individu Uji');
    // every custom field the body uses shows its answer (text fields are printed as typed)
    const flat = text.replace(/\s+/g, ' ').toLowerCase();
    for (const f of j.isian)
      if (f.tipe === 'text' && j.template.toLowerCase().includes(`[form_${f.kode}]`))
        expect(flat).toContain(`isian ${f.kode}`);
  });
});
