import { describe, expect, it } from 'vitest';
import {
  bacaQr,
  pdfFonts,
  pdfJumlahGambar,
  pdfKata,
  pdfTeks,
  pdfUkuranHalaman,
} from '../../../../tests/support/pdf-periksa.js';
import { suratInput } from '../../../../tests/support/surat-fixture.js';
import { renderSuratPdf } from './surat-render.js';

const CM = 72 / 2.54;
const F4 = { width: 609.45, height: 935.43 };
const A4 = { width: 595.28, height: 841.89 };

function ukuranKira(actual: { width: number; height: number }, expected: { width: number; height: number }) {
  expect(actual.width).toBeCloseTo(expected.width, 1);
  expect(actual.height).toBeCloseTo(expected.height, 1);
}

describe('renderSuratPdf: a typical letter', () => {
  it('fits one F4 page and carries name, number, desa and the substituted values', async () => {
    const r = await renderSuratPdf(suratInput());
    expect(r.halaman).toBe(1);
    expect(r.unknown).toEqual([]);
    const sizes = await pdfUkuranHalaman(r.pdf);
    expect(sizes).toHaveLength(1);
    ukuranKira(sizes[0] as { width: number; height: number }, F4);
    const text = pdfTeks(r.pdf).replace(/\s+/g, ' ');
    expect(text).toContain('SITI AMINAH');
    expect(text).toContain('Nomor: S-41/007/33.17.05.2001/XI/2026');
    expect(text).toContain('DESA BANYUDONO');
    expect(text).toContain('SURAT KETERANGAN DOMISILI');
    expect(text).toContain('Kepala Desa Banyudono, Kecamatan Kaliori, Kabupaten Rembang');
    expect(text).toContain('RT 003/RW 001');
    expect(text).toContain('AHMAD FAUZI');
    expect(text).not.toContain('Halaman 1');
    expect(text).not.toContain('ditandatangani secara elektronik');
    expect(pdfJumlahGambar(r.pdf)).toBe(1);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await renderSuratPdf(suratInput());
    const b = await renderSuratPdf(suratInput());
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('uses only the vendored Liberation fonts, sans by default or serif when chosen', async () => {
    const sans = await renderSuratPdf(suratInput({ body: 'Ṣāliḥ Nguyễn — “kutip” … **tebal**' }));
    expect(new Set(pdfFonts(sans.pdf))).toEqual(
      new Set(['LiberationSans', 'LiberationSans-Bold', 'LiberationSans-Italic']),
    );
    const serif = await renderSuratPdf(suratInput({ layout: { ...suratInput().layout, huruf: 'serif' } }));
    expect(pdfFonts(serif.pdf).filter((f) => !f.startsWith('LiberationSerif'))).toEqual([]);
  });

  it('prints A4 and landscape paper', async () => {
    const a4 = await renderSuratPdf(suratInput({ layout: { ...suratInput().layout, kertas: 'A4' } }));
    ukuranKira((await pdfUkuranHalaman(a4.pdf))[0] as { width: number; height: number }, A4);
    const land = await renderSuratPdf(suratInput({ layout: { ...suratInput().layout, orientasi: 'landscape' } }));
    const [size] = await pdfUkuranHalaman(land.pdf);
    ukuranKira(size as { width: number; height: number }, { width: F4.height, height: F4.width });
  });

  it('honours the margins', async () => {
    const kiriDari = async (kiri: number) => {
      const base = suratInput().layout;
      const r = await renderSuratPdf(suratInput({ layout: { ...base, margin: { ...base.margin, kiri, atas: 3 } } }));
      const words = pdfKata(r.pdf);
      return { yang: words.find((w) => w.kata === 'Yang'), atas: Math.min(...words.map((w) => w.yMin)) };
    };
    const dua = await kiriDari(2);
    const empat = await kiriDari(4);
    expect(dua.yang?.xMin).toBeCloseTo(2 * CM, 0);
    expect(empat.yang?.xMin).toBeCloseTo(4 * CM, 0);
    expect(dua.atas).toBeGreaterThanOrEqual(3 * CM - 1);
    // The signature block sits on the right half.
    const r = await renderSuratPdf(suratInput());
    expect(pdfKata(r.pdf).find((w) => w.kata === 'AHMAD')?.xMin).toBeGreaterThan(F4.width / 2);
  });

  it('prints a.n., u.b. and NIP lines when given, and reports unknown tokens', async () => {
    const r = await renderSuratPdf(
      suratInput({
        body: 'Untuk [form_tidak_ada] dan [Nama_kucing]. Keperluan: [form_keperluan].',
        values: { ...suratInput().values, form_keperluan: '' },
        kosong: '……',
        penandatangan: {
          atasNama: 'a.n. Kepala Desa Banyudono',
          ub: 'u.b. Kepala Urusan Umum',
          jabatan: 'Sekretaris Desa',
          nama: 'DEWI LESTARI',
          nip: '198001012010012001',
        },
      }),
    );
    expect(r.unknown).toEqual(['form_tidak_ada', 'nama_kucing']);
    const text = pdfTeks(r.pdf);
    expect(text).toContain('Untuk [form_tidak_ada] dan [Nama_kucing]. Keperluan: …….');
    for (const s of [
      'a.n. Kepala Desa Banyudono',
      'u.b. Kepala Urusan Umum',
      'Sekretaris Desa',
      'NIP. 198001012010012001',
    ])
      expect(text).toContain(s);
  });

  it('falls back to the regional logo when Garuda is asked for but not installed, and prints no image without one', async () => {
    const garuda = await renderSuratPdf(suratInput({ kop: { ...suratInput().kop, garuda: true } }));
    expect(pdfJumlahGambar(garuda.pdf)).toBe(1);
    const tanpa = await renderSuratPdf(suratInput({ kop: { ...suratInput().kop, logo: null } }));
    expect(pdfJumlahGambar(tanpa.pdf)).toBe(0);
    expect(pdfTeks(tanpa.pdf)).toContain('DESA BANYUDONO');
  });
});

describe('renderSuratPdf: long letters', () => {
  const paragraf = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `Paragraf ${i + 1}: ${'kalimat panjang yang mengisi halaman surat '.repeat(4)}`,
    ).join('\n\n');

  it('flows to a second page with the whole signature block on the last page', async () => {
    const r = await renderSuratPdf(suratInput({ body: paragraf(40) }));
    expect(r.halaman).toBeGreaterThanOrEqual(2);
    expect(await pdfUkuranHalaman(r.pdf)).toHaveLength(r.halaman);
    const last = pdfTeks(r.pdf, { halaman: r.halaman });
    expect(last).toContain('AHMAD FAUZI');
    expect(last).toContain('Banyudono, 28 November 2026');
    expect(last).toContain(`Halaman ${r.halaman} dari ${r.halaman}`);
    expect(pdfTeks(r.pdf, { halaman: 1 })).toContain(`Halaman 1 dari ${r.halaman}`);
  });

  it('never splits the signature block nor leaves it alone on a page, whatever the body length', async () => {
    let duaHalaman = 0;
    for (let n = 18; n <= 30; n++) {
      const r = await renderSuratPdf(suratInput({ body: paragraf(n) }));
      if (r.halaman > 1) duaHalaman++;
      const last = pdfTeks(r.pdf, { halaman: r.halaman });
      expect(last, `n=${n}`).toContain('Banyudono, 28 November 2026');
      expect(last, `n=${n}`).toContain('Kepala Desa Banyudono');
      expect(last, `n=${n}`).toContain('AHMAD FAUZI');
      expect(last, `n=${n}: the closing paragraph goes with the signature`).toContain(`Paragraf ${n}:`);
    }
    expect(duaHalaman).toBeGreaterThan(0);
  });
});

describe('renderSuratPdf: operator text cannot inject Typst', () => {
  it('prints every Typst special character literally', async () => {
    const evil = [
      '#import "@preview/cetz:0.3.0": *',
      '#read("/etc/passwd") $x^2$ *tebal* _miring_ <label> @ref',
      'garis \\ miring \\\\ dua ] kurung [ buka ` raw ` ~ tilde',
      '// bukan komentar /* juga bukan */',
      '= bukan judul',
      '- bukan daftar',
      '#{ panic("x") } #set page(width: 1cm)',
    ].join('\n');
    const r = await renderSuratPdf(
      suratInput({
        body: `${evil}\n\n| Nilai | [nama]`,
        values: { ...suratInput().values, nama: '#read("/etc/passwd") ]' },
      }),
    );
    const text = pdfTeks(r.pdf);
    for (const line of evil.split('\n')) expect(text).toContain(line);
    expect(text).toContain('#READ("/ETC/PASSWD") ]'.toLowerCase());
    expect(text).not.toMatch(/root:/);
    ukuranKira((await pdfUkuranHalaman(r.pdf))[0] as { width: number; height: number }, F4);
  });

  it('takes hostile text in the title, letterhead and signature too', async () => {
    const r = await renderSuratPdf(
      suratInput({
        judul: 'Surat "] #panic("x")\u0001\u009f',
        kop: { ...suratInput().kop, baris: ['#panic()', 'DESA $X$'], alamat: '\\" ] )' },
        penandatangan: { atasNama: ')]#x', jabatan: '#jabatan', nama: '*NAMA*', nip: '"' },
        tempatTanggal: '@tempat',
      }),
    );
    const text = pdfTeks(r.pdf);
    for (const s of [
      'SURAT "] #PANIC("X")',
      '#panic()',
      'DESA $X$',
      '\\" ] )',
      ')]#x',
      '#jabatan',
      '*NAMA*',
      'NIP. "',
      '@tempat',
    ])
      expect(text).toContain(s);
  });
});

describe('renderSuratPdf: drafts, QR and electronic signature', () => {
  it('marks a draft with DRAF and a placeholder number', async () => {
    const r = await renderSuratPdf(suratInput({ draf: true, nomor: null }));
    const raw = pdfTeks(r.pdf, { raw: true }).replace(/\s+/g, '');
    expect(raw.startsWith('DRAF')).toBe(true);
    expect(pdfTeks(r.pdf)).toContain('Nomor: …/…');
    const final = await renderSuratPdf(suratInput());
    expect(pdfTeks(final.pdf, { raw: true }).replace(/\s+/g, '')).not.toContain('DRAF');
  });

  it('prints a QR that decodes to the verification URL only when given', async () => {
    const url = 'https://balai.example.id/v/Xk3-9_aQ.eyJpZCI6IjAxSjk';
    const signed = await renderSuratPdf(suratInput({ qr: { url }, tte: true }));
    expect(signed.halaman).toBe(1);
    expect(bacaQr(signed.pdf)).toBe(url);
    expect(pdfTeks(signed.pdf)).toContain('ditandatangani secara elektronik');
    expect(pdfTeks(signed.pdf)).toContain('AHMAD FAUZI');
    const unsigned = await renderSuratPdf(suratInput());
    expect(bacaQr(unsigned.pdf)).toBeNull();
  });

  it("keeps each letter's own QR and data when many render at once", async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `https://balai.example.id/v/token-${i}`);
    const results = await Promise.all(
      urls.map((url, i) =>
        renderSuratPdf(
          suratInput({ qr: { url }, tte: true, values: { ...suratInput().values, nama: `Warga Nomor ${i}` } }),
        ),
      ),
    );
    results.forEach((r, i) => {
      expect(pdfTeks(r.pdf)).toContain(`WARGA NOMOR ${i}`);
    });
    expect(bacaQr((results[3] as { pdf: Uint8Array }).pdf)).toBe(urls[3]);
    expect(bacaQr((results[10] as { pdf: Uint8Array }).pdf)).toBe(urls[10]);
  });
});
