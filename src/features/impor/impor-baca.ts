import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type CellValue, readRowsThreaded } from '#src/lib/xlsx/xlsx-read.js';
import { type BarisPenduduk, type Header, isEndMarker, type Masalah, readHeader, readRow } from './impor-baris.js';

const CHUNK = 1_000;

/** Whole-file refusals (bad header): nothing of the file is used. */
export class BerkasDitolak extends Error {
  constructor(readonly masalah: Masalah[]) {
    super(masalah.map((m) => m.pesan).join('; '));
  }
}

export interface HasilBaca {
  /** data rows read (the header and rows after `###` not counted) */
  total: number;
  /** header names of the first data sheet, as written (for the report) */
  header: string[];
  errors: Masalah[];
}

export interface BacaOptions<T = BarisTahap> {
  maxRows: number;
  /** inflated size of the workbook's parts (zip bombs) */
  maxUncompressedBytes?: number;
  /** each chunk of staged rows as soon as it is read (to plan while the file is still being read) */
  onChunk?: (chunk: readonly T[]) => Promise<void>;
  /** called every few thousand rows */
  progress?: (rows: number) => void;
}

/** How one kind of OpenSID sheet is read: its header row, its data rows, where the data ends. */
export interface SheetFormat<H, R extends { peringatan?: Masalah[] }> {
  readHeader(cells: readonly CellValue[]): { ok: true; header: H } | { ok: false; masalah: Masalah[] };
  readRow(header: H, cells: readonly CellValue[], baris: number): { row: R | null; errors: Masalah[] };
  isEndMarker(cells: readonly CellValue[]): boolean;
  /** keep every row's raw cells (small rows), or only those refused while reading */
  keepRaw: 'all' | 'refused';
}

/** A data row as staged: where it was, the row read from its cells (or null), perhaps its raw cells. */
export interface Tahap<R> {
  urut: number;
  baris: number;
  lembar?: string;
  mentah?: CellValue[];
  row: (R & { urut: number; baris: number; lembar?: string }) | null;
}

/**
 * First step of an import: stream the workbook (every sheet but "Kode Data", each with its own header row,
 * each ending at its marker), read each row's cells and stage every data row as one JSON line in
 * `stagedPath`. Memory stays flat: rows are not kept (`onChunk` gets them in chunks as they are read).
 */
export async function stageWorkbook<H, R extends { peringatan?: Masalah[] }>(
  path: string,
  stagedPath: string,
  opts: BacaOptions<Tahap<R>>,
  format: SheetFormat<H, R>,
): Promise<HasilBaca> {
  const out = createWriteStream(stagedPath, { encoding: 'utf8', mode: 0o600 });
  const result: HasilBaca = { total: 0, header: [], errors: [] };
  let sheet: string | null = null;
  let sheetIndex = -1;
  let header: H | null = null;
  let ended = false;
  const pending: Tahap<R>[] = [];
  /** staged lines not yet written (written in batches: one stream write per row costs more than the JSON) */
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    for await (const { sheet: name, row, cells } of readRowsThreaded(path, {
      skipSheets: ['Kode Data'],
      maxRows: opts.maxRows,
      ...(opts.maxUncompressedBytes ? { maxUncompressedBytes: opts.maxUncompressedBytes } : {}),
    })) {
      if (name !== sheet) {
        [sheet, sheetIndex, header, ended] = [name, sheetIndex + 1, null, false];
      }
      if (ended) continue;
      if (header === null) {
        const h = format.readHeader(cells);
        if (!h.ok) throw new BerkasDitolak(h.masalah);
        header = h.header;
        if (sheetIndex === 0) result.header = cells.map((c) => String(c ?? ''));
        continue;
      }
      if (format.isEndMarker(cells)) {
        ended = true;
        continue;
      }
      result.total += 1;
      const lembar = sheetIndex > 0 ? name : undefined;
      const mark = (m: Masalah): Masalah => (lembar ? { ...m, lembar } : m);
      const r = format.readRow(header, cells, row);
      result.errors.push(...r.errors.map(mark));
      const where = { urut: result.total, baris: row, ...(lembar ? { lembar } : {}) };
      const staged: Tahap<R> = {
        ...where,
        ...(r.row && format.keepRaw === 'refused' ? {} : { mentah: cells }),
        row: r.row
          ? { ...r.row, ...where, ...(r.row.peringatan ? { peringatan: r.row.peringatan.map(mark) } : {}) }
          : null,
      };
      lines.push(`${JSON.stringify(staged)}\n`);
      if (lines.length >= 500) await flush();
      if (opts.onChunk) {
        pending.push(staged);
        if (pending.length >= CHUNK) await opts.onChunk(pending.splice(0));
      }
      if (result.total % 5_000 === 0) opts.progress?.(result.total);
    }
    await flush();
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (header === null) throw new BerkasDitolak([{ baris: 1, kolom: '', pesan: 'imporTanpaHeader' }]);
  if (opts.onChunk && pending.length > 0) await opts.onChunk(pending.splice(0));
  return result;
}

/** A resident row as staged (raw cells kept only when the cells themselves were refused). */
export type BarisTahap = Tahap<BarisPenduduk>;

const PENDUDUK: SheetFormat<Header, BarisPenduduk> = {
  readHeader,
  readRow,
  isEndMarker,
  keepRaw: 'refused',
};

/** OpenSID's resident sheets (FormatImporExcel). */
export function readWorkbook(path: string, stagedPath: string, opts: BacaOptions): Promise<HasilBaca> {
  return stageWorkbook(path, stagedPath, opts, PENDUDUK);
}

/** The staged rows again, in chunks (for the plan, the commit and the report). */
export async function* stagedChunks(stagedPath: string, size: number): AsyncGenerator<BarisTahap[]> {
  const lines = createInterface({ input: createReadStream(stagedPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let chunk: BarisTahap[] = [];
  for await (const line of lines) {
    if (line === '') continue;
    chunk.push(JSON.parse(line) as BarisTahap);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
