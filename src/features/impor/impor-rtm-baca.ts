import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { codeFromInput } from '#src/domain/codes.js';
import { nikOrNone } from '#src/lib/forms/penduduk-fields.js';
import { type CellValue, readRows } from '#src/lib/xlsx/xlsx-read.js';
import { type BacaOptions, BerkasDitolak, type HasilBaca, stagedChunks } from './impor-baca.js';
import { columnLetter, type Masalah } from './impor-baris.js';
import { KOLOM_GALAT } from './impor-kolom.js';
import { cellText } from './impor-nilai.js';

/**
 * Reading OpenSID's household workbook (FormatImporRTM.xlsx, reference import-format.md §9): every sheet but
 * "Kode Data", a header row naming the three columns, then one row per person. Rows are checked on their own
 * and staged as JSON lines, as the resident reader does; the register is not looked at here.
 */
export const KOLOM_RTM = {
  nik: 'NIK',
  nomor: 'NOMOR RUMAH TANGGA',
  level: 'STATUS HUBUNGAN DALAM RUMAH TANGGA',
} as const;
type KolomRtm = keyof typeof KOLOM_RTM;

/** Header names compared without case, spaces or underscores ("Nomor_Rumah_Tangga" is fine). */
const squash = (text: string) => text.toLowerCase().replace(/[\s_]+/g, '');
const BY_NAME = new Map(Object.entries(KOLOM_RTM).map(([k, nama]) => [squash(nama), k as KolomRtm]));

/** A row read and checked on its own. */
export interface BarisRtm {
  urut: number;
  baris: number;
  lembar?: string;
  nik: string;
  nomor: string;
  /** hubungan_rumah_tangga: 1 kepala, 2 anggota */
  level: number;
  peringatan?: Masalah[];
}

/** One staged data row (the same shape as the resident reader's, with a household row). */
export interface TahapRtm {
  urut: number;
  baris: number;
  lembar?: string;
  mentah: CellValue[];
  row: BarisRtm | null;
}

type HeaderRtm = readonly (KolomRtm | null)[];

export function readRtmHeader(cells: readonly CellValue[]): { header: HeaderRtm; masalah: Masalah[] } {
  const masalah: Masalah[] = [];
  const seen = new Set<KolomRtm>();
  const header = cells.map((cell, i): KolomRtm | null => {
    const name = String(cell ?? '').trim();
    if (name === '' || name.toLowerCase() === KOLOM_GALAT) return null;
    const kolom = BY_NAME.get(squash(name));
    if (!kolom)
      masalah.push({ baris: 1, kolom: columnLetter(i), pesan: `imporKolomTidakDikenal|${name.slice(0, 60)}` });
    else if (seen.has(kolom))
      masalah.push({ baris: 1, kolom: columnLetter(i), pesan: `imporKolomGanda|${KOLOM_RTM[kolom]}` });
    else seen.add(kolom);
    return kolom ?? null;
  });
  for (const [k, nama] of Object.entries(KOLOM_RTM))
    if (!seen.has(k as KolomRtm)) masalah.push({ baris: 1, kolom: nama, pesan: `imporKolomWajib|${nama}` });
  return { header, masalah };
}

const NIK = nikOrNone();
const NOMOR = /^[\p{L}\p{N} ./-]+$/u;

/** A 16-digit number kept by Excel as a number has lost its last digit if it ends in 0 (15 significant digits). */
const lostDigit = (cell: CellValue) => typeof cell === 'number' && cell >= 1e15 && cell % 10 === 0;

export function readRtmRow(
  header: HeaderRtm,
  cells: readonly CellValue[],
  baris: number,
): { row: BarisRtm | null; errors: Masalah[] } {
  const text: Partial<Record<KolomRtm, string>> = {};
  header.forEach((k, i) => {
    if (k) text[k] = cellText(cells[i] ?? null);
  });
  const errors: Masalah[] = [];
  const fail = (k: KolomRtm, pesan: string) => errors.push({ baris, kolom: KOLOM_RTM[k], pesan });
  // a leading apostrophe (Excel's "keep as text" typed into the cell) is not part of the number
  const nik = NIK.safeParse((text.nik ?? '').replace(/^'+/, ''));
  if (!nik.success) fail('nik', nik.error.issues[0]?.message ?? 'nikFormat');
  else if (nik.data === null) fail('nik', 'imporRtmNikWajib');
  const nomor = text.nomor ?? '';
  if (nomor === '') fail('nomor', 'wajibDiisi');
  else if (nomor.length > 30) fail('nomor', 'terlaluPanjang|30');
  else if (!NOMOR.test(nomor)) fail('nomor', 'imporRtmNomorTidakValid');
  const level = text.level ? codeFromInput('hubungan_rumah_tangga', text.level) : null;
  if (!text.level) fail('level', 'wajibDiisi');
  else if (level === null) fail('level', 'pilihanTidakValid');
  if (errors.length > 0 || !nik.success || !nik.data || level === null) return { row: null, errors };
  const row: BarisRtm = { urut: 0, baris, nik: nik.data, nomor, level };
  const nikCell = cells[header.indexOf('nik')] ?? null;
  if (lostDigit(nikCell)) row.peringatan = [{ baris, kolom: KOLOM_RTM.nik, pesan: 'imporAngkaBukanTeks' }];
  return { row, errors };
}

const isEndMarker = (cells: readonly CellValue[]) => cells.slice(0, 3).some((c) => String(c ?? '').trim() === '###');

/** First step: stream the workbook, check each row's cells, stage every data row as one JSON line. */
export async function readRtmWorkbook(path: string, stagedPath: string, opts: BacaOptions): Promise<HasilBaca> {
  const out = createWriteStream(stagedPath, { encoding: 'utf8', mode: 0o600 });
  const result: HasilBaca = { total: 0, header: [], errors: [] };
  let sheet: string | null = null;
  let sheetIndex = -1;
  let header: HeaderRtm | null = null;
  let ended = false;
  try {
    for await (const { sheet: name, row, cells } of readRows(path, {
      skipSheets: ['Kode Data'],
      maxRows: opts.maxRows,
    })) {
      if (name !== sheet) {
        [sheet, sheetIndex, header, ended] = [name, sheetIndex + 1, null, false];
      }
      if (ended) continue;
      if (header === null) {
        const h = readRtmHeader(cells);
        if (h.masalah.length > 0) throw new BerkasDitolak(h.masalah);
        header = h.header;
        if (sheetIndex === 0) result.header = cells.map((c) => String(c ?? ''));
        continue;
      }
      if (isEndMarker(cells)) {
        ended = true;
        continue;
      }
      result.total += 1;
      const lembar = sheetIndex > 0 ? name : undefined;
      const mark = (m: Masalah): Masalah => (lembar ? { ...m, lembar } : m);
      const r = readRtmRow(header, cells, row);
      result.errors.push(...r.errors.map(mark));
      const where = { urut: result.total, baris: row, ...(lembar ? { lembar } : {}) };
      const staged: TahapRtm = {
        ...where,
        mentah: cells,
        row: r.row
          ? { ...r.row, ...where, ...(r.row.peringatan ? { peringatan: r.row.peringatan.map(mark) } : {}) }
          : null,
      };
      if (!out.write(`${JSON.stringify(staged)}\n`)) await once(out, 'drain');
      if (result.total % 5_000 === 0) opts.progress?.(result.total);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (header === null) throw new BerkasDitolak([{ baris: 1, kolom: '', pesan: 'imporTanpaHeader' }]);
  return result;
}

/** The staged household rows again, in chunks. */
export async function* stagedRtmChunks(stagedPath: string, size: number): AsyncGenerator<TahapRtm[]> {
  for await (const chunk of stagedChunks(stagedPath, size)) yield chunk as unknown as TahapRtm[];
}
