/**
 * Streaming rows out of an .xlsx workbook with flat memory, for imports of up to a million rows.
 *
 * The zip is opened with yauzl, each part by random access from the central directory already checked by
 * `openXlsxZip` (declared sizes, compression ratios); every entry is cut off as soon as it inflates past its
 * declared size, and the text is decoded as one stream (characters split between chunks stay whole). Since the
 * declared sizes add up to at most `maxUncompressedBytes`, so do the bytes actually inflated. The workbook's
 * parts are parsed by xlsx-parts.ts with saxes (decision 013; exceljs is not loaded to read) and the sheets by
 * xlsx-sheet.ts with a purpose-built scanner (xml-scan.ts, decision 014). The shared strings table is held in memory, as any xlsx reader must, compactly
 * (xlsx-text-table.ts): it grows with the number of distinct texts, not with the number of rows.
 */
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ZipFile } from 'yauzl';
import type { CellValue } from './xlsx-cells.js';
import {
  asXlsxRejected,
  DEFAULT_XLSX_LIMITS,
  openXlsxZip,
  rejectXlsx,
  XlsxRejected,
  type XlsxRejectedKode,
} from './xlsx-check.js';
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook } from './xlsx-parts.js';
import { type SheetContext, sheetRows } from './xlsx-sheet.js';
import { type Entry, openEntry, type ZipDirectory } from './xlsx-zip.js';

export type { CellValue };

export interface SheetRow {
  sheet: string;
  /** 1-based, as Excel shows it; row 1 is the header row */
  row: number;
  /** `[0]` = column A; empty cells are null, trailing empty cells may be omitted */
  cells: CellValue[];
}

export interface ReadRowsOptions {
  /** sheet names not read, compared case-insensitively (OpenSID's "Kode Data") */
  skipSheets?: string[];
  /** more non-empty rows than this over all sheets → XlsxRejected 'terlaluBanyakBaris' */
  maxRows: number;
  maxUncompressedBytes?: number;
}

/**
 * Every non-empty row of every sheet not skipped, sheet by sheet in workbook order. Throws `XlsxRejected` for a
 * file that cannot be read safely, possibly after some rows were yielded: import in one transaction. Stopping
 * early (`break`) closes the file.
 */
export async function* readRows(path: string, opts: ReadRowsOptions): AsyncGenerator<SheetRow> {
  const maxUncompressedBytes = opts.maxUncompressedBytes ?? DEFAULT_XLSX_LIMITS.maxUncompressedBytes;
  const directory = await openXlsxZip(path, { maxUncompressedBytes });
  const skip = new Set((opts.skipSheets ?? []).map((name) => name.toLocaleLowerCase('id')));
  let count = 0;
  try {
    const { sheets, context } = await readWorkbookParts(directory);
    for (const sheet of sheets) {
      if (skip.has(sheet.name.toLocaleLowerCase('id'))) continue;
      const text = entryText(directory.zip, sheet.entry);
      for await (const { row, cells } of sheetRows(text, context)) {
        count += 1;
        if (count > opts.maxRows) throw rejectXlsx.terlaluBanyakBaris(opts.maxRows);
        yield { sheet: sheet.name, row, cells };
      }
    }
  } catch (error) {
    throw asXlsxRejected(error);
  } finally {
    directory.zip.close();
  }
}

interface SheetPart {
  name: string;
  entry: Entry;
}

/** Relationships, workbook, styles and shared strings, whatever their order in the zip; the sheets to read. */
async function readWorkbookParts({
  zip,
  entries,
}: ZipDirectory): Promise<{ sheets: SheetPart[]; context: SheetContext }> {
  const part = (name: string) => entries.get(name);
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  const workbookEntry = part('xl/workbook.xml');
  if (!relsEntry || !workbookEntry) throw rejectXlsx.rusak();
  const rels = await parseRelationships(entryText(zip, relsEntry));
  const workbook = await parseWorkbook(entryText(zip, workbookEntry));
  const target = (type: string) => {
    const rel = rels.find((r) => r.type.endsWith(`/${type}`));
    return rel && part(partName(rel.target));
  };
  const styles = target('styles');
  const isDateStyle = styles ? await parseDateStyles(entryText(zip, styles)) : () => false;
  const sharedEntry = target('sharedStrings');
  const shared = sharedEntry ? await parseSharedStrings(entryText(zip, sharedEntry)) : null;
  const sheets = workbook.sheets.map((sheet) => {
    const rel = rels.find((r) => r.id === sheet.rId);
    const entry = rel && part(partName(rel.target));
    if (!entry) throw rejectXlsx.rusak();
    return { name: sheet.name, entry };
  });
  return {
    sheets,
    context: { sharedString: (i) => shared?.get(i), isDateStyle, date1904: workbook.date1904 },
  };
}

/** A relationship target of xl/workbook.xml as a zip entry name ("worksheets/sheet1.xml", "/xl/…"). */
function partName(target: string): string {
  return target.startsWith('/') ? posix.normalize(target).slice(1) : posix.normalize(posix.join('xl', target));
}

/**
 * One entry's text, decoded as a stream (characters split between chunks stay whole). Cut off with 'bomZip' when
 * it inflates past its declared size; 'rusak' when it ends short of it.
 */
async function* entryText(zip: ZipFile, entry: Entry): AsyncGenerator<string> {
  const stream = await openEntry(zip, entry);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize) throw rejectXlsx.bomZip();
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    if (bytes !== entry.uncompressedSize) throw rejectXlsx.rusak();
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/**
 * `readRows` with the unzipping and XML parsing on a worker thread, so that the caller's own work on each
 * row (checking, planning, writing) runs at the same time on another core. Same rows, same errors. Falls back
 * to `readRows` in this thread when the compiled worker is not there (tests running the TypeScript sources).
 */
/** heap limits of the reader thread (it needs ~15 MB whatever the file; a cell too big for this fails the read) */
const WORKER_OLD_MB = 64;
const WORKER_YOUNG_MB = 16;

export async function* readRowsThreaded(path: string, opts: ReadRowsOptions): AsyncGenerator<SheetRow> {
  const workerFile = fileURLToPath(new URL('./xlsx-read-worker.js', import.meta.url));
  if (!existsSync(workerFile)) {
    yield* readRows(path, opts);
    return;
  }
  // the worker's heap holds a parser and a few batches of rows, whatever the file's size (the shared strings are
  // kept outside the heap): small limits keep its garbage from growing the process by ~100 MB
  const worker = new Worker(workerFile, {
    workerData: { path, opts },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ failed: error.message }));
  worker.on('exit', () => push({ failed: 'worker berhenti' }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift() as WorkerMessage;
      if ('rows' in m) {
        worker.postMessage('lagi');
        yield* m.rows;
      } else if ('done' in m) return;
      else if ('rejected' in m) throw new XlsxRejected(m.rejected.kode, m.rejected.message);
      else throw new Error(`membaca berkas gagal: ${m.failed}`);
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

type WorkerMessage =
  | { rows: SheetRow[] }
  | { done: true }
  | { rejected: { kode: XlsxRejectedKode; message: string } }
  | { failed: string };
