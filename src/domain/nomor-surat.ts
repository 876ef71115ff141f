/**
 * Letter number formats (letters.md §4): a format is text with placeholders, e.g. the default
 * `[kode_surat]/[nomor_surat, 3]/[kode_desa]/[bulan_romawi]/[tahun]` → `S-41/007/2001/XI/2026`.
 * Placeholder names are matched case-insensitively; text outside placeholders is printed as written.
 */

export const FORMAT_NOMOR_BAWAAN = '[kode_surat]/[nomor_surat, 3]/[kode_desa]/[bulan_romawi]/[tahun]';
/** the same constant under the name the letter services used first (keep one when they settle) */
export const DEFAULT_FORMAT_NOMOR = FORMAT_NOMOR_BAWAAN;
export const PANJANG_FORMAT_MAKS = 200;
/** `[nomor_surat, N]`: N digits at most (more would be padding nobody prints) */
export const DIGIT_NOMOR_MAKS = 10;

export interface NilaiNomor {
  /** the letter type's code, e.g. `S-41` or `471.1` */
  kodeSurat: string;
  /** the sequence number, from 1 */
  urut: number;
  kodeDesa: string;
  /** the letter date, YYYY-MM-DD: gives the month and year */
  tanggal: string;
}

const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const PLACEHOLDER = /\[([^[\]]*)\]/g;
const NOMOR = /^\s*nomor_surat\s*(?:,\s*(\d+)\s*)?$/i;
const LAINNYA = new Set(['kode_surat', 'kode_desa', 'bulan_romawi', 'bulan', 'tahun']);

/** 1 → I … 12 → XII */
export function bulanRomawi(bulan: number): string {
  const romawi = ROMAWI[bulan - 1];
  if (!Number.isInteger(bulan) || !romawi) throw new RangeError(`bulan di luar 1–12: ${bulan}`);
  return romawi;
}

function parseTanggal(tanggal: string): { tahun: string; bulan: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tanggal);
  const d = new Date(`${tanggal}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== tanggal)
    throw new RangeError(`tanggal tidak valid: ${tanggal}`);
  return { tahun: m[1] as string, bulan: Number(m[2]) };
}

/** The printed number. Unknown placeholders stay as written (checkFormat reports them before a format is saved). */
export function formatNomor(format: string, v: NilaiNomor): string {
  if (!Number.isSafeInteger(v.urut) || v.urut < 1) throw new RangeError(`nomor urut tidak valid: ${v.urut}`);
  const { tahun, bulan } = parseTanggal(v.tanggal);
  return format.replace(PLACEHOLDER, (whole, inner: string) => {
    const nomor = NOMOR.exec(inner);
    if (nomor) {
      const digit = Math.min(Number(nomor[1] ?? 0), DIGIT_NOMOR_MAKS);
      return String(v.urut).padStart(digit, '0');
    }
    switch (inner.trim().toLowerCase()) {
      case 'kode_surat':
        return v.kodeSurat;
      case 'kode_desa':
        return v.kodeDesa;
      case 'bulan_romawi':
        return bulanRomawi(bulan);
      case 'bulan':
        return String(bulan).padStart(2, '0');
      case 'tahun':
        return tahun;
      default:
        return whole;
    }
  });
}

/**
 * What is wrong with a format, in plain Indonesian; empty when it may be saved. Numbers restart at 1 every
 * year, so a format without `[tahun]` would print the same number again next year; with one sequence per
 * letter type (`perJenis`), a format without `[kode_surat]` would print the same number for two types.
 */
export function checkFormat(format: string, opsi: { perJenis?: boolean } = {}): string[] {
  const masalah: string[] = [];
  if (format.length > PANJANG_FORMAT_MAKS)
    masalah.push(`Format nomor terlalu panjang: ${format.length} karakter, paling banyak ${PANJANG_FORMAT_MAKS}.`);
  const tanpaPlaceholder = format.replace(PLACEHOLDER, '');
  if (/[[\]]/.test(tanpaPlaceholder)) masalah.push('Ada tanda kurung siku [ atau ] yang tidak berpasangan.');

  let jumlahNomor = 0;
  const dipakai = new Set<string>();
  const tidakDikenal: string[] = [];
  for (const [whole, inner] of format.matchAll(PLACEHOLDER)) {
    const nomor = NOMOR.exec(inner ?? '');
    if (nomor) {
      jumlahNomor += 1;
      const digit = nomor[1] === undefined ? null : Number(nomor[1]);
      if (digit !== null && (digit < 1 || digit > DIGIT_NOMOR_MAKS))
        masalah.push(`Jumlah digit di ${whole} harus 1 sampai ${DIGIT_NOMOR_MAKS}.`);
      continue;
    }
    const nama = (inner ?? '').trim().toLowerCase();
    if (LAINNYA.has(nama)) dipakai.add(nama);
    else if (!tidakDikenal.includes(whole)) tidakDikenal.push(whole);
  }
  if (jumlahNomor === 0) masalah.push('Format harus memuat [nomor_surat] atau [nomor_surat, N] (N = jumlah digit).');
  if (jumlahNomor > 1) masalah.push(`[nomor_surat] muncul ${jumlahNomor} kali; harus tepat satu kali.`);
  for (const kode of tidakDikenal) masalah.push(`Kode ${kode} tidak dikenal.`);
  if (!dipakai.has('tahun'))
    masalah.push(
      'Format harus memuat [tahun]: nomor urut mulai lagi dari 1 setiap tahun, jadi tanpa tahun nomor bisa kembar.',
    );
  if (opsi.perJenis && !dipakai.has('kode_surat'))
    masalah.push(
      'Dengan penomoran per jenis surat, format harus memuat [kode_surat] agar nomor dua jenis surat tidak kembar.',
    );
  return masalah;
}
