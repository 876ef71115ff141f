import { z } from 'zod';

/** Several checkboxes of one name arrive as a string or an array; ids are whole numbers. */
const daftarId = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))])
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,9}$/, { error: 'permohonanDokumenBukanMilik' })
          .transform(Number),
      )
      .max(10),
  );

/** The parts of the request form outside the type's own fields (those are checked by isianSchema). */
export const PermohonanFormSchema = z.object({
  telepon: z
    .string()
    .trim()
    .max(20)
    .regex(/^(\+?\d[\d\s-]{6,18})?$/, { error: 'permohonanTeleponFormat' })
    .optional()
    .default(''),
  catatan: z.string().trim().max(500).optional().default(''),
  dokumen: daftarId,
});

export interface PermohonanInput {
  slug: string;
  isian: Record<string, string>;
  dokumen: number[];
  telepon: string;
  catatan: string;
}

/** The answers to the type's fields from the flat form (`isian.<kode>`). */
export function isianDariForm(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) if (k.startsWith('isian.') && typeof v === 'string') out[k.slice(6)] = v;
  return out;
}

export const AlasanTolakSchema = z.object({ alasan: z.string().trim().min(1, { error: 'suratAlasanWajib' }).max(500) });

export const PenilaianSchema = z.object({
  nilai: z.coerce.number({ error: 'permohonanNilaiFormat' }).int().min(1, { error: 'permohonanNilaiFormat' }).max(5, {
    error: 'permohonanNilaiFormat',
  }),
  komentar: z.string().trim().max(500).optional().default(''),
});
export type PenilaianInput = z.infer<typeof PenilaianSchema>;

export const PesanSchema = z.object({
  isi: z.string().trim().min(1, { error: 'pesanKosong' }).max(2000, { error: 'pesanTerlaluPanjang' }),
});
