import type { Env } from '#src/env.js';
import type { Db } from '#src/lib/db/connect.js';
import type { FileStore } from '#src/lib/storage.js';
import type { SuratContext } from './surat-context.js';

/** The address printed in QR codes: BALAI_PUBLIC_URL, or where this server listens. */
export function publicUrlOf(env: Env): string {
  return (env.BALAI_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, '');
}

/** The letters' context from the app's (or the CLI's) wiring. */
export function suratContext(db: Db, env: Env, files: FileStore, log?: SuratContext['log']): SuratContext {
  return {
    db,
    files,
    keys: { dataDir: env.BALAI_DATA_DIR, masterKey: env.BALAI_MASTER_KEY },
    publicUrl: publicUrlOf(env),
    hooks: {
      menunggu: (e) =>
        log?.info({ surat: e.suratId, desa: e.desaKode, langkah: e.langkah }, 'letter waiting for approval'),
      ditolak: (e) => log?.info({ surat: e.suratId, desa: e.desaKode }, 'letter rejected'),
      terbit: (e) => log?.info({ surat: e.suratId, desa: e.desaKode }, 'letter issued'),
    },
    ...(log ? { log } : {}),
  };
}
