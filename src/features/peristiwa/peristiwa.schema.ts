import { z } from 'zod';
import { PendudukFormSchema } from '#src/features/penduduk/penduduk.schema.js';
import { optionalText, positiveId } from '#src/lib/forms/fields.js';
import { code, optionalDate, requiredCode, requiredDate } from '#src/lib/forms/penduduk-fields.js';

const jam = () =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { error: 'jamTidakValid' });

const optionalId = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null || v === '' ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), { error: 'pilihanTidakValid' });

/** Dates of every event: when it happened and when it was reported (reports count by event date). */
const dates = {
  tgl_peristiwa: requiredDate(),
  tgl_lapor: optionalDate(),
  catatan: optionalText(500),
};

/** When a head of family leaves: the member who becomes head, or (for the last member) the KK is closed. */
const succession = {
  kepala_baru_id: optionalId(),
};

export const MatiSchema = z.object({
  ...dates,
  ...succession,
  meninggal_di: optionalText(100),
  jam_mati: jam(),
  sebab: code('sebab_kematian'),
  penolong_mati: code('penolong_kematian'),
  akta_mati: optionalText(40),
});

export const PindahKeluarSchema = z.object({
  ...dates,
  ...succession,
  ref_pindah: requiredCode('jenis_pindah'),
  alamat_tujuan: optionalText(200),
});

export const HilangSchema = z.object({ ...dates, ...succession });
export const PergiSchema = z.object({ ...dates, ...succession });

export type LeavingInput = z.infer<typeof MatiSchema> & Partial<z.infer<typeof PindahKeluarSchema>>;

export const LahirSchema = PendudukFormSchema.extend({
  keluarga_id: positiveId(),
  kk_level: requiredCode('hubungan_keluarga'),
  tgl_lapor: optionalDate(),
  catatan: optionalText(500),
});

/** An arrival joins an existing family of this desa, or brings its own KK (new family with this person as head). */
export const PindahMasukSchema = PendudukFormSchema.extend({
  keluarga_id: optionalId(),
  kk_level: code('hubungan_keluarga'),
  no_kk: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[\s.]/g, '') : null))
    .refine((v) => v === null || /^[1-9]\d{15}$/.test(v), { error: 'kkFormat' }),
  alamat_kk: optionalText(200),
  alamat_asal: optionalText(200),
  maksud_tujuan_kedatangan: optionalText(200),
  tgl_peristiwa: requiredDate(),
  tgl_lapor: optionalDate(),
  catatan: optionalText(500),
});

export const BatalSchema = z.object({
  alasan: z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(5, { error: 'terlaluPendek|5' })
    .max(500, { error: 'terlaluPanjang|500' }),
});
