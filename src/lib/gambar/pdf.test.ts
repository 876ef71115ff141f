import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { periksaPdf } from './pdf.js';

const ditolak = (key: string, kolom = 'berkas') => ({ status: 400, key: 'invalid', fields: { [kolom]: key } });

/** A small hand-made PDF: `katalog` goes into the catalog dictionary, `lain` are extra objects. */
function pdf(katalog = '', lain: string[] = [], ekor = '%%EOF\n'): Buffer {
  const objek = [
    `<< /Type /Catalog /Pages 2 0 R ${katalog} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ...lain,
  ];
  const badan = objek.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join('');
  return Buffer.from(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${badan}trailer\n<< /Root 1 0 R /Size ${objek.length + 1} >>\n${ekor}`,
    'latin1',
  );
}

/** An object stream (compressed objects, as modern writers make them) holding `isi`. */
function objStm(isi: string): string {
  const data = deflateSync(Buffer.from(isi, 'latin1'));
  return `<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`;
}

const cek = (buf: Buffer) => () => periksaPdf(buf);

describe('periksaPdf', () => {
  it('accepts a plain PDF, hand-made or written by a PDF library (compressed object streams)', async () => {
    expect(cek(pdf('/OpenAction [3 0 R /Fit]'))).not.toThrow();
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Peraturan Desa Mojowarno Nomor 1 Tahun 2026', {
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    doc.setTitle('Perdes 1/2026');
    const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(cek(bytes)).not.toThrow();
    expect(cek(Buffer.concat([bytes, Buffer.from('\r\n\n')]))).not.toThrow();
  });

  it('refuses JavaScript, launch actions and embedded files', () => {
    const js = pdf('/OpenAction 4 0 R', ['<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>']);
    expect(cek(js)).toThrow(expect.objectContaining(ditolak('pdfBerisiAktif')));
    expect(cek(pdf('/AA << /O << /S /JS /JS (x) >> >>'))).toThrow(expect.objectContaining(ditolak('pdfBerisiAktif')));
    const launch = pdf('/OpenAction << /S /Launch /F (cmd.exe) >>');
    expect(cek(launch)).toThrow(expect.objectContaining(ditolak('pdfBerisiAktif')));
    const sisipan = pdf('/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>', [
      '<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>',
    ]);
    expect(cek(sisipan)).toThrow(expect.objectContaining(ditolak('pdfBerisiAktif')));
    expect(cek(pdf('/AcroForm << /XFA 4 0 R >>'))).toThrow(expect.objectContaining(ditolak('pdfBerisiAktif')));
  });

  it('sees through name escapes and compressed object streams', () => {
    expect(cek(pdf('/OpenAction << /S /J#61vaScript /J#53 (x) >>'))).toThrow(
      expect.objectContaining(ditolak('pdfBerisiAktif')),
    );
    const tersembunyi = pdf('', [objStm('4 0 << /S /JavaScript /JS (app.launchURL\\("https://slot.example"\\)) >>')]);
    expect(tersembunyi.includes('JavaScript')).toBe(false);
    expect(cek(tersembunyi)).toThrow(expect.objectContaining(ditolak('pdfBerisiAktif')));
    expect(cek(pdf('', [objStm('4 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')]))).not.toThrow();
  });

  it('does not mistake text that merely mentions the words for actions', () => {
    expect(cek(pdf('/Lang (id)', ['<< /Title (Panduan JavaScript dan /JSON untuk desa) >>']))).not.toThrow();
    expect(cek(pdf('/JSON 1'))).not.toThrow();
  });

  it('refuses encrypted PDFs, which cannot be checked', () => {
    const terkunci = Buffer.from(pdf().toString('latin1').replace('/Size 4', '/Size 4 /Encrypt 9 0 R'), 'latin1');
    expect(cek(terkunci)).toThrow(expect.objectContaining(ditolak('pdfTerenkripsi')));
  });

  it('refuses what is not a whole PDF: other files, junk before the header, data after the end, truncation', () => {
    expect(cek(Buffer.from('<html><script>alert(1)</script></html>'))).toThrow(
      expect.objectContaining(ditolak('pdfTidakValid')),
    );
    expect(cek(Buffer.concat([Buffer.from('<?php system($_GET[1]); ?>'), pdf()]))).toThrow(
      expect.objectContaining(ditolak('pdfTidakValid')),
    );
    expect(cek(Buffer.concat([pdf(), Buffer.from('<html><script>alert(1)</script></html>')]))).toThrow(
      expect.objectContaining(ditolak('pdfTidakValid')),
    );
    const utuh = pdf();
    expect(cek(utuh.subarray(0, utuh.length - 20))).toThrow(expect.objectContaining(ditolak('pdfTidakValid')));
    expect(cek(Buffer.from('%PDF-x'))).toThrow(expect.objectContaining(ditolak('pdfTidakValid')));
  });

  it('refuses an empty or oversized file', () => {
    expect(cek(Buffer.alloc(0))).toThrow(expect.objectContaining(ditolak('berkasKosong')));
    const besar = pdf('', [`<< /Pad (${'x'.repeat(2_000)}) >>`]);
    expect(() => periksaPdf(besar, { batasByte: 1_048_576 * 0.001, kolom: 'lampiran' })).toThrow(
      expect.objectContaining(ditolak('berkasTerlaluBesar|0', 'lampiran')),
    );
  });

  it('refuses an object stream bomb, or one it cannot decode, and leaves page streams alone', () => {
    // 100 MB of zeros compress to ~100 KB: beyond the 64 MB budget, refused without inflating it all
    const bom = deflateSync(Buffer.alloc(100 * 1_048_576)).toString('latin1');
    const stm = (dict: string, data: string) => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
    const mulai = performance.now();
    expect(() =>
      periksaPdf(pdf('', [stm('/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode', bom)]), { batasByte: 1e7 }),
    ).toThrow(expect.objectContaining(ditolak('pdfTidakValid')));
    expect(performance.now() - mulai).toBeLessThan(3000);
    // a page's content stream is not inflated at all
    expect(() => periksaPdf(pdf('', [stm('/Filter /FlateDecode', bom)]), { batasByte: 1e7 })).not.toThrow();
    // an object stream behind another filter could hide anything: refused
    const hex = Buffer.from('4 0 << /S /JavaScript >>').toString('hex');
    expect(cek(pdf('', [stm('/Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode', hex)]))).toThrow(
      expect.objectContaining(ditolak('pdfTidakValid')),
    );
    expect(cek(pdf('', [stm('/Type/ObjStm/N 1/First 4', '4 0 << /S /Launch >>')]))).toThrow(
      expect.objectContaining(ditolak('pdfBerisiAktif')),
    );
  });
});
