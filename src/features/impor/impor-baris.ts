import type { CellValue } from '#src/lib/xlsx/xlsx-read.js';
import { KOLOM_GALAT, KOLOM_PENDUDUK, type Kolom, WAJIB_BARU } from './impor-kolom.js';
import { readCell } from './impor-nilai.js';

/** A problem of one row (or of the header, row 1): message key, localised when shown. */
export interface Masalah {
  baris: number;
  kolom: string;
  pesan: string;
  /** the sheet, when the data is on more than one */
  lembar?: string;
}

/** The header row: which column each position holds (null = ignored). */
export type Header = readonly (Kolom | null)[];

export type HeaderResult = { ok: true; header: Header } | { ok: false; masalah: Masalah[] };

/**
 * Row 1: every name must be one of the 43 (any order, any subset), else the whole file is refused, as in
 * OpenSID. `galat` (Balai's report column) is ignored. No. KK and NIK must be there.
 */
export function readHeader(cells: readonly CellValue[]): HeaderResult {
  const byName = new Map(KOLOM_PENDUDUK.map((k) => [k.nama, k]));
  const masalah: Masalah[] = [];
  const seen = new Set<string>();
  const header = cells.map((cell, i): Kolom | null => {
    const name = String(cell ?? '')
      .trim()
      .toLowerCase();
    if (name === '' || name === KOLOM_GALAT) return null;
    const kolom = byName.get(name);
    if (!kolom) masalah.push({ baris: 1, kolom: columnLetter(i), pesan: `imporKolomTidakDikenal|${name}` });
    else if (seen.has(name)) masalah.push({ baris: 1, kolom: columnLetter(i), pesan: `imporKolomGanda|${name}` });
    else seen.add(name);
    return kolom ?? null;
  });
  for (const wajib of ['nik', 'no_kk'])
    if (!seen.has(wajib)) masalah.push({ baris: 1, kolom: wajib, pesan: `imporKolomWajib|${wajib}` });
  return masalah.length > 0 ? { ok: false, masalah } : { ok: true, header };
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A row read and checked on its own (before it is compared with the register and the rest of the file). */
export interface BarisPenduduk {
  /** position among the data rows of the file (unique across sheets) */
  urut: number;
  baris: number;
  lembar?: string;
  /** null = `0`: no NIK yet */
  nik: string | null;
  no_kk: string;
  /** the non-empty cells, read: codes as numbers, dates as YYYY-MM-DD */
  nilai: Record<string, string | number | null>;
  /** warnings found in the cells (saved anyway) */
  peringatan?: Masalah[];
}

export interface BarisResult {
  row: BarisPenduduk | null;
  errors: Masalah[];
  warnings: Masalah[];
}

/** Column B (`dusun` in the template) holding `###` ends the data. */
export const isEndMarker = (cells: readonly CellValue[]) => String(cells[1] ?? '').trim() === '###';

export function readRow(header: Header, cells: readonly CellValue[], baris: number): BarisResult {
  const errors: Masalah[] = [];
  const warnings: Masalah[] = [];
  // nik and no_kk are kept apart from the other values (not added then deleted: an object that loses
  // properties turns into a slow dictionary for every later read and for JSON)
  const nilai: Record<string, string | number | null> = {};
  let nik: string | number | null | undefined;
  let noKk: string | number | null | undefined;
  for (let i = 0; i < header.length; i += 1) {
    const kolom = header[i];
    const cell = cells[i] ?? null;
    if (!kolom || cell === null || (typeof cell === 'string' && cell.trim() === '')) continue;
    const r = readCell(kolom, cell);
    if (!r.ok) errors.push({ baris, kolom: kolom.nama, pesan: r.problem });
    else {
      if (kolom.nama === 'nik') nik = r.value;
      else if (kolom.nama === 'no_kk') noKk = r.value;
      else nilai[kolom.nama] = r.value;
      if (r.warning) warnings.push({ baris, kolom: kolom.nama, pesan: r.warning });
    }
  }
  if (nik === undefined && !errors.some((e) => e.kolom === 'nik'))
    errors.push({ baris, kolom: 'nik', pesan: 'imporNikWajib' });
  if (noKk === undefined && !errors.some((e) => e.kolom === 'no_kk'))
    errors.push({ baris, kolom: 'no_kk', pesan: 'wajibDiisi' });
  if (typeof nilai.tanggallahir === 'string' && nilai.tanggallahir > todayUtc())
    errors.push({ baris, kolom: 'tanggallahir', pesan: 'imporTanggalLahirNanti' });
  if (errors.length > 0) return { row: null, errors, warnings };
  const row: BarisPenduduk = { urut: 0, baris, nik: (nik ?? null) as string | null, no_kk: noKk as string, nilai };
  if (warnings.length > 0) row.peringatan = warnings;
  return { row, errors, warnings };
}

/** today's date (UTC) as YYYY-MM-DD, worked out once a second rather than once a row */
let today = { at: 0, iso: '' };
function todayUtc(): string {
  const now = Date.now();
  if (now - today.at > 1_000) today = { at: now, iso: new Date(now).toISOString().slice(0, 10) };
  return today.iso;
}

/** Columns a row for a person not yet in the register must have. */
export function missingForNew(row: BarisPenduduk): Masalah[] {
  return WAJIB_BARU.filter((k) => !(k in row.nilai)).map((k) => ({
    baris: row.baris,
    kolom: k,
    pesan: 'imporWajibBaru',
  }));
}
