/**
 * Streaming rows out of an .xlsx workbook with flat memory, for imports of up to a million rows.
 *
 * exceljs's `WorkbookReader` parses the XML (workbook, relationships, styles, shared strings, worksheets), but the
 * zip is opened here with yauzl rather than by exceljs's own sequential unzip, because that one:
 *  - inflates every worksheet stored before `xl/sharedStrings.xml` (all of them in files saved by Excel or by
 *    exceljs) into a temporary file first, and leaves those files behind when the reader stops early or fails;
 *  - follows the local headers, so a zip whose central directory lies about sizes still inflates without bound;
 *  - decodes each chunk of UTF-8 on its own, garbling characters that straddle two chunks.
 * Here each part is opened by random access from the central directory already checked by `openXlsxZip`
 * (declared sizes, compression ratios), every entry is cut off as soon as it inflates past its declared size, and
 * the text is decoded as one stream. Since the declared sizes add up to at most `maxUncompressedBytes`, so do the
 * bytes actually inflated. The shared strings table is held in memory, as any xlsx reader must: it grows with the
 * number of distinct texts, not with the number of rows.
 *
 * The parsing methods of `WorkbookReader` used here are underscore-named (exceljs 4.4.0); xlsx-read.test.ts
 * covers them, so an exceljs upgrade that changes them fails there first.
 */
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { ZipFile } from 'yauzl';
import { type CellValue, flattenValue, isDateFormat } from './xlsx-cells.js';
import {
  asXlsxRejected,
  DEFAULT_XLSX_LIMITS,
  openXlsxZip,
  rejectXlsx,
  XlsxRejected,
  type XlsxRejectedKode,
} from './xlsx-check.js';
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

/** What this module uses of exceljs 4.4's WorkbookReader beyond its typed API. */
interface ReaderParts {
  _parseRels(input: Readable): Promise<void>;
  _parseWorkbook(input: Readable): Promise<void>;
  _parseStyles(input: Readable): Promise<void>;
  _parseSharedStrings(input: Readable): AsyncIterable<unknown>;
  sharedStrings?: unknown[];
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

const READER_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' } as const;

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
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, READER_OPTIONS) as unknown as ReaderParts;
    const sheets = await readWorkbookParts(reader, directory);
    const date1904 = reader.properties?.model?.date1904 === true;
    const context = sheetContext(reader, date1904);
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

/** Shared strings as plain text, and which cell styles are dates (each style looked up once). */
function sheetContext(reader: ReaderParts, date1904: boolean): SheetContext {
  // flattened in place: one table in memory, not two (it grows with the file's distinct texts)
  const shared = (reader.sharedStrings ?? []) as CellValue[];
  for (let i = 0; i < shared.length; i += 1) shared[i] = flattenValue(shared[i]);
  const dates = new Map<number, boolean>();
  return {
    shared,
    date1904,
    isDateStyle(style) {
      let known = dates.get(style);
      if (known === undefined) {
        known = isDateFormat(reader.styles?.getStyleModel(style)?.numFmt);
        dates.set(style, known);
      }
      return known;
    },
  };
}

interface SheetPart {
  name: string;
  id: number;
  entry: Entry;
}

/** Relationships, workbook, styles and shared strings, whatever their order in the zip; the sheets to read. */
async function readWorkbookParts(reader: ReaderParts, { zip, entries }: ZipDirectory): Promise<SheetPart[]> {
  const part = (name: string) => entries.get(name);
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  const workbookEntry = part('xl/workbook.xml');
  if (!relsEntry || !workbookEntry) throw rejectXlsx.rusak();
  const parse = async (entry: Entry, parser: (input: Readable) => Promise<unknown>) => {
    const input = Readable.from(entryText(zip, entry));
    try {
      await parser(input);
    } finally {
      input.destroy(); // after a parse error, exceljs leaves the input unread: release its zip entry
    }
  };
  await parse(relsEntry, (input) => reader._parseRels(input));
  await parse(workbookEntry, (input) => reader._parseWorkbook(input));
  const rels = reader.workbookRels ?? [];
  const target = (type: string) => {
    const rel = rels.find((r) => r.Type.endsWith(`/${type}`));
    return rel && part(partName(rel.Target));
  };
  const styles = target('styles');
  if (styles) await parse(styles, (input) => reader._parseStyles(input));
  const sharedStrings = target('sharedStrings');
  if (sharedStrings) {
    await parse(sharedStrings, async (input) => {
      for await (const _ of reader._parseSharedStrings(input)) {
        // 'cache' mode keeps the table on the reader and yields nothing
      }
    });
  }
  return (reader.model?.sheets ?? []).map((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId);
    const entry = rel && part(partName(rel.Target));
    if (!entry) throw rejectXlsx.rusak();
    return { name: sheet.name, id: sheet.id, entry };
  });
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
export async function* readRowsThreaded(path: string, opts: ReadRowsOptions): AsyncGenerator<SheetRow> {
  const workerFile = fileURLToPath(new URL('./xlsx-read-worker.js', import.meta.url));
  if (!existsSync(workerFile)) {
    yield* readRows(path, opts);
    return;
  }
  const worker = new Worker(workerFile, { workerData: { path, opts } });
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
