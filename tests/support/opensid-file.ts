/**
 * OpenSID resident workbooks for the import tests: header row, data rows as objects keyed by column name,
 * the `###` end marker and a "Kode Data" sheet, as the official template lays them out.
 */
import ExcelJS from 'exceljs';
import { KOLOM_PENDUDUK } from '#src/features/impor/impor-kolom.js';
import type { ImporContext } from '#src/features/impor/impor-tugas.service.js';
import type { Db } from '#src/lib/db/connect.js';

export type Cells = Record<string, string | number | Date | null>;

export const ALL_COLUMNS = KOLOM_PENDUDUK.map((k) => k.nama);

export async function writeOpenSid(
  path: string,
  rows: readonly Cells[],
  opts: { columns?: readonly string[]; endMarker?: boolean; afterMarker?: Cells[] } = {},
): Promise<void> {
  const columns = opts.columns ?? ALL_COLUMNS;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data Penduduk');
  ws.addRow([...columns]);
  const line = (r: Cells) => columns.map((c) => r[c] ?? null);
  for (const r of rows) ws.addRow(line(r));
  if (opts.endMarker) {
    const marker = ws.addRow([]);
    marker.getCell(2).value = '###';
    marker.getCell(3).value = 'Sisipkan baris di atas tanda ini';
    for (const r of opts.afterMarker ?? []) ws.addRow(line(r));
  }
  const codes = wb.addWorksheet('Kode Data');
  codes.addRow(['nik', 'bukan kolom']);
  await wb.xlsx.writeFile(path);
}

export function importContext(db: Db, dataDir: string): ImporContext {
  return { db, dataDir, limits: { maxBytes: 50 * 1024 * 1024, maxUncompressedBytes: 1024 ** 3, maxRows: 200_000 } };
}

/** A valid NIK: Kaliori prefix, birth date (women +40), serial. */
export function nikFor(tanggallahir: string, sex: 1 | 2, serial: number, prefix = '331709'): string {
  const [y, m, d] = tanggallahir.split('-');
  return `${prefix}${String(Number(d) + (sex === 2 ? 40 : 0)).padStart(2, '0')}${m}${y?.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** A family of three: head, wife, child, in dusun Krajan RT 001 (no RW). */
export function family(kk: string, serial: number, overrides: Partial<Record<'head' | 'wife' | 'child', Cells>> = {}) {
  const base = { alamat: 'Jl. Pantura', dusun: 'KRAJAN', rw: '-', rt: '1', no_kk: kk, agama_id: 1, warganegara_id: 1 };
  return [
    {
      ...base,
      nama: 'Sutrisno',
      nik: nikFor('1975-04-12', 1, serial),
      sex: 1,
      tanggallahir: '1975-04-12',
      kk_level: 1,
      status_kawin: 2,
      tempatlahir: 'Rembang',
      ...overrides.head,
    },
    {
      ...base,
      nama: 'Siti Aminah',
      nik: nikFor('1980-10-02', 2, serial + 1),
      sex: 2,
      tanggallahir: '02-10-1980',
      kk_level: 3,
      status_kawin: 2,
      ...overrides.wife,
    },
    {
      ...base,
      nama: 'Dewi Lestari',
      nik: nikFor('2010-01-30', 2, serial + 2),
      sex: 2,
      tanggallahir: '30/01/2010',
      kk_level: 4,
      status_kawin: 1,
      nama_ayah: 'Sutrisno',
      nama_ibu: 'Siti Aminah',
      ...overrides.child,
    },
  ] satisfies Cells[];
}
