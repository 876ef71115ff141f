import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir, workbookParts, writeZip } from '../../../tests/support/xlsx-files.js';
import { checkXlsxFile, DEFAULT_XLSX_LIMITS, XlsxRejected, type XlsxRejectedKode } from './xlsx-check.js';
import { createXlsxWriter } from './xlsx-write.js';

const TEMPLATE = 'tests/fixtures/impor/FormatImporExcel.xlsm';
const file = useTempDir();
const valid = file('valid.xlsx');

beforeAll(async () => {
  const writer = createXlsxWriter({ path: valid });
  writer.addSheet({ name: 'Data', headers: ['nik', 'nama'] }).addRow(['3201234567890123', 'Siti']);
  await writer.commit();
});

async function rejection(path: string, limits = DEFAULT_XLSX_LIMITS): Promise<XlsxRejected> {
  const error = await checkXlsxFile(path, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XlsxRejected)) throw new Error(`expected XlsxRejected, got ${String(error)}`);
  return error;
}

async function expectKode(path: string, kode: XlsxRejectedKode, limits = DEFAULT_XLSX_LIMITS) {
  const error = await rejection(path, limits);
  expect(error.kode).toBe(kode);
  return error.message;
}

describe('checkXlsxFile accepts workbooks', () => {
  it('a workbook written by createXlsxWriter', async () => {
    await expect(checkXlsxFile(valid, DEFAULT_XLSX_LIMITS)).resolves.toBeUndefined();
  });

  it("OpenSID's import template (.xlsm), whatever the file is called", async () => {
    const renamed = file('template.pdf');
    await copyFile(TEMPLATE, renamed);
    await expect(checkXlsxFile(renamed, DEFAULT_XLSX_LIMITS)).resolves.toBeUndefined();
  });
});

describe('checkXlsxFile judges by content, not by name', () => {
  it('a PDF, a text file or an empty file renamed .xlsx is not an Excel file', async () => {
    for (const [name, content] of [
      ['laporan.xlsx', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'],
      ['catatan.xlsx', 'nik;nama\n3201234567890123;Siti\n'],
      ['kosong.xlsx', ''],
    ] as const) {
      await writeFile(file(name), content);
      expect(await expectKode(file(name), 'bukanXlsx')).toMatch(/^Berkas ini bukan berkas Excel \(\.xlsx\)/);
    }
  });

  it('an old .xls (OLE2 compound file) is told to be saved as .xlsx', async () => {
    const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await writeFile(file('lama.xlsx'), ole2);
    expect(await expectKode(file('lama.xlsx'), 'xlsLama')).toMatch(/Excel lama \(\.xls\).*simpan sebagai/);
  });

  it('a zip that is not a workbook (a Word document, a plain zip, an .xlsb)', async () => {
    await writeZip(file('dokumen.xlsx'), [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<document/>' },
    ]);
    expect(await expectKode(file('dokumen.xlsx'), 'bukanXlsx')).toMatch(/tidak memuat buku kerja/);
    await writeZip(file('arsip.xlsx'), [{ name: 'foto.jpg', data: 'x' }]);
    await expectKode(file('arsip.xlsx'), 'bukanXlsx');
    await writeZip(file('biner.xlsx'), [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: 'x' },
    ]);
    expect(await expectKode(file('biner.xlsx'), 'bukanXlsx')).toMatch(/\.xlsb/);
  });
});

describe('checkXlsxFile refuses damaged files', () => {
  it('a truncated workbook', async () => {
    const whole = await readFile(valid);
    await writeFile(file('terpotong.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await expectKode(file('terpotong.xlsx'), 'rusak')).toMatch(/^Berkas rusak atau tidak lengkap/);
  });

  it('a workbook without [Content_Types].xml', async () => {
    await writeZip(file('tanpa-tipe.xlsx'), workbookParts({ data: '<worksheet/>' }).slice(1));
    await expectKode(file('tanpa-tipe.xlsx'), 'rusak');
  });

  it('a zip naming the same entry twice', async () => {
    const parts = workbookParts({ data: '<worksheet/>' });
    await writeZip(file('ganda.xlsx'), [...parts, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
    await expectKode(file('ganda.xlsx'), 'rusak');
  });

  it('passes system errors through (a missing file is not the operator’s fault)', async () => {
    await expect(checkXlsxFile(file('tidak-ada.xlsx'), DEFAULT_XLSX_LIMITS)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('checkXlsxFile guards resources', () => {
  it('a file above maxBytes, before reading it', async () => {
    const big = file('besar.xlsx');
    await copyFile(valid, big);
    await truncate(big, 51 * 1024 * 1024 + 300 * 1024); // sparse: nothing is written
    expect(await expectKode(big, 'terlaluBesar')).toBe(
      'Berkas terlalu besar: 51,3 MB, batas 50 MB. Bagi data menjadi beberapa berkas, lalu impor satu per satu.',
    );
  });

  it('a zip bomb: 200 MB of spaces compressed ~1000:1, refused from the directory alone', async () => {
    const bomb = file('bom.xlsx');
    await writeZip(bomb, workbookParts({ repeat: { fill: ' ', bytes: 200 * 1024 * 1024 } }));
    const started = performance.now();
    expect(await expectKode(bomb, 'bomZip')).toBe(
      'Berkas ditolak: isinya yang terkompresi terlalu besar (kemungkinan bom zip).',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('declared contents above maxUncompressedBytes', async () => {
    await expectKode(valid, 'bomZip', { ...DEFAULT_XLSX_LIMITS, maxUncompressedBytes: 10_000 });
  });

  it('more than 10,000 entries', async () => {
    const parts = workbookParts({ data: '<worksheet/>' });
    for (let i = 0; i < 10_000; i++) parts.push({ name: `xl/media/gambar${i}.png`, data: '' });
    await writeZip(file('banyak.xlsx'), parts);
    expect(await expectKode(file('banyak.xlsx'), 'bomZip')).toMatch(/10\.004 bagian, batas 10\.000/);
  });
});
