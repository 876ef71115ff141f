/**
 * NIK and No. KK rules (PP 37/2007 Pasal 37; see reference nik.md). A NIK is `PP KK CC DD MM YY SSSS`:
 * region of first registration, birth date (women: day + 40), serial. It has no check digit.
 * Format, impossible dates and serial 0000 are rejected; region and date/sex mismatches are warnings only,
 * because a genuine NIK keeps its digits when a birth date is corrected or a region is renumbered.
 */
export type NikRejection = 'nikFormat' | 'nikTanggalMustahil' | 'nikSerialNol';
export type NikWarning =
  | 'nikProvinsiTidakDikenal'
  | 'nikWilayahTidakDikenal'
  | 'nikTanggalLahirBeda'
  | 'nikJenisKelaminBeda';

export interface ParsedNik {
  nik: string;
  /** `PP.KK.CC` */
  kecamatan: string;
  provinsi: string;
  day: number;
  month: number;
  yy: number;
  female: boolean;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(month: number, year: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Spaces and dots people type are dropped; nothing else is "corrected". */
export function cleanNumber(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

/**
 * Does a search text look like a NIK or KK number (16 digits once spaces and dots are dropped, temporary
 * numbers included)? Such numbers are looked up only from a POST body, never from a URL (UU 24/2013).
 */
export function isPersonalNumber(raw: string): boolean {
  return /^\d{16}$/.test(cleanNumber(raw));
}

export function parseNik(raw: string): { ok: true; value: ParsedNik } | { ok: false; problem: NikRejection } {
  const nik = cleanNumber(raw);
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'nikFormat' };
  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (day < 1 || day > 31 || month < 1 || month > 12) return { ok: false, problem: 'nikTanggalMustahil' };
  // only two digits of the year: the date must exist in 19yy or 20yy (29 February)
  if (day > Math.max(daysIn(month, 1900 + yy), daysIn(month, 2000 + yy)))
    return { ok: false, problem: 'nikTanggalMustahil' };
  if (nik.slice(12) === '0000') return { ok: false, problem: 'nikSerialNol' };
  return {
    ok: true,
    value: {
      nik,
      provinsi: nik.slice(0, 2),
      kecamatan: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      day,
      month,
      yy,
      female,
    },
  };
}

export interface NikContext {
  /** the recorded birth date, YYYY-MM-DD */
  tanggallahir?: string | null;
  /** 1 laki-laki, 2 perempuan */
  sex?: number | null;
  regionExists: (kode: string) => boolean;
}

export function nikWarnings(parsed: ParsedNik, ctx: NikContext): NikWarning[] {
  const warnings: NikWarning[] = [];
  if (!ctx.regionExists(parsed.provinsi)) warnings.push('nikProvinsiTidakDikenal');
  else if (!ctx.regionExists(parsed.kecamatan)) warnings.push('nikWilayahTidakDikenal');
  if (ctx.tanggallahir) {
    const [y, m, d] = ctx.tanggallahir.split('-').map(Number);
    if (y === undefined || m !== parsed.month || d !== parsed.day || y % 100 !== parsed.yy)
      warnings.push('nikTanggalLahirBeda');
  }
  if (ctx.sex === 1 || ctx.sex === 2) {
    if ((ctx.sex === 2) !== parsed.female) warnings.push('nikJenisKelaminBeda');
  }
  return warnings;
}

/** The birth date encoded in a NIK, with the century that matches a reference date (no future births). */
export function birthDateFromNik(parsed: ParsedNik, today = new Date()): string {
  const thisYear = today.getUTCFullYear();
  let year = 2000 + parsed.yy;
  if (year > thisYear) year -= 100;
  return `${year}-${String(parsed.month).padStart(2, '0')}-${String(parsed.day).padStart(2, '0')}`;
}

/** No. KK: 16 digits; its first 6 digits are the region of issuance (a warning if unknown). */
export function parseNoKk(raw: string): { ok: true; value: string } | { ok: false; problem: 'kkFormat' } {
  const kk = cleanNumber(raw);
  return /^\d{16}$/.test(kk) && !kk.startsWith('0') ? { ok: true, value: kk } : { ok: false, problem: 'kkFormat' };
}

/**
 * A temporary number for people (or families) without one yet: `0` + 10-digit desa code + 5-digit serial.
 * It starts with 0, so it can never collide with a real NIK (whose first digit is a province code).
 */
export function temporaryNumber(desaKode: string, serial: number): string {
  return `0${desaKode.replaceAll('.', '')}${String(serial).padStart(5, '0')}`;
}

export function isTemporaryNumber(value: string): boolean {
  return /^0\d{15}$/.test(value);
}

/** For people who may see that a number exists but not the number: only the last 4 digits. */
export function maskNumber(value: string | null | undefined): string {
  if (!value) return '';
  return `${'*'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}
