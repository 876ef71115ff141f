import { buildApp } from './app.js';
import { loadEnv } from './env.js';
import { purgeExpiredSessions } from './features/auth/session.service.js';
import { createSetupLink, getInstallationKabupaten } from './features/instalasi/instalasi.service.js';
import { startKameraChecker } from './features/kamera/kamera-cek.js';
import { jadwalkanPindai } from './features/konten-jaga/konten-jaga.pindai.js';
import { aturLogNotifikasi } from './features/notifikasi/notifikasi.service.js';
import { mulaiPekerjaNotifikasi } from './features/notifikasi/notifikasi-worker.js';
import { statistikWilayah } from './features/statistik/statistik.service.js';
import { warmSuratRenderer } from './features/surat/render/surat-render.js';
import { ensureJenisBawaan } from './features/surat/surat-jenis.service.js';
import { openMigratedDatabase } from './lib/db/open.js';

/** `npm start`: migrate the configured database, print a setup link on an empty install, serve. Never adds demo data. */
async function main(): Promise<void> {
  const env = loadEnv();
  const { db, dialect, close, applied } = await openMigratedDatabase(env);
  const app = await buildApp({ env, db, dialect });
  if (applied.length > 0) app.log.info({ migrasi: applied }, 'migrasi diterapkan');
  // the built-in letter types up to date, and the PDF engine loaded, before the first request
  await ensureJenisBawaan(db);
  warmSuratRenderer();

  await app.listen({ host: env.HOST, port: env.PORT });
  // today's figures of every desa computed in the background, so the first dashboard visitor does not wait
  const kabupaten = await getInstallationKabupaten(db);
  if (kabupaten)
    statistikWilayah({ db, dialect }, kabupaten.kode).then(
      () => app.log.info('statistik siap'),
      (err: unknown) => app.log.error({ err }, 'statistik gagal dihitung di awal'),
    );
  const link = await createSetupLink(db);
  if (link) {
    const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
    const base = env.BALAI_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
    // printed on the console only (never logged): whoever opens it creates the first kabupaten admin
    process.stdout.write(
      `\nBalai belum punya akun. Buka tautan sekali pakai ini (berlaku 24 jam) untuk membuat admin kabupaten pertama:\n  ${base}/setup/${link}\n\n`,
    );
  }

  const purge = setInterval(
    () => void purgeExpiredSessions(db).catch((err) => app.log.error({ err }, 'pembersihan sesi gagal')),
    3_600_000,
  );
  purge.unref();
  // queued notifications (Telegram, email) delivered in the background with retries
  aturLogNotifikasi((err, pesan) => app.log.error({ err }, pesan));
  const stopNotifikasi = mulaiPekerjaNotifikasi(db, env, (err) =>
    app.log.error({ err }, 'pengiriman notifikasi gagal'),
  );
  // the nightly scan of published content for injected links and gambling words (BALAI_PINDAI_JAM, WIB)
  const stopPindai = jadwalkanPindai(db, env, app.log);
  // live cameras: status checked every BALAI_KAMERA_CEK_MENIT minutes (short timeouts, capped answers)
  const stopKamera = startKameraChecker(
    db,
    env.BALAI_KAMERA_CEK_MENIT,
    { timeoutMs: 8_000, izinkanPrivat: env.BALAI_KAMERA_ALAMAT_PRIVAT },
    (err) => app.log.error({ err }, 'pemeriksaan kamera gagal'),
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'berhenti');
    clearInterval(purge);
    stopNotifikasi();
    stopPindai();
    stopKamera();
    await app.close();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Balai gagal mulai: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
