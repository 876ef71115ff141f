import { z } from 'zod';
import type { ErrKey } from '#src/lib/i18n/messages.js';

/**
 * The query string of the statistics pages: `per` (an "as of" date, YYYY-MM-DD; empty = today) and, on a
 * desa's category pages, `lingkungan` (a dusun/RW/RT id of that desa). A malformed unit id is ignored; the
 * date is checked by `periksaPer` so that the page can show the error next to the field.
 */
export const StatistikQuerySchema = z.object({
  per: z
    .string()
    .trim()
    .max(20)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  lingkungan: z
    .string()
    .trim()
    .optional()
    .catch(undefined)
    .transform((v) => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined)),
});
export type StatistikQuery = z.infer<typeof StatistikQuerySchema>;

const TANGGAL = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a YYYY-MM-DD string names a real calendar day (2026-02-30 does not). */
export function tanggalSah(value: string): boolean {
  const m = TANGGAL.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The date to count at: the asked one when valid and not after today, else today with the reason. */
export function periksaPer(per: string | undefined, hariIni: string): { tanggal: string; galat: ErrKey | null } {
  if (per === undefined) return { tanggal: hariIni, galat: null };
  if (!tanggalSah(per)) return { tanggal: hariIni, galat: 'statistikTanggalSalah' };
  if (per > hariIni) return { tanggal: hariIni, galat: 'statistikTanggalNanti' };
  return { tanggal: per, galat: null };
}
