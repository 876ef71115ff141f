import type { z } from 'zod';
import { codeFromInput } from '#src/domain/codes.js';
import { cleanNumber, isTemporaryNumber } from '#src/domain/nik.js';
import { isValidPersonName, tidyName } from '#src/domain/person-name.js';
import { isCalendarDate, optionalCoordinate, readNikOrNone, readNoKk } from '#src/lib/forms/penduduk-fields.js';
import { restoreNeutralised } from '#src/lib/xlsx/xlsx-formula.js';
import type { CellValue } from '#src/lib/xlsx/xlsx-read.js';
import type { Kolom } from './impor-kolom.js';

/**
 * Reading one cell of an OpenSID sheet. A result is the stored value, or a problem as a message key
 * (`key|arg`, localised when shown). Empty cells are `undefined`: "no value given".
 */
export type Nilai = { ok: true; value: string | number | null; warning?: string } | { ok: false; problem: string };

const ok = (value: string | number | null, warning?: string): Nilai =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const fail = (problem: string): Nilai => ({ ok: false, problem });

/** Text of a cell as typed; numbers keep every digit they still have; Excel dates become YYYY-MM-DD. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  return restoreNeutralised(String(cell).trim());
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Excel's day 1 is 1900-01-01 (with its 1900 leap-year bug, so serials count from 1899-12-30). */
function fromSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return isoDate(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

/** Excel date cells, serial numbers, YYYY-MM-DD, DD-MM-YYYY and DD/MM/YYYY; nothing is guessed beyond that. */
export function readDate(cell: CellValue): Nilai {
  if (cell instanceof Date) return ok(isoDate(cell));
  if (typeof cell === 'number') {
    const iso = fromSerial(cell);
    return iso ? ok(iso) : fail('imporTanggal');
  }
  const text = cellText(cell).replaceAll('/', '-');
  let iso: string | null = null;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (ymd) iso = `${ymd[1]}-${ymd[2]?.padStart(2, '0')}-${ymd[3]?.padStart(2, '0')}`;
  else if (dmy) iso = `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  else if (/^\d{1,7}$/.test(text)) iso = fromSerial(Number(text));
  return iso && isCalendarDate(iso) ? ok(iso) : fail('imporTanggal');
}

function fromSchema(schema: z.ZodType<string | number | null>, input: string): Nilai {
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data);
  return fail(r.error.issues[0]?.message ?? 'tidakValid');
}

const LAT = optionalCoordinate(90);
const LNG = optionalCoordinate(180);
const TAG = /^[0-9A-Za-z]{10,17}$/;

/** A 16-digit number kept by Excel as a number has lost its last digit if it ends in 0 (15 significant digits). */
export const isTruncatedNumber = (cell: CellValue) => typeof cell === 'number' && cell >= 1e15 && cell % 10 === 0;

const precisionWarning = (cell: CellValue) => (isTruncatedNumber(cell) ? 'imporAngkaBukanTeks' : undefined);

/** A non-empty cell of column `kolom`. */
export function readCell(kolom: Kolom, cell: CellValue): Nilai {
  // a leading apostrophe is how people keep a 16-digit number as text in Excel
  const text = kolom.kind === 'nik' || kolom.kind === 'kk' ? cellText(cell).replace(/^'/, '') : cellText(cell);
  switch (kolom.kind) {
    case 'tanggal':
      return readDate(cell);
    case 'nik': {
      const r = readNikOrNone(text);
      return r.ok ? ok(r.value, precisionWarning(cell)) : fail(r.problem);
    }
    case 'kk': {
      // Balai's own temporary KK numbers (0 + desa code + serial) come back from its exports
      if (isTemporaryNumber(cleanNumber(text))) return ok(cleanNumber(text), 'imporKkSementara');
      const r = readNoKk(text);
      return r.ok ? ok(r.value, precisionWarning(cell)) : fail(r.problem);
    }
    case 'nama': {
      const name = tidyName(text);
      if (name.length > 100) return fail('terlaluPanjang|100');
      return isValidPersonName(name) ? ok(name) : fail('namaOrangTidakValid');
    }
    case 'lokasi': {
      if (text.length < 2 || text.length > 24) return fail('koordinatTidakValid');
      return fromSchema(kolom.nama === 'lat' ? LAT : LNG, text);
    }
    case 'kode':
      return readCode(kolom, text);
    default: {
      if (text.length > (kolom.max ?? 100)) return fail(`terlaluPanjang|${kolom.max ?? 100}`);
      if (kolom.nama === 'tag_id_card' && !TAG.test(text)) return fail('tagIdCardTidakValid');
      return ok(text);
    }
  }
}

/**
 * A coded cell: the code, its label or an alias (codes.json `import_aliases`). OpenSID's template offers
 * asuransi 4 "BPJS BANTUAN DAERAH", which is not in the code list: a regional-budget BPJS contribution is
 * BPJS PBI (2), so it is stored as 2 with a warning (decision 008).
 */
function readCode(kolom: Kolom, text: string): Nilai {
  if (!kolom.list) return fail('pilihanTidakValid');
  if (kolom.list === 'asuransi' && /^(4|bpjs\s*bantuan\s*daerah)$/i.test(text)) return ok(2, 'imporAsuransiDaerah');
  const code = codeFromInput(kolom.list, text);
  return code === null ? fail('pilihanTidakValid') : ok(code);
}
