import { z } from 'zod';
import { lookupNumber } from '#src/lib/forms/penduduk-fields.js';
import { FILTERABLE_CODES, SORTS } from './penduduk-list.repository.js';

const optionalInt = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && /^\d+$/.test(v) && Number(v) <= max ? Number(v) : undefined));

/** The resident list's query string: every filter optional, bad values ignored rather than failing the page. */
export const PendudukListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  lingkungan: optionalInt(1e9),
  umur_min: optionalInt(150),
  umur_maks: optionalInt(150),
  status_dasar: z.enum(['1', '2', '3', '4', '6', '9', 'semua']).optional().catch(undefined),
  urut: z.enum(SORTS).optional().catch(undefined),
  halaman: optionalInt(1e6),
  per: optionalInt(200),
  ...Object.fromEntries(FILTERABLE_CODES.map((c) => [c, optionalInt(999)])),
});
export type PendudukListQuery = z.infer<typeof PendudukListQuerySchema> &
  Partial<Record<(typeof FILTERABLE_CODES)[number], number>>;

/** The "Cari NIK" form: a NIK (or temporary number) looked up from the POST body, never from the URL. */
export const NikLookupSchema = z.object({ nik: lookupNumber('nikFormat') });
export type NikLookup = z.infer<typeof NikLookupSchema>;
