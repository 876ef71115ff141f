/**
 * Writing .xlsx workbooks as a stream (exceljs `WorkbookWriter`): each row is committed as it is added, so a
 * million-row export keeps flat memory as long as the caller lets the stream drain (`await writer.drained()`
 * between batches). Every text goes through `neutraliseFormula`; 16-digit numbers (NIK, KK) are passed as strings
 * into a text column ('@') so Excel keeps every digit; dates are written as dates, shown dd/mm/yyyy (pass UTC
 * midnights, as `new Date('1990-05-17')` gives). With a `stream` target, the caller owns the stream's errors.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './xlsx-formula.js';

export { neutraliseFormula, restoreNeutralised } from './xlsx-formula.js';

/**
 * Cell styles shared by every cell of their kind: exceljs renders each distinct style object once (it remembers
 * them in a WeakMap); with a fresh style object per cell, rendering styles took a quarter of the writing time.
 */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});
const TEXT: Partial<ExcelJS.Style> = Object.freeze({ numFmt: '@' });
const DATE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'dd/mm/yyyy' });

export type WritableCell = string | number | Date | null;

export interface SheetSpec {
  name: string;
  /** row 1, in bold */
  headers: string[];
  /** 0-based columns formatted as text ('@'); numbers written into them become strings */
  textColumns?: number[];
  /** column widths in characters, by 0-based column */
  widths?: number[];
}

export interface XlsxSheetWriter {
  addRow(values: WritableCell[]): void;
  /** ends the sheet; also done by the next `addSheet` and by the workbook's `commit` */
  commit(): void;
}

export interface XlsxWriter {
  /** starts a new sheet (ending the previous one: sheets are written one after another) */
  addSheet(spec: SheetSpec): XlsxSheetWriter;
  /** resolves once the target can take more; await it between batches of rows */
  drained(): Promise<void>;
  /** ends the workbook; resolves when it is completely written (and the file closed) */
  commit(): Promise<void>;
}

export function createXlsxWriter(target: { stream: Writable } | { path: string }): XlsxWriter {
  const file = 'path' in target ? createWriteStream(target.path) : undefined;
  const stream = file ?? (target as { stream: Writable }).stream;
  let failure: unknown;
  file?.on('error', (error) => {
    failure = error;
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Balai';
  let current: (XlsxSheetWriter & { backlog(): Writable[] }) | undefined;

  return {
    addSheet(spec) {
      current?.commit();
      current = addSheet(workbook, spec);
      return current;
    },
    async drained() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const pipe of [...(current?.backlog() ?? []), stream]) {
        if (failure) throw failure;
        if (stream.destroyed) throw new Error('the xlsx target was closed before the workbook was written');
        if (needsDrain(pipe)) await drainOrClose(pipe, stream);
      }
    },
    async commit() {
      current?.commit();
      if (failure) throw failure;
      await workbook.commit();
      if (file && !file.closed) await once(file, 'close');
    },
  };
}

/** Whether a Writable (Node's, or the readable-stream copy inside archiver) has more buffered than it wants. */
function needsDrain(writable: Writable): boolean {
  const state = (writable as { _writableState?: { needDrain?: boolean } })._writableState;
  return !writable.destroyed && (writable.writableNeedDrain || state?.needDrain === true);
}

/** Resolves on `writable`'s 'drain'; rejects if the target closes first (an HTTP client went away). */
async function drainOrClose(writable: Writable, target: Writable): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([
      once(writable, 'drain', { signal: stop.signal }),
      once(target, 'close', { signal: stop.signal }).then(() => {
        throw new Error('the xlsx target was closed before the workbook was written');
      }),
    ]);
  } finally {
    stop.abort();
  }
}

/**
 * exceljs 4.4 writes each sheet into a buffer (`worksheet.stream`) that pushes into the zip's input (a PassThrough)
 * without waiting for it: rows added faster than they are compressed pile up there (≈1.5 MB per 1,000 rows of 43
 * columns). `drained()` waits on those inputs.
 */
interface WorksheetInternals {
  stream?: { pipes?: Writable[] };
}

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
): XlsxSheetWriter & { backlog(): Writable[] } {
  const worksheet = workbook.addWorksheet(spec.name);
  const text = new Set(spec.textColumns ?? []);
  worksheet.columns = spec.headers.map((_, column) => ({
    ...(spec.widths?.[column] === undefined ? {} : { width: spec.widths[column] }),
    ...(text.has(column) ? { style: TEXT } : {}),
  }));
  const header = worksheet.addRow(spec.headers.map(neutraliseFormula));
  header.font = { bold: true };
  header.commit();
  return {
    addRow(values) {
      const cells = values.map((value, column) => cellValue(value, text.has(column)));
      const row = worksheet.addRow(cells);
      cells.forEach((value, column) => {
        const style = value === null ? PLAIN : value instanceof Date ? DATE : text.has(column) ? TEXT : PLAIN;
        row.getCell(column + 1).style = style;
      });
      row.commit();
    },
    commit() {
      worksheet.commit();
    },
    backlog() {
      const pipes = (worksheet as unknown as WorksheetInternals).stream?.pipes;
      return Array.isArray(pipes) ? pipes : [];
    },
  };
}

function cellValue(value: WritableCell, asText: boolean): ExcelJS.CellValue {
  if (typeof value === 'string') return neutraliseFormula(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return asText ? String(value) : value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return null;
}
