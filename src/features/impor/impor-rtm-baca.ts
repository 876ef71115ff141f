import { codeFromInput } from '#src/domain/codes.js';
import { nikOrNone } from '#src/lib/forms/penduduk-fields.js';
import type { CellValue } from '#src/lib/xlsx/xlsx-read.js';
import {
  type BacaOptions,
  type HasilBaca,
  type SheetFormat,
  stagedChunks,
  stageWorkbook,
  type Tahap,
} from './impor-baca.js';
import { columnLetter, type Masalah } from './impor-baris.js';
import { KOLOM_GALAT } from './impor-kolom.js';
import { cellText, isTruncatedNumber } from './impor-nilai.js';

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
export type TahapRtm = Tahap<BarisRtm>;

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
  if (isTruncatedNumber(nikCell)) row.peringatan = [{ baris, kolom: KOLOM_RTM.nik, pesan: 'imporAngkaBukanTeks' }];
  return { row, errors };
}

const isEndMarker = (cells: readonly CellValue[]) => cells.slice(0, 3).some((c) => String(c ?? '').trim() === '###');

const RTM: SheetFormat<HeaderRtm, BarisRtm> = {
  readHeader(cells) {
    const h = readRtmHeader(cells);
    return h.masalah.length > 0 ? { ok: false, masalah: h.masalah } : { ok: true, header: h.header };
  },
  readRow: readRtmRow,
  isEndMarker,
  keepRaw: 'all',
};

/** OpenSID's household sheet (FormatImporRTM): three columns; every row keeps its raw cells for the report. */
export function readRtmWorkbook(path: string, stagedPath: string, opts: BacaOptions): Promise<HasilBaca> {
  const { onChunk: _resident, ...rest } = opts;
  return stageWorkbook(path, stagedPath, rest, RTM);
}

/** The staged household rows again, in chunks. */
export async function* stagedRtmChunks(stagedPath: string, size: number): AsyncGenerator<TahapRtm[]> {
  for await (const chunk of stagedChunks(stagedPath, size)) yield chunk as unknown as TahapRtm[];
}
