import { z } from 'zod';
import { positiveId } from '#src/lib/forms/fields.js';
import { SUMBER_TEMUAN } from './konten-jaga.table.js';

/** A decision on held content (the desa review page). */
export const KeputusanSchema = z.object(
  {
    intent: z.enum(['lepas', 'tolak'], { error: 'pilihanTidakValid' }),
    sumber: z.enum(SUMBER_TEMUAN, { error: 'pilihanTidakValid' }),
    sumber_id: positiveId(),
  },
  { error: 'pilihanTidakValid' },
);
export type KeputusanInput = z.infer<typeof KeputusanSchema>;
