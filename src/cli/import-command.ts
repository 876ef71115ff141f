import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadEnv } from '#src/env.js';
import type { JenisImpor } from '#src/features/impor/impor.table.js';
import {
  commitImport,
  getJob,
  type ImporContext,
  importLimits,
  progressOf,
  readProblems,
  settled,
  startImport,
} from '#src/features/impor/impor-tugas.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { localise, messagesFor } from '#src/lib/i18n/messages.js';
import { XlsxRejected } from '#src/lib/xlsx/xlsx-check.js';
import type { CliIo } from './commands.js';

export function importContext(db: Db): ImporContext {
  const env = loadEnv();
  return {
    db,
    dataDir: env.BALAI_DATA_DIR,
    limits: importLimits(env),
  };
}

/** Progress lines on stderr while a job runs (one per change, at most every half second). */
function watch(id: number, io: CliIo): () => void {
  let last = '';
  const timer = setInterval(() => {
    const p = progressOf(id);
    if (!p) return;
    const line = `${p.fase} ${p.selesai}${p.total ? `/${p.total}` : ''}`;
    if (line !== last) io.err(`${line}\n`);
    last = line;
  }, 500);
  return () => clearInterval(timer);
}

/**
 * `npx balai import penduduk|rumah-tangga --desa KODE FILE [--dry-run] [--json]`: the same job as the web
 * import — read and checked, then (without --dry-run) applied in one transaction. `jenis` says which format
 * (default residents); a household import also reports the households it creates.
 */
export async function importCommand(
  db: Db,
  actor: Actor,
  opts: { desa: string; file: string; dryRun: boolean; json: boolean; jenis?: JenisImpor },
  io: CliIo,
): Promise<number> {
  const jenis = opts.jenis ?? 'penduduk';
  const ctx = importContext(db);
  const m = messagesFor('id');
  const size = (await stat(opts.file)).size;
  await mkdir(join(resolve(ctx.dataDir), 'impor'), { recursive: true, mode: 0o700 });
  const tmp = join(resolve(ctx.dataDir), 'impor', `unggah-${randomUUID()}.xlsx`);
  await copyFile(opts.file, tmp);
  let id: number;
  try {
    id = await startImport(ctx, actor, { desaKode: opts.desa, jenis, path: tmp, nama: opts.file, ukuran: size });
  } catch (error) {
    if (error instanceof XlsxRejected) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const stop = watch(id, io);
  try {
    await settled(id);
    let job = await getJob(ctx, id);
    if (job.status === 'siap' && !opts.dryRun) {
      await commitImport(ctx, actor, id);
      await settled(id);
      job = await getJob(ctx, id);
    }
    if (job.status === 'gagal') {
      const whole = job.hasil?.berkas ?? [];
      io.err(`${localise(job.pesan ?? 'imporGagal', m)}\n`);
      for (const p of whole) io.err(`  ${p.kolom}: ${localise(p.pesan, m)}\n`);
      if (opts.json)
        io.out(`${JSON.stringify({ galat: whole.map((p) => ({ ...p, pesan: localise(p.pesan, m) })) })}\n`);
      return 1;
    }
    const h = job.hasil;
    if (!h) return 1;
    const problems = await readProblems(ctx, id);
    const galat = problems.galat.map((p) => ({
      baris: p.baris,
      kolom: p.kolom,
      pesan: localise(p.pesan, m),
      ...(p.lembar ? { lembar: p.lembar } : {}),
    }));
    // a household import's counts also hold the households created (impor-rtm-rencana.ts)
    const rtm =
      jenis === 'rumah_tangga'
        ? { rumah_tangga_baru: (h as { rumah_tangga_baru?: number }).rumah_tangga_baru ?? 0 }
        : {};
    if (opts.json) {
      const { baru, diperbarui, tidak_berubah, ditolak, peringatan } = h;
      io.out(`${JSON.stringify({ baru, diperbarui, tidak_berubah, ditolak, peringatan, ...rtm, galat })}\n`);
    } else {
      const households = 'rumah_tangga_baru' in rtm ? `, rumah tangga baru ${rtm.rumah_tangga_baru}` : '';
      io.out(
        `${opts.dryRun ? 'Uji coba (tidak ada yang disimpan)' : 'Impor selesai'}: ${h.total} baris — baru ${h.baru}, diperbarui ${h.diperbarui}, tidak berubah ${h.tidak_berubah}, ditolak ${h.ditolak} (NIK ganda ${h.ganda}), dengan peringatan ${h.peringatan}${households}.\n`,
      );
      for (const g of galat.slice(0, 50)) io.out(`  baris ${g.baris} ${g.kolom}: ${g.pesan}\n`);
      if (galat.length > 50) io.out(`  …dan ${galat.length - 50} masalah lagi (gunakan --json untuk semuanya).\n`);
    }
    return 0;
  } finally {
    stop();
  }
}
