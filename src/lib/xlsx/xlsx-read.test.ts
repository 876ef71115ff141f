import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFileCount, sheetXml, useTempDir, workbookParts, writeZip } from '../../../tests/support/xlsx-files.js';
import { checkXlsxFile, DEFAULT_XLSX_LIMITS, XlsxRejected } from './xlsx-check.js';
import { readRows, type SheetRow } from './xlsx-read.js';
import { createXlsxWriter } from './xlsx-write.js';

const TEMPLATE = 'tests/fixtures/impor/FormatImporExcel.xlsm';
const file = useTempDir();
const written = file('penduduk.xlsx');
const long = file('panjang.xlsx');

beforeAll(async () => {
  const writer = createXlsxWriter({ path: written });
  writer.addSheet({ name: 'Kode Data', headers: ['kode'] }).addRow([1]);
  const data = writer.addSheet({ name: 'Data', headers: ['nik', 'nama', 'tanggallahir', 'anak'], textColumns: [0] });
  data.addRow(['3201234567890123', 'Siti Aminah', new Date('1990-05-17'), 2]);
  data.addRow([null, null, null, null]);
  data.addRow(['3201234567890124', 'é…ñ😀'.repeat(5000), null, 0.5]);
  writer.addSheet({ name: 'Lain', headers: ['x'] }).addRow(['=1+1']);
  await writer.commit();

  const longWriter = createXlsxWriter({ path: long });
  const sheet = longWriter.addSheet({ name: 'Data', headers: ['n', 'teks'] });
  for (let i = 1; i <= 5000; i++) sheet.addRow([i, `baris ${i}`]);
  await longWriter.commit();
});

async function collect(path: string, opts: Parameters<typeof readRows>[1]): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(path, opts)) rows.push(row);
  return rows;
}

async function rejection(promise: Promise<unknown>): Promise<XlsxRejected> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof XlsxRejected)) throw new Error(`expected XlsxRejected, got ${String(error)}`);
  return error;
}

describe('readRows', () => {
  it('reads back what createXlsxWriter wrote, skipping "Kode Data" and empty rows', async () => {
    const rows = await collect(written, { maxRows: 100, skipSheets: ['KODE DATA'] });
    expect(rows).toEqual([
      { sheet: 'Data', row: 1, cells: ['nik', 'nama', 'tanggallahir', 'anak'] },
      { sheet: 'Data', row: 2, cells: ['3201234567890123', 'Siti Aminah', new Date('1990-05-17'), 2] },
      { sheet: 'Data', row: 4, cells: ['3201234567890124', 'é…ñ😀'.repeat(5000), null, 0.5] },
      { sheet: 'Lain', row: 1, cells: ['x'] },
      { sheet: 'Lain', row: 2, cells: ["'=1+1"] },
    ]);
  });

  it("reads OpenSID's import template", async () => {
    const rows = await collect(TEMPLATE, { maxRows: 100, skipSheets: ['Kode Data'] });
    expect(new Set(rows.map((r) => r.sheet))).toEqual(new Set(['Data Penduduk']));
    const [header, example] = rows;
    expect(header?.row).toBe(1);
    expect(header?.cells).toHaveLength(43);
    expect(header?.cells.slice(0, 7)).toEqual(['alamat', 'dusun', 'rw', 'rt', 'nama', 'no_kk', 'nik']);
    expect(header?.cells[42]).toBe('lng');
    expect(example?.row).toBe(2);
    expect(example?.cells.slice(4, 10)).toEqual([
      'Nama Lengkap',
      '6453654545450056',
      '8788888888888456',
      2,
      'Kebumen',
      new Date('1978-03-28'),
    ]);
    expect(rows.find((r) => r.cells[1] === '###')?.row).toBe(13);
  });

  it('flattens rich text, formulas, hyperlinks, errors and booleans (shared strings)', async () => {
    const path = file('nilai.xlsx');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Data');
    ws.addRow([
      { richText: [{ text: 'Siti ', font: { bold: true } }, { text: 'Aminah' }] },
      { formula: '1+1', result: 2 },
      { formula: 'A1&"!"', result: 'Siti Aminah!' },
      { formula: 'DATE(1990,5,17)', result: new Date('1990-05-17') },
      { formula: 'NA()', result: { error: '#N/A' } },
      { text: 'situs desa', hyperlink: 'https://desa.id' },
      { error: '#DIV/0!' },
      true,
      '',
      'akhir',
    ]);
    ws.getCell('D1').numFmt = 'dd-mm-yyyy';
    await book.xlsx.writeFile(path);
    const [row] = await collect(path, { maxRows: 10 });
    expect(row?.cells).toEqual([
      'Siti Aminah',
      2,
      'Siti Aminah!',
      new Date('1990-05-17'),
      null,
      'situs desa',
      null,
      true,
      null,
      'akhir',
    ]);
  });

  it('refuses more rows than maxRows, counting over all sheets', async () => {
    await expect(collect(long, { maxRows: 5001 })).resolves.toHaveLength(5001);
    let seen = 0;
    const error = await rejection(
      (async () => {
        for await (const _ of readRows(long, { maxRows: 10 })) seen += 1;
      })(),
    );
    expect(error.kode).toBe('terlaluBanyakBaris');
    expect(error.message).toBe(
      'Berkas berisi lebih dari 10 baris. Bagi data menjadi beberapa berkas, lalu impor satu per satu.',
    );
    expect(seen).toBe(10);
  });

  it.runIf(process.platform === 'linux')('releases the file when the consumer stops early', async () => {
    const before = await openFileCount();
    for (let i = 0; i < 3; i++) {
      const rows: number[] = [];
      for await (const row of readRows(long, { maxRows: 10_000 })) {
        rows.push(row.row);
        if (rows.length === 3) break;
      }
      expect(rows).toEqual([1, 2, 3]);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openFileCount()).toBe(before);
  });

  it('refuses a zip that lies about sizes, once an entry inflates past its declared size', async () => {
    const path = file('bohong.xlsx');
    const huge = { repeat: { fill: ' ', bytes: 100 * 1024 * 1024 }, declaredSize: 2000 };
    await writeZip(path, workbookParts(huge));
    await expect(checkXlsxFile(path, DEFAULT_XLSX_LIMITS)).resolves.toBeUndefined(); // its directory looks fine
    // cut off at 2,000 bytes: inflating all 100 MB would end in 'rusak' (size mismatch) instead
    expect((await rejection(collect(path, { maxRows: 10 }))).kode).toBe('bomZip');
  });

  it('refuses damaged content as rusak', async () => {
    const broken = file('xml-rusak.xlsx');
    await writeZip(broken, workbookParts({ data: `${sheetXml([['nik'], ['1']]).slice(0, -30)}<<` }));
    expect((await rejection(collect(broken, { maxRows: 10 }))).kode).toBe('rusak');
    const noSheet = file('tanpa-lembar.xlsx');
    await writeZip(noSheet, workbookParts({ data: sheetXml([['x']]) }).slice(0, 3));
    expect((await rejection(collect(noSheet, { maxRows: 10 }))).kode).toBe('rusak');
    const emptyZip = file('zip-kosong.xlsx');
    await writeZip(emptyZip, []);
    expect((await rejection(collect(emptyZip, { maxRows: 10 }))).kode).toBe('bukanXlsx');
    const text = file('teks.xlsx');
    await writeFile(text, 'nik;nama\n');
    expect((await rejection(collect(text, { maxRows: 10 }))).kode).toBe('rusak');
  });

  it('reads a hand-made minimal workbook (inline strings, no styles, no shared strings)', async () => {
    const path = file('minimal.xlsx');
    await writeZip(
      path,
      workbookParts({
        data: sheetXml([
          ['nik', 'nama'],
          ['3201234567890123', 'A &amp; B'],
        ]),
      }),
    );
    expect(await collect(path, { maxRows: 10 })).toEqual([
      { sheet: 'Data', row: 1, cells: ['nik', 'nama'] },
      { sheet: 'Data', row: 2, cells: ['3201234567890123', 'A & B'] },
    ]);
  });

  it.runIf(process.platform === 'linux')('releases the file when a part is malformed', async () => {
    const path = file('buku-rusak.xlsx');
    const parts = workbookParts({ data: sheetXml([['x']]) });
    parts[1] = { name: 'xl/workbook.xml', data: `<workbook><sheets></workbook>${' '.repeat(3_000_000)}` };
    await writeZip(path, parts);
    const before = await openFileCount();
    expect((await rejection(collect(path, { maxRows: 10 }))).kode).toBe('rusak');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openFileCount()).toBe(before);
  });
});
