import { z } from 'zod';

const optionalId = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), { error: 'pilihanTidakValid' });

export const TerimaPindahSchema = z.object({ kepala_baru_id: optionalId() });

export const TutupPindahSchema = z.object({
  alasan: z
    .string({ error: 'wajibDiisi' })
    .trim()
    .min(3, { error: 'terlaluPendek|3' })
    .max(500, { error: 'terlaluPanjang|500' }),
});
