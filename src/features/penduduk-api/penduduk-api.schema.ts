import { z } from 'zod';
import { cleanNumber } from '#src/domain/nik.js';
import { pendudukFields } from '#src/features/penduduk/penduduk.schema.js';
import { FILTERABLE_CODES, type FilterableCode } from '#src/features/penduduk/penduduk-list.repository.js';
import {
  BatalSchema,
  HilangSchema,
  MatiSchema,
  PergiSchema,
  PindahKeluarSchema,
} from '#src/features/peristiwa/peristiwa.schema.js';
import { optionalText, requiredText } from '#src/lib/forms/fields.js';
import { code, nikOrNone, noKk, optionalDate, requiredCode, requiredDate } from '#src/lib/forms/penduduk-fields.js';
import { CODED_FIELDS, describeFields } from './penduduk-api.codes.js';

/**
 * Request schemas of the registry API. Field names are the OpenSID import columns; coded fields take a code or
 * its label/alias; every person field comes from the one definition in penduduk.schema.ts.
 */

/** A field that must be sent (a string or number), then checked by `schema`: required in the OpenAPI document too. */
function present<T>(schema: z.ZodType<T, string | number | null | undefined>) {
  return z
    .union([z.string(), z.number()], { error: 'wajibDiisi' })
    .pipe(schema as unknown as z.ZodType<T, string | number>);
}

/** A NIK that must be sent: 16 digits, or `0`/empty for "no NIK yet" (a temporary number is issued). */
const requiredNikOrNone = () => present(nikOrNone());
const mustCode = (list: Parameters<typeof requiredCode>[0]) => present(requiredCode(list));

/** RW/RT as OpenSID writes them: a number 1–999, or `-`/empty/0 when the desa has no RW (or RT). */
const rwRt = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null ? '' : String(v).trim()))
    .refine((v) => v === '' || v === '-' || /^\d{1,3}$/.test(v), { error: 'nomorRwRtTidakValid' })
    .transform((v) => (v === '' || v === '-' || Number(v) === 0 ? null : v.padStart(3, '0')));

/** Any 16-digit KK number (temporary `0…` numbers included), to find a family; empty → null. */
const kkLookup = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null ? '' : cleanNumber(String(v).trim())))
    .refine((v) => v === '' || /^\d{16}$/.test(v), { error: 'kkFormat' })
    .transform((v) => (v === '' ? null : v));

const optionalId = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null || v === '' ? null : Number(v)))
    .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { error: 'pilihanTidakValid' });

const lokasi = { dusun: requiredText(60), rw: rwRt(), rt: rwRt() };

const person = { ...pendudukFields, nik: requiredNikOrNone() };

/** Entry of a resident of the baseline register (no population event): POST /api/v1/desa/{kode}/penduduk. */
export const PendudukBaruSchema = z.object(
  describeFields({
    ...person,
    no_kk: noKk(),
    kk_level: mustCode('hubungan_keluarga'),
    ...lokasi,
    alamat: optionalText(200),
    status_dasar: code('status_dasar')
      .refine((v) => v === null || v === 1, { error: 'pilihanTidakValid' })
      .meta({ description: 'Only 1 / HIDUP (the default): deaths and departures are recorded as events' }),
  }),
);
export type PendudukBaru = z.output<typeof PendudukBaruSchema>;

/** Full update of a record (every person field; absent = empty), from the version the client read. */
export const PendudukUbahSchema = z.object(
  describeFields({
    ...person,
    ...lokasi,
    versi: z.coerce.number({ error: 'wajibDiisi' }).int().positive({ error: 'wajibDiisi' }),
  }),
);
export type PendudukUbah = z.output<typeof PendudukUbahSchema>;

const optionalPositive = (max?: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : Number(v)))
    .refine((v) => v === undefined || (Number.isSafeInteger(v) && v > 0), { error: 'pilihanTidakValid' })
    .transform((v) => (v !== undefined && max !== undefined ? Math.min(v, max) : v));

export const MAX_PER = 200;
const paging = { halaman: optionalPositive(), per: optionalPositive(MAX_PER) };

/** GET /api/v1/desa/{kode}/penduduk: an exact NIK, or a name prefix (`q`; 16 digits = NIK), plus code filters. */
export const PendudukCariSchema = z.object(
  describeFields({
    nik: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : cleanNumber(v.trim())))
      .refine((v) => v === undefined || /^\d{16}$/.test(v), { error: 'nikFormat' })
      .meta({ description: 'Exact NIK or temporary number, 16 digits' }),
    q: z.string().trim().max(100, { error: 'terlaluPanjang|100' }).optional(),
    status_dasar: z.enum(['1', '2', '3', '4', '6', '9', 'semua'], { error: 'pilihanTidakValid' }).optional().meta({
      description:
        'Status dasar code (1 HIDUP, 2 MATI, 3 PINDAH, 4 HILANG, 6 PERGI, 9 TIDAK VALID) or "semua"; default 1',
    }),
    ...paging,
    ...(Object.fromEntries(FILTERABLE_CODES.map((c) => [c, code(CODED_FIELDS[c] ?? 'jenis_kelamin')])) as Record<
      FilterableCode,
      ReturnType<typeof code>
    >),
  }),
);

export const KeluargaCariSchema = z.object(
  describeFields({
    no_kk: kkLookup().meta({ description: 'KK number (16 digits; temporary numbers too)' }),
    ...paging,
  }),
);

/** Leaving events by name or OpenSID code (log_penduduk.kode_peristiwa). */
export const KODE_KEPERGIAN = { mati: 2, pindah_keluar: 3, hilang: 4, pergi: 6 } as const;
const LEAVING_CODES = Object.values(KODE_KEPERGIAN) as number[];

export const KodeKepergianSchema = z.object({
  kode: z.union([z.string(), z.number()], { error: 'wajibDiisi' }).transform((v, ctx) => {
    const text = String(v)
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const n = /^\d+$/.test(text) ? Number(text) : KODE_KEPERGIAN[text as keyof typeof KODE_KEPERGIAN];
    if (n === undefined || !LEAVING_CODES.includes(n)) {
      ctx.addIssue({ code: 'custom', message: 'pilihanTidakValid' });
      return z.NEVER;
    }
    return n;
  }),
});

/** The details each leaving event takes (the same schemas as the office forms). */
export const LEAVING_SCHEMAS = {
  2: MatiSchema,
  3: PindahKeluarSchema,
  4: HilangSchema,
  6: PergiSchema,
} as const;

const kodeOf = (name: keyof typeof KODE_KEPERGIAN) =>
  z.union([z.literal(name), z.literal(KODE_KEPERGIAN[name])]).meta({
    description: `"${name}" or ${KODE_KEPERGIAN[name]}`,
  });

/** For the OpenAPI document: one body shape per kind of event. */
export const KepergianDocSchema = z.union([
  z.object(describeFields({ kode: kodeOf('mati'), ...MatiSchema.shape })),
  z.object(describeFields({ kode: kodeOf('pindah_keluar'), ...PindahKeluarSchema.shape })),
  z.object(describeFields({ kode: kodeOf('hilang'), ...HilangSchema.shape })),
  z.object(describeFields({ kode: kodeOf('pergi'), ...PergiSchema.shape })),
]);

const birthPerson = {
  ...pendudukFields,
  sex: mustCode('jenis_kelamin'),
  tanggallahir: requiredDate(),
};

/** The family: its KK number, or its id (families with a temporary number). */
const family = (noKk: string) => ({
  no_kk: kkLookup().meta({ description: noKk }),
  keluarga_id: optionalId(),
});
const optionalLokasi = (fallback: string) => ({
  dusun: optionalText(60).meta({ description: `Dusun name; it must exist (default: ${fallback})` }),
  rw: rwRt(),
  rt: rwRt(),
});

/** A birth into a family of this desa; the event date is the date of birth. */
export const LahirApiSchema = z
  .object(
    describeFields({
      ...birthPerson,
      ...family('KK number of the family of this desa the child is born into (or keluarga_id)'),
      kk_level: mustCode('hubungan_keluarga'),
      ...optionalLokasi('the family’s dusun/RW/RT'),
      tgl_lapor: optionalDate(),
      catatan: optionalText(500),
    }),
  )
  .superRefine((v, ctx) => {
    if (v.no_kk === null && v.keluarga_id === null)
      ctx.addIssue({ code: 'custom', path: ['no_kk'], message: 'wajibDiisi' });
  });
export type LahirApi = z.output<typeof LahirApiSchema>;

/** An arrival: joins a family of this desa, or brings its own KK (a new family with this person as head). */
export const PindahMasukApiSchema = z.object(
  describeFields({
    ...birthPerson,
    ...family(
      'KK number: of a family of this desa to join (with kk_level), or the person’s own KK (a new family with ' +
        'this person as head; without it a temporary number is issued)',
    ),
    kk_level: code('hubungan_keluarga'),
    alamat: optionalText(200).meta({ description: 'Address of the new family (own KK)' }),
    ...optionalLokasi('the family’s dusun/RW/RT when joining one'),
    alamat_asal: optionalText(200),
    maksud_tujuan_kedatangan: optionalText(200),
    tgl_peristiwa: requiredDate(),
    tgl_lapor: optionalDate(),
    catatan: optionalText(500),
  }),
);
export type PindahMasukApi = z.output<typeof PindahMasukApiSchema>;

export { BatalSchema };
