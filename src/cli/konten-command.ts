import { loadEnv } from '#src/env.js';
import { pindaiKontenTerbit } from '#src/features/konten-jaga/konten-jaga.pindai.js';
import type { Db } from '#src/lib/db/connect.js';
import type { CliIo } from './commands.js';

/**
 * `npx balai konten pindai [--json]`: the nightly scan of published content run now (hidden links, links in
 * bulk to unknown sites, gambling words); flagged articles are held for an admin's review.
 */
export async function kontenPindaiCommand(db: Db, args: { json: boolean }, io: CliIo): Promise<number> {
  const hasil = await pindaiKontenTerbit(db, loadEnv());
  io.out(
    args.json
      ? `${JSON.stringify(hasil)}\n`
      : `${hasil.diperiksa} artikel terbit diperiksa, ${hasil.ditahan} ditahan untuk ditinjau admin.\n`,
  );
  return 0;
}
