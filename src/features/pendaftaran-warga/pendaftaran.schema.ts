import { z } from 'zod';

const nomor16 = (pesan: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{16}$/, pesan);

/** Step 1: who the resident says they are (all four must match one living resident), and the KTP picture. */
export const IdentitasSchema = z.object({
  nik: nomor16('mandiriNikFormat'),
  nama: z.string().trim().min(1, 'daftarNamaWajib').max(100, 'daftarNamaWajib'),
  tanggallahir: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'daftarTanggalFormat'),
  no_kk: nomor16('daftarKkFormat'),
  email: z.union([z.literal(''), z.email('daftarEmailFormat').max(200)]).optional(),
});
export type Identitas = z.infer<typeof IdentitasSchema>;

export const LangkahSchema = z.object({
  langkah: z.enum(['identitas', 'kk', 'swafoto']),
  token: z.string().max(100).optional(),
});

export const PutusanSchema = z.object({
  intent: z.enum(['setujui', 'tolak', 'izin']),
  id: z.coerce.number().int().positive().optional(),
  alasan: z.string().trim().max(500).optional(),
  boleh: z.enum(['0', '1']).optional(),
});
