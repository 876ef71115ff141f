import type { Logger } from 'pino';
import type { Langkah } from '#src/domain/surat-alur.js';
import type { Db } from '#src/lib/db/connect.js';
import type { FileStore } from '#src/lib/storage.js';

/**
 * Notification hook: called after a letter starts waiting at a step, is rejected, or is issued. The web app
 * logs it; a Telegram or push sender plugs in here. Failures of a hook never undo the letter.
 */
export interface SuratHooks {
  menunggu?(e: { suratId: number; desaKode: string; langkah: Langkah }): Promise<void> | void;
  ditolak?(e: { suratId: number; desaKode: string }): Promise<void> | void;
  terbit?(e: { suratId: number; desaKode: string; nomor: string }): Promise<void> | void;
}

/** What the letter services need, wired once by the app or the CLI. */
export interface SuratContext {
  db: Db;
  /** letter PDFs live here (under the data directory, never served directly) */
  files: FileStore;
  /** where the master key file lives, or the master key itself (private keys are encrypted with it) */
  keys: { dataDir: string; masterKey?: string | undefined };
  /** the address printed in QR codes, e.g. https://sid.rembangkab.go.id (no trailing slash) */
  publicUrl: string;
  hooks?: SuratHooks;
  log?: Pick<Logger, 'error' | 'info'>;
}

/** Call a hook without letting its failure reach the user: the letter is already saved. */
export async function notify<T>(ctx: SuratContext, hook: ((e: T) => Promise<void> | void) | undefined, e: T) {
  if (!hook) return;
  try {
    await hook(e);
  } catch (error) {
    ctx.log?.error({ err: error }, 'letter notification failed');
  }
}
