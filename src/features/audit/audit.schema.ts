import { z } from 'zod';

const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), { error: 'tanggalTidakValid' })
    .transform((v) => v || null);

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `terlaluPanjang|${max}` })
    .optional()
    .transform((v) => v || null);

export const AuditFilterSchema = z.object({
  desa: optionalFilter(13),
  pengguna: optionalFilter(40),
  entitas: optionalFilter(40),
  dari: optionalDate(),
  sampai: optionalDate(),
  sebelum: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;
