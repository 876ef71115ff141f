import { findWargaByNik } from '#src/features/mandiri/mandiri.repository.js';
import { aktifkanAkun } from '#src/features/mandiri/warga-akun.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import type { CliIo } from './commands.js';

/**
 * `npx balai mandiri aktifkan --nik NIK [--json]`: activate (or reset) a living resident's layanan-mandiri
 * account; the fresh PIN is printed once and stored only as an argon2id hash. The resident must change it at
 * the first login.
 */
export async function mandiriAktifkanCommand(
  db: Db,
  actor: Actor,
  args: { nik: string | undefined; json: boolean },
  io: CliIo,
): Promise<number> {
  if (!args.nik || !/^\d{16}$/.test(args.nik)) {
    io.err('--nik wajib: 16 angka, mis. npx balai mandiri aktifkan --nik 3317… --json\n');
    return 2;
  }
  const warga = await findWargaByNik(db, args.nik);
  if (!warga) {
    io.err('Tidak ada penduduk dengan NIK itu.\n');
    return 1;
  }
  const { pin } = await aktifkanAkun(db, actor, warga.pendudukId);
  if (args.json) io.out(`${JSON.stringify({ nik: args.nik, pin })}\n`);
  else io.out(`Akun layanan mandiri ${warga.nama} aktif. PIN (tampil sekali, wajib diganti saat masuk): ${pin}\n`);
  return 0;
}
