import type { Env } from '#src/env.js';
import { GagalPermanen, kirimTelegram } from '#src/features/telegram/telegram-api.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import * as repo from './notifikasi.repository.js';
import type { KanalNotifikasi } from './notifikasi.table.js';
import { kirimEmail } from './notifikasi-email.js';

/** How each channel delivers; null = the channel is off in this installation. */
export type Pengirim = Record<KanalNotifikasi, ((ke: string, subjek: string, teks: string) => Promise<void>) | null>;

export function pengirimDariEnv(env: Env): Pengirim {
  const token = env.BALAI_TELEGRAM_TOKEN;
  const smtp = env.BALAI_SMTP_URL;
  return {
    telegram: token ? (ke, _s, teks) => kirimTelegram({ api: env.BALAI_TELEGRAM_API, token }, ke, teks) : null,
    email: smtp ? (ke, s, teks) => kirimEmail({ url: smtp, dari: env.BALAI_SMTP_FROM }, ke, s, teks) : null,
  };
}

/** Days a finished message stays in the outbox (for the desa page's counts and troubleshooting). */
export const SIMPAN_HARI = 30;

/** Attempts before a message is given up. */
export const MAKS_PERCOBAAN = 8;

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 6 hours. */
export function jedaCobaLagi(percobaan: number): number {
  return Math.min(30 * 2 ** Math.max(0, percobaan - 1), 6 * 3600);
}

export interface HasilPutaran {
  terkirim: number;
  ditunda: number;
  gagal: number;
  dilewati: number;
}

/** One pass over the due messages of the outbox. Safe to run from several processes (each row is claimed). */
export async function jalankanOutbox(db: Db, pengirim: Pengirim, batas = 50): Promise<HasilPutaran> {
  const hasil: HasilPutaran = { terkirim: 0, ditunda: 0, gagal: 0, dilewati: 0 };
  const mulai = nowIso();
  for (const row of await repo.findJatuhTempo(db, mulai, batas)) {
    // hold the row for 5 minutes while sending; a crash mid-send retries it then
    if (!(await repo.klaim(db, row.id, row.coba_pada, new Date(Date.now() + 300_000).toISOString()))) continue;
    const kirim = pengirim[row.kanal];
    const now = nowIso();
    if (!kirim) {
      await repo.updateKeluar(db, row.id, {
        status: 'dilewati',
        galat_terakhir: 'kanal tidak aktif',
        diperbarui_pada: now,
      });
      hasil.dilewati++;
      continue;
    }
    try {
      await kirim(row.penerima, row.subjek, row.teks);
      await repo.updateKeluar(db, row.id, {
        status: 'terkirim',
        percobaan: row.percobaan + 1,
        galat_terakhir: null,
        diperbarui_pada: now,
        terkirim_pada: nowIso(),
      });
      hasil.terkirim++;
    } catch (err) {
      const percobaan = row.percobaan + 1;
      const menyerah = err instanceof GagalPermanen || percobaan >= MAKS_PERCOBAAN;
      await repo.updateKeluar(db, row.id, {
        status: menyerah ? 'gagal' : 'menunggu',
        percobaan,
        galat_terakhir: (err instanceof Error ? err.message : String(err)).slice(0, 500),
        coba_pada: new Date(Date.now() + jedaCobaLagi(percobaan) * 1000).toISOString(),
        diperbarui_pada: now,
      });
      if (menyerah) hasil.gagal++;
      else hasil.ditunda++;
    }
  }
  return hasil;
}

/** Starts the background worker (server only); returns the function that stops it. */
export function mulaiPekerjaNotifikasi(db: Db, env: Env, log: (err: unknown) => void): () => void {
  if (env.BALAI_NOTIFIKASI_DETIK === 0) return () => {};
  const pengirim = pengirimDariEnv(env);
  let sibuk = false;
  let bersihPada = 0;
  const timer = setInterval(() => {
    if (sibuk) return;
    sibuk = true;
    const bersih = Date.now() - bersihPada > 3_600_000;
    if (bersih) bersihPada = Date.now();
    jalankanOutbox(db, pengirim)
      .then(() =>
        bersih ? repo.hapusKeluarLama(db, new Date(Date.now() - SIMPAN_HARI * 86_400_000).toISOString()) : 0,
      )
      .catch(log)
      .finally(() => {
        sibuk = false;
      });
  }, env.BALAI_NOTIFIKASI_DETIK * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
