import { ageOn } from '#src/domain/age.js';

/** Dates as written on letters: "17 Agustus 1985", "Senin, 17 Agustus 1985", month XI, age "40 tahun". */
export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Weekdays from Sunday, as `Date.getUTCDay()` counts them. */
export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function bagian(iso: string): { y: number; m: number; d: number } | null {
  const match = ISO.exec(iso.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** "1985-08-17" → "17 Agustus 1985"; empty stays empty; anything not a date is returned as given. */
export function tanggalPanjang(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = bagian(iso);
  return p ? `${p.d} ${BULAN[p.m - 1]} ${p.y}` : iso;
}

/** "2026-11-30" → "Senin"; '' when not a date. */
export function namaHari(iso: string | null | undefined): string {
  const p = iso ? bagian(iso) : null;
  return p ? (HARI[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()] ?? '') : '';
}

/** "2026-11-30" → "Senin, 30 November 2026". */
export function hariTanggal(iso: string | null | undefined): string {
  const hari = namaHari(iso);
  return hari ? `${hari}, ${tanggalPanjang(iso)}` : tanggalPanjang(iso);
}

/** Month 1–12 → "I"–"XII". */
export function bulanRomawi(bulan: number): string {
  const r = ROMAWI[bulan - 1];
  if (!r) throw new RangeError(`bulan di luar 1–12: ${bulan}`);
  return r;
}

/**
 * Age on the letter's date: "40 tahun"; under a year "5 bulan"; under a month "12 hari" (birth letters).
 * '' when a date is missing or the birth date lies after the reference date.
 */
export function usiaPada(lahir: string | null | undefined, pada: string): string {
  const a = lahir ? bagian(lahir) : null;
  const b = bagian(pada);
  if (!a || !b || lahir === undefined || lahir === null) return '';
  const tahun = ageOn(lahir.trim(), pada.trim());
  if (tahun < 0) return '';
  if (tahun >= 1) return `${tahun} tahun`;
  let bulan = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) bulan -= 1;
  if (bulan >= 1) return `${bulan} bulan`;
  const hari = Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
  return hari < 0 ? '' : `${hari} hari`;
}

/** "08:30" → "08.30", the way times are written in Indonesian letters. */
export function jamTeks(jam: string | null | undefined): string {
  if (!jam) return '';
  const m = /^(\d{1,2})[:.](\d{2})/.exec(jam.trim());
  return m ? `${m[1]?.padStart(2, '0')}.${m[2]}` : jam;
}
