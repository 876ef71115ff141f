/**
 * exceljs cell values flattened to plain values: rich text → its text, formula → its cached result, hyperlink → its
 * text, error → null. A formula whose cell has a date format gives a Date, as a plain date cell does.
 */
import type ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | Date | null;

/** The cells of a row, `[0]` = column A; holes are null and trailing empty cells are dropped. */
export function flattenRow(row: ExcelJS.Row, date1904: boolean): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell((cell, column) => {
    const value = flattenValue(cell.value);
    if (value === null) return;
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] =
      typeof value === 'number' && isFormula(cell.value) && isDateFormat(cell.numFmt)
        ? excelDate(value, date1904)
        : value;
  });
  return cells;
}

export function flattenValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value === '' ? null : value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value && Array.isArray(value.richText)) {
    return flattenValue(
      value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join(''),
    );
  }
  if ('error' in value) return null;
  if (isFormula(value)) return 'result' in value ? flattenValue(value.result) : null;
  if ('text' in value) return flattenValue(value.text);
  return null;
}

function isFormula(value: unknown): value is { formula?: string; sharedFormula?: string; result?: unknown } {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** Excel's test for a date format, as exceljs applies it to plain cells: y m d h s b outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
