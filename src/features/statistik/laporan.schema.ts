import { z } from 'zod';

/** The report pages' query strings; the services check the values' meaning (month, dates) and answer 400. */
const teks = z.string().trim().max(20).optional().catch(undefined);

export const BulanQuerySchema = z.object({ bulan: teks });
export const RentanQuerySchema = z.object({
  per: teks,
  tingkat: z.enum(['dusun', 'rw', 'rt']).optional().catch(undefined),
});
export const DptQuerySchema = z.object({ pemilu: teks });
