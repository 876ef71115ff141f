/**
 * A worksheet's rows straight from its XML (xml-scan.ts, decision 014), without building exceljs Row/Cell/style
 * objects. Values as xlsx-cells.ts gives them: shared and inline strings as text, numbers, booleans, errors as
 * null, formulas as their cached result, numbers in a date format as Date.
 */
import type { CellValue } from './xlsx-cells.js';
import { XmlScanner } from './xml-scan.js';

export interface SheetContext {
  /** text `i` of the shared strings table (undefined past its end) */
  sharedString: (i: number) => string | undefined;
  /** whether a cell style (`s`) has a date number format */
  isDateStyle: (style: number) => boolean;
  date1904: boolean;
}

/** "AB12" → 27 (0-based column); no letters → -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** Rows with at least one value, in order, with their 1-based row numbers. */
export async function* sheetRows(
  text: AsyncIterable<string>,
  ctx: SheetContext,
): AsyncGenerator<{ row: number; cells: CellValue[] }> {
  const ready: { row: number; cells: CellValue[] }[] = [];
  let rowNumber = 0;
  let cells: CellValue[] | null = null;
  let col = -1;
  let type = '';
  let style = 0;
  let value = '';
  let capture = false;
  let inPhonetic = false;
  let hasValue = false;

  const scanner: XmlScanner = new XmlScanner({
    open(name) {
      switch (name) {
        case 'row': {
          const r = Number(scanner.attribute('r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          col = -1;
          break;
        }
        case 'c': {
          const ref = scanner.attribute('r');
          const at = ref === undefined ? -1 : columnOf(ref);
          col = at >= 0 ? at : col + 1;
          type = scanner.attribute('t') ?? 'n';
          style = Number(scanner.attribute('s') ?? 0);
          value = '';
          hasValue = false;
          break;
        }
        case 'v':
        case 't':
          if (!inPhonetic) {
            capture = true;
            hasValue = true;
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    text(t) {
      if (capture) value += t;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          if (!cells || !hasValue) break;
          const v = cellValue(type, style, value, ctx);
          if (v !== null) {
            while (cells.length < col) cells.push(null);
            cells[col] = v;
          }
          break;
        }
        case 'row':
          if (cells && cells.length > 0) ready.push({ row: rowNumber, cells });
          cells = null;
          break;
      }
    },
  });

  for await (const chunk of text) {
    scanner.write(chunk);
    if (ready.length > 0) yield* ready.splice(0);
  }
  scanner.close();
  if (ready.length > 0) yield* ready.splice(0);
}

function cellValue(type: string, style: number, text: string, ctx: SheetContext): CellValue {
  switch (type) {
    case 's':
      return ctx.sharedString(Number(text)) || null;
    case 'inlineStr':
    case 'str':
      return text === '' ? null : text;
    case 'b':
      return text !== '0' && text !== 'false';
    case 'e':
      return null;
    default: {
      if (text === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return null;
      return style > 0 && ctx.isDateStyle(style) ? excelDate(n, ctx.date1904) : n;
    }
  }
}
