import { z } from 'zod';
import { positiveId } from '#src/lib/forms/fields.js';

export const DuplikatActionSchema = z.discriminatedUnion(
  'intent',
  [z.object({ intent: z.literal('gabung'), pertahankan_id: positiveId() }), z.object({ intent: z.literal('abaikan') })],
  { error: 'pilihanTidakValid' },
);
