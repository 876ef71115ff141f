import { z } from 'zod';
import { positiveId, requiredText } from '#src/lib/forms/fields.js';

/** Dusun names are free text; RW and RT are numbers, kept as three digits like OpenSID ("1" → "001"). */
const nomor = () =>
  z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(1, { error: 'wajibDiisi' })
    .regex(/^\d{1,3}$/, { error: 'nomorRwRtTidakValid' })
    .refine((v) => Number(v) > 0, { error: 'nomorRwRtTidakValid' })
    .transform((v) => v.padStart(3, '0'));

const namaDusun = () => requiredText(60).transform((v) => v.replace(/\s+/g, ' '));

export const LingkunganFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('tambah-dusun'), nama: namaDusun() }),
    z.object({ intent: z.literal('tambah-rw'), induk_id: positiveId(), nama: nomor() }),
    z.object({ intent: z.literal('tambah-rt'), induk_id: positiveId(), nama: nomor() }),
    z.object({ intent: z.literal('ubah-dusun'), id: positiveId(), nama: namaDusun() }),
    z.object({ intent: z.literal('ubah-nomor'), id: positiveId(), nama: nomor() }),
    z.object({ intent: z.literal('hapus'), id: positiveId() }),
  ],
  { error: 'pilihanTidakValid' },
);
export type LingkunganForm = z.infer<typeof LingkunganFormSchema>;
