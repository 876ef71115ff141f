import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZipEntry, useTempDir } from '../../../tests/support/xlsx-files.js';
import { createXlsxWriter, neutraliseFormula, restoreNeutralised } from './xlsx-write.js';

const file = useTempDir();

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://contoh.id","klik")', `'=HYPERLINK("http://contoh.id","klik")`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=1+1", "''=1+1"],
  ])('quotes %j', (text, quoted) => {
    expect(neutraliseFormula(text)).toBe(quoted);
  });

  it.each(['-', '=', '+', '', 'Siti Aminah', '3201234567890123', "'Ainun", 'RT 001 - RW 002', ' =1'])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe('restoreNeutralised', () => {
  it('drops the quote neutraliseFormula added', () => {
    expect(restoreNeutralised("'=A1")).toBe('=A1');
    expect(restoreNeutralised("'-1")).toBe('-1');
    expect(restoreNeutralised("'@x")).toBe('@x');
    expect(restoreNeutralised("'\tx")).toBe('\tx');
  });

  it('keeps quotes it did not add', () => {
    for (const text of ["'Ainun", "'-", "'", 'Budi', "''"]) expect(restoreNeutralised(text)).toBe(text);
  });

  it('is the inverse of neutraliseFormula', () => {
    const texts = ['=1', '+62812', '-', '-5', "'=1", "''-x", "'", "'Ainun", '@', '@me', 'Budi', '', '\r\n'];
    for (const text of texts) expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
  });
});

describe('createXlsxWriter', () => {
  it('writes headers in bold, text columns as text, dates as dates, and never a formula', async () => {
    const path = file('penduduk.xlsx');
    const writer = createXlsxWriter({ path });
    const sheet = writer.addSheet({
      name: 'Penduduk',
      headers: ['nik', 'nama', 'tanggallahir', 'umur', 'catatan'],
      textColumns: [0],
      widths: [20, 30],
    });
    sheet.addRow(['3201234567890123', 'Siti', new Date('1990-05-17'), 35, '=HYPERLINK("http://x","klik")']);
    sheet.addRow([3201234567890, '+62812', null, null, '-']);
    await writer.commit();

    expect(await readZipEntry(path, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet('Penduduk');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('nik');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getCell('A2').value).toBe('3201234567890123');
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('A3').value).toBe('3201234567890');
    expect(ws.getCell('C2').value).toEqual(new Date('1990-05-17'));
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('D2').value).toBe(35);
    expect(ws.getCell('E2').value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(ws.getCell('B3').value).toBe("'+62812");
    expect(ws.getCell('E3').value).toBe('-');
  });

  it('neutralises headers too, and writes sheets one after another', async () => {
    const path = file('dua.xlsx');
    const writer = createXlsxWriter({ path });
    writer.addSheet({ name: 'Satu', headers: ['=a'] }).addRow(['x']);
    writer.addSheet({ name: 'Dua', headers: ['b'] }).addRow(['y']);
    await writer.commit();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Satu', 'Dua']);
    expect(book.getWorksheet('Satu')?.getCell('A1').value).toBe("'=a");
    expect(book.getWorksheet('Dua')?.getCell('A2').value).toBe('y');
  });

  it('streams into a Writable', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = createXlsxWriter({ stream });
    const sheet = writer.addSheet({ name: 'Data', headers: ['n'] });
    for (let i = 0; i < 2000; i++) {
      sheet.addRow([i]);
      if (i % 500 === 0) await writer.drained();
    }
    await writer.commit();
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('Data')?.rowCount).toBe(2001);
  });

  it('drained() waits while the target is not read, and fails once the target is closed', async () => {
    const stream = new PassThrough(); // nobody reads it, like a stalled download
    const writer = createXlsxWriter({ stream });
    const sheet = writer.addSheet({ name: 'Data', headers: ['teks'] });
    for (let i = 0; i < 1000; i++) sheet.addRow(Array.from({ length: 20 }, () => randomBytes(24).toString('hex')));
    const pending = writer.drained();
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    stream.destroy();
    await expect(pending).rejects.toThrow(/closed before the workbook was written/);
    await expect(writer.drained()).rejects.toThrow(/closed/);
  });

  it('reports a file that cannot be written', async () => {
    const writer = createXlsxWriter({ path: file('tidak-ada/berkas.xlsx') });
    writer.addSheet({ name: 'Data', headers: ['n'] }).addRow([1]);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(writer.commit()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
