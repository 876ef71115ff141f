/**
 * Formula injection ("CSV injection"): texts written to a sheet are neutralised, and importers undo it. Kept
 * apart from the writer so that reading a workbook does not load exceljs.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
/** Whether `text` would be read as a formula, also behind quotes already added by `neutraliseFormula`. */
function looksLikeFormula(text: string): boolean {
  let start = 0;
  while (text[start] === "'") start += 1;
  return text.length - start > 1 && FORMULA_START.has(text.charAt(start));
}

/**
 * A text that cannot become a formula when the cell is edited or the sheet is saved as CSV: one that starts with
 * = + - @ TAB or CR (and is longer than that one character) gets a leading `'`. A lone "-" stays as it is.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * The inverse of `neutraliseFormula`, for importers: drops the `'` it added ("'=A1" → "=A1", "'-1" → "-1").
 * `restoreNeutralised(neutraliseFormula(x)) === x` for every text, including ones that started with a quote.
 */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
