import { describe, expect, it } from 'vitest';
import { pdfTeks, pdfUkuranHalaman } from '../../../../tests/support/pdf-periksa.js';
import { suratInput } from '../../../../tests/support/surat-fixture.js';
import { jenisF201 } from './lampiran-f201.js';
import { LampiranTidakTersediaError, renderSuratPdf } from './surat-render.js';

const wilayah = {
  nama_provinsi: 'JAWA TENGAH',
  nama_kabupaten: 'REMBANG',
  nama_kecamatan: 'KALIORI',
  nama_desa: 'BANYUDONO',
  kode_desa: '33.17.05.2001',
};

const anggota = (i: number) => ({
  nama: `ANGGOTA KE ${i}`,
  nik: `33170541019000${String(i).padStart(2, '0')}`,
  jenis_kelamin: i % 2 ? 'LAKI-LAKI' : 'PEREMPUAN',
  tempat_lahir: 'REMBANG',
  tanggal_lahir: '01-02-2001',
  agama: 'ISLAM',
  pendidikan: 'SLTA/SEDERAJAT',
  pekerjaan: 'PELAJAR/MAHASISWA',
  status_kawin: 'BELUM KAWIN',
  shdk: 'ANAK',
  nama_ayah: 'BUDI SANTOSO',
  nama_ibu: 'SITI AMINAH',
});

const datar = (s: string) => s.replace(/\s+/g, ' ');

describe('attachments', () => {
  it('adds F-1.01 as a landscape page with the family and its members', async () => {
    const r = await renderSuratPdf(
      suratInput({
        lampiran: [
          {
            kode: 'F-1.01',
            values: {
              ...wilayah,
              no_kk: '3317050101900009',
              nama_kepala_keluarga: 'BUDI SANTOSO',
              rt: '003',
              rw: '001',
            },
            anggota: [anggota(1), anggota(2), { nama: 'TANPA DATA' }],
          },
        ],
      }),
    );
    expect(r.halaman).toBe(2);
    const sizes = await pdfUkuranHalaman(r.pdf);
    expect(sizes[0]?.height).toBeCloseTo(935.43, 1);
    expect(sizes[1]?.width).toBeCloseTo(935.43, 1);
    expect(sizes[1]?.height).toBeCloseTo(609.45, 1);
    const page = datar(pdfTeks(r.pdf, { halaman: 2 }));
    for (const s of [
      'F-1.01',
      'FORMULIR BIODATA KELUARGA',
      '3317050101900009',
      'BUDI SANTOSO',
      'ANGGOTA KE 1',
      'ANGGOTA KE 2',
    ]) {
      expect(page).toContain(s);
    }
    expect(page).toContain('3317054101900002');
    expect(page).toContain('REMBANG, 01-02-2001');
    expect(page).toContain('TANPA DATA');
    expect(page).toContain('Kepala Keluarga');
    expect(page).toContain('AHMAD FAUZI');
    // The letter's page numbering stops at the letter.
    expect(page).not.toContain('Halaman');
    expect(datar(pdfTeks(r.pdf, { halaman: 1 }))).not.toContain('FORMULIR');
  });

  it('continues a long member table on the next page with its header repeated', async () => {
    const r = await renderSuratPdf(
      suratInput({
        lampiran: [{ kode: 'F-1.01', values: wilayah, anggota: Array.from({ length: 40 }, (_, i) => anggota(i + 1)) }],
      }),
    );
    expect(r.halaman).toBeGreaterThanOrEqual(3);
    const last = datar(pdfTeks(r.pdf, { halaman: r.halaman }));
    expect(last).toContain('ANGGOTA KE 40');
    expect(last).toContain('Nama Lengkap');
  });

  it('adds F-2.01 for a birth or a death, with the matching section', async () => {
    const lahir = await renderSuratPdf(
      suratInput({
        lampiran: [
          {
            kode: 'f-2.01',
            values: {
              ...wilayah,
              jenis: 'kelahiran',
              anak_nama: 'BAYI MUNGIL',
              ayah_nama: 'BUDI',
              saksi1_nama: 'SAKSI SATU',
            },
          },
        ],
      }),
    );
    const p = datar(pdfTeks(lahir.pdf, { halaman: 2 }));
    for (const s of [
      'F-2.01',
      'FORMULIR PELAPORAN PENCATATAN SIPIL',
      'KELAHIRAN',
      'DATA ANAK',
      'BAYI MUNGIL',
      'SAKSI SATU',
    ])
      expect(p).toContain(s);
    expect(p).not.toContain('DATA KEMATIAN');

    const mati = await renderSuratPdf(
      suratInput({ lampiran: [{ kode: 'F-2.01', values: { jenazah_nama: 'ALM. KARTO', jenazah_sebab: 'SAKIT' } }] }),
    );
    const q = datar(pdfTeks(mati.pdf, { halaman: 2 }));
    for (const s of ['KEMATIAN', 'DATA KEMATIAN', 'ALM. KARTO', 'SAKIT']) expect(q).toContain(s);
    expect(q).not.toContain('DATA ANAK');
  });

  it('renders several attachments in order', async () => {
    const r = await renderSuratPdf(
      suratInput({
        lampiran: [
          { kode: 'F-2.01', values: {} },
          { kode: 'F-1.01', values: {}, anggota: [] },
        ],
      }),
    );
    expect(r.halaman).toBe(3);
    expect(pdfTeks(r.pdf, { halaman: 2 })).toContain('F-2.01');
    expect(pdfTeks(r.pdf, { halaman: 3 })).toContain('Tidak ada anggota keluarga');
  });

  it('refuses an attachment code it does not know', async () => {
    const attempt = renderSuratPdf(suratInput({ lampiran: [{ kode: 'N-1', values: {} }] }));
    await expect(attempt).rejects.toBeInstanceOf(LampiranTidakTersediaError);
    await expect(attempt).rejects.toMatchObject({ kode: 'N-1' });
  });

  it('chooses the F-2.01 kind from jenis, else from the deceased name', () => {
    expect(jenisF201({ jenis: 'KEMATIAN' })).toBe('kematian');
    expect(jenisF201({ jenazah_nama: 'X' })).toBe('kematian');
    expect(jenisF201({ jenazah_nama: ' ' })).toBe('kelahiran');
    expect(jenisF201({ jenis: 'kelahiran', jenazah_nama: 'X' })).toBe('kelahiran');
  });
});
