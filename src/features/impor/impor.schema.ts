import { z } from 'zod';

/** The upload form: which kind of OpenSID workbook, and the file (multipart; its name comes separately). */
export const ImporUploadSchema = z
  .object({
    jenis: z.enum(['penduduk', 'rumah_tangga']).default('penduduk'),
    berkas: z.instanceof(Buffer).refine((b) => b.length > 0),
  })
  .transform((v) => ({ ...v, nama: 'unggahan.xlsx' }));
export type ImporUpload = z.infer<typeof ImporUploadSchema>;
