import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { findDesa } from '#src/features/desa/desa.repository.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation, uniqueViolationOn } from '#src/lib/db/errors.js';
import { readJson } from '#src/lib/db/time.js';
import { conflict, HttpError, notFound } from '#src/lib/errors.js';
import { checkXlsxFile, type XlsxLimits, XlsxRejected } from '#src/lib/xlsx/xlsx-check.js';
import type { JenisImpor } from './impor.table.js';
import { type BacaOptions, BerkasDitolak } from './impor-baca.js';
import type { Masalah } from './impor-baris.js';
import { type Pengimpor, pengimpor, type RencanaDasar } from './impor-jenis.js';
import type { Jumlah } from './impor-rencana.js';
import * as repo from './impor-tugas.repository.js';

/** What a job reports: the counts, and the first problems (the full lists are in its folder). */
export interface HasilImpor extends Jumlah {
  total: number;
  galat: Masalah[];
  peringatanDaftar: Masalah[];
  jumlahGalat: number;
  jumlahPeringatan: number;
  /** for a file refused as a whole */
  berkas?: Masalah[];
}

export interface Kemajuan {
  fase: 'membaca' | 'memeriksa' | 'menerapkan';
  selesai: number;
  total: number | null;
}

/**
 * Import limits from the environment: the file size, its inflated size (an .xlsx is a zip; text-heavy
 * sheets inflate ~7–10×, so 24× the file size leaves room for real files and none for zip bombs), rows.
 */
export function importLimits(env: { BALAI_IMPORT_LIMIT: number; BALAI_IMPORT_MAX_ROWS: number }): XlsxLimits {
  return {
    maxBytes: env.BALAI_IMPORT_LIMIT,
    maxUncompressedBytes: Math.max(1024 ** 3, env.BALAI_IMPORT_LIMIT * 24),
    maxRows: env.BALAI_IMPORT_MAX_ROWS,
  };
}

export interface ImporContext {
  db: Db;
  dataDir: string;
  limits: XlsxLimits;
  log?: Pick<Logger, 'error'>;
}

const SHOWN = 200;
/** progress of the jobs this process runs (a page asking for it reloads every 2 s) */
const progress = new Map<number, Kemajuan>();
/** the work of the jobs this process runs, so that a caller (CLI, test) may wait for it */
const work = new Map<number, Promise<void>>();
/**
 * Starts and commits of this process between registering a job in the database and tracking its work:
 * while one is in flight, a job of this process that is not tracked yet is not mistaken for a dead one.
 */
let inFlight = 0;

export const thisProcess = () => `${hostname()}:${process.pid}`;
export const jobDir = (ctx: ImporContext, id: number) => join(resolve(ctx.dataDir), 'impor', String(id));
export const stagedPath = (ctx: ImporContext, id: number) => join(jobDir(ctx, id), 'baris.ndjson');
export const problemsPath = (ctx: ImporContext, id: number) => join(jobDir(ctx, id), 'masalah.json');
/** the preview's plan and the register's fingerprint when it was made */
const planPath = (ctx: ImporContext, id: number) => join(jobDir(ctx, id), 'rencana.json');
/** the header row as written in the file (for the report of rejected rows) */
export const headerPath = (ctx: ImporContext, id: number) => join(jobDir(ctx, id), 'header.json');
/** problems of the cells themselves, found while reading (they do not change between preview and commit) */
const readErrorsPath = (ctx: ImporContext, id: number) => join(jobDir(ctx, id), 'galat-baca.json');

export function progressOf(id: number): Kemajuan | undefined {
  return progress.get(id);
}

/** Wait for a job's background work in this process (none → returns at once). */
export async function settled(id: number): Promise<void> {
  await work.get(id);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Jobs marked running whose process is gone (killed, crashed, power lost) are marked failed. Their
 * transaction died with them, so the desa is as it was before the commit. On another host, a job is
 * taken as gone after 6 hours without any sign.
 */
export async function clearStale(db: Db, desaKode?: string): Promise<number> {
  let cleared = 0;
  for (const job of await repo.listRunning(db, desaKode)) {
    const [host, pid] = (job.pemilik ?? ':').split(':');
    const here = host === hostname();
    const gone = here
      ? !isAlive(Number(pid)) || (Number(pid) === process.pid && inFlight === 0 && !work.has(job.id))
      : Date.now() - Date.parse(job.diperbarui_pada) > 6 * 3_600_000;
    if (gone && (await repo.setStatus(db, job.id, ['membaca', 'menerapkan'], 'gagal', { pesan: 'imporTerputus' })))
      cleared += 1;
  }
  return cleared;
}

export interface Unggahan {
  desaKode: string;
  /** residents (default) or households */
  jenis?: JenisImpor;
  /** a temporary file holding the upload; moved into the job's folder */
  path: string;
  nama: string;
  ukuran: number;
}

/**
 * Start an import: the file is checked by content (not by name) and the job registered — at most one
 * running job per desa. Reading and checking go on in the background; `settled(id)` waits for them.
 */
export async function startImport(ctx: ImporContext, actor: Actor, up: Unggahan): Promise<number> {
  if (!(await findDesa(ctx.db, up.desaKode))) {
    await rm(up.path, { force: true });
    throw notFound('desaBelumAktif', { kode: up.desaKode });
  }
  try {
    await checkXlsxFile(up.path, ctx.limits);
  } catch (error) {
    await rm(up.path, { force: true });
    throw error;
  }
  await clearStale(ctx.db, up.desaKode);
  let id: number;
  inFlight += 1;
  try {
    id = await repo.insertTugas(ctx.db, {
      desa_kode: up.desaKode,
      jenis: up.jenis ?? 'penduduk',
      nama_berkas: up.nama.slice(0, 200),
      ukuran: up.ukuran,
      dibuat_oleh: actor.username,
      pemilik: thisProcess(),
    });
    track(id, prepareThenAnalyse(ctx, id, up));
  } catch (error) {
    await rm(up.path, { force: true });
    if (uniqueViolationOn(error, 'desa_kode') || uniqueViolationOn(error, 'impor_satu_berjalan'))
      throw conflict('imporSedangBerjalan');
    throw error;
  } finally {
    inFlight -= 1;
  }
  return id;
}

async function prepareThenAnalyse(ctx: ImporContext, id: number, up: Unggahan) {
  const file = join(jobDir(ctx, id), 'berkas.xlsx');
  try {
    await mkdir(jobDir(ctx, id), { recursive: true, mode: 0o700 });
    await rename(up.path, file);
  } catch (error) {
    await rm(up.path, { force: true });
    ctx.log?.error({ err: error, job: id }, 'import file could not be moved');
    await repo.setStatus(ctx.db, id, ['membaca'], 'gagal', { pesan: 'imporGagal' });
    return;
  }
  await analyse(ctx, id, up.jenis ?? 'penduduk', up.desaKode, file);
}

function track(id: number, p: Promise<void>) {
  const done = p.finally(() => {
    work.delete(id);
    progress.delete(id);
  });
  work.set(id, done);
}

async function analyse(ctx: ImporContext, id: number, jenis: JenisImpor, desaKode: string, file: string) {
  const kind = pengimpor(jenis);
  try {
    progress.set(id, { fase: 'membaca', selesai: 0, total: null });
    // taken before planning: a change made while the plan is made shows as a different fingerprint
    const fingerprint = await repo.registerFingerprint(ctx.db, desaKode);
    const readOpts = {
      maxRows: ctx.limits.maxRows,
      maxUncompressedBytes: ctx.limits.maxUncompressedBytes,
      progress: (n: number) => progress.set(id, { fase: 'membaca', selesai: n, total: null }),
    };
    const { read, plan } = kind.readAndPlan
      ? await kind.readAndPlan(ctx.db, desaKode, file, stagedPath(ctx, id), readOpts)
      : await readThenPlan(ctx, id, kind, desaKode, file, readOpts);
    await rm(file, { force: true });
    await writeFile(readErrorsPath(ctx, id), JSON.stringify(read.errors), { mode: 0o600 });
    await writeFile(headerPath(ctx, id), JSON.stringify(read.header), { mode: 0o600 });
    if (kind.savePlan)
      await writeFile(planPath(ctx, id), JSON.stringify({ fingerprint, plan: kind.savePlan(plan) }), { mode: 0o600 });
    const hasil = await saveProblems(ctx, id, read.total, [...read.errors, ...plan.errors], plan);
    await repo.setStatus(ctx.db, id, ['membaca'], 'siap', { hasil });
  } catch (error) {
    await rm(file, { force: true });
    await fail(ctx, id, ['membaca'], error);
  }
}

async function readThenPlan(
  ctx: ImporContext,
  id: number,
  kind: Pengimpor,
  desaKode: string,
  file: string,
  opts: BacaOptions,
) {
  const read = await kind.read(file, stagedPath(ctx, id), opts);
  progress.set(id, { fase: 'memeriksa', selesai: 0, total: read.total });
  const plan = await kind.plan(ctx.db, desaKode, stagedPath(ctx, id), (n) =>
    progress.set(id, { fase: 'memeriksa', selesai: n, total: read.total }),
  );
  return { read, plan };
}

async function fail(ctx: ImporContext, id: number, from: ('membaca' | 'menerapkan')[], error: unknown) {
  if (error instanceof BerkasDitolak) {
    await repo.setStatus(ctx.db, id, from, 'gagal', { pesan: 'imporBerkasDitolak', hasil: { berkas: error.masalah } });
  } else if (error instanceof XlsxRejected) {
    await repo.setStatus(ctx.db, id, from, 'gagal', { pesan: error.message.slice(0, 500) });
  } else if (error instanceof HttpError) {
    await repo.setStatus(ctx.db, id, from, 'gagal', { pesan: error.key });
  } else if (isUniqueViolation(error)) {
    // a NIK, KK number or chip id of the file was recorded elsewhere between the preview and the commit
    await repo.setStatus(ctx.db, id, from, 'gagal', { pesan: 'imporDataBerubah' });
  } else {
    ctx.log?.error({ err: error, impor: id }, 'impor gagal');
    await repo.setStatus(ctx.db, id, from, 'gagal', { pesan: 'imporGagal' });
  }
}

const byRow = (a: Masalah, b: Masalah) =>
  (a.lembar ?? '').localeCompare(b.lembar ?? '') || a.baris - b.baris || a.kolom.localeCompare(b.kolom);

async function saveProblems(ctx: ImporContext, id: number, total: number, errors: Masalah[], plan: RencanaDasar) {
  errors.sort(byRow);
  plan.warnings.sort(byRow);
  await writeFile(problemsPath(ctx, id), JSON.stringify({ galat: errors, peringatan: plan.warnings }), { mode: 0o600 });
  const hasil: HasilImpor = {
    total,
    ...plan.jumlah,
    ditolak: total - plan.jumlah.baru - plan.jumlah.diperbarui - plan.jumlah.tidak_berubah,
    galat: errors.slice(0, SHOWN),
    peringatanDaftar: plan.warnings.slice(0, SHOWN),
    jumlahGalat: errors.length,
    jumlahPeringatan: plan.warnings.length,
  };
  return hasil;
}

/**
 * Apply a previewed import: the plan is made again inside one transaction (the register may have moved
 * since the preview) and every accepted row written — all of it, or nothing.
 */
export async function commitImport(ctx: ImporContext, actor: Actor, id: number): Promise<void> {
  const job = await repo.findTugas(ctx.db, id);
  if (!job) throw notFound();
  await clearStale(ctx.db, job.desa_kode);
  inFlight += 1;
  try {
    if (!(await repo.setStatus(ctx.db, id, ['siap'], 'menerapkan', { pemilik: thisProcess() })))
      throw conflict('imporBukanSiap');
    track(id, apply(ctx, actor, job, readJson<HasilImpor>(job.hasil)?.total ?? 0));
  } catch (error) {
    if (uniqueViolationOn(error, 'desa_kode') || uniqueViolationOn(error, 'impor_satu_berjalan'))
      throw conflict('imporSedangBerjalan');
    throw error;
  } finally {
    inFlight -= 1;
  }
}

async function apply(ctx: ImporContext, actor: Actor, job: repo.TugasRow, total: number) {
  const { id, desa_kode: desaKode } = job;
  const kind = pengimpor(job.jenis);
  try {
    progress.set(id, { fase: 'memeriksa', selesai: 0, total });
    const preview = readJson<HasilImpor>(job.hasil);
    const hasil = await ctx.db.transaction().execute(async (trx) => {
      // the preview's plan is reused when nothing of the desa changed since; otherwise it is made again
      const saved = kind.loadPlan
        ? await readJsonFile<{ fingerprint: string; plan: unknown } | null>(planPath(ctx, id), null)
        : null;
      const reuse =
        saved !== null && preview !== null && saved.fingerprint === (await repo.registerFingerprint(trx, desaKode));
      const plan =
        reuse && kind.loadPlan
          ? kind.loadPlan(saved.plan)
          : await kind.plan(trx, desaKode, stagedPath(ctx, id), (n) =>
              progress.set(id, { fase: 'memeriksa', selesai: n, total }),
            );
      await kind.apply({
        db: trx,
        actor,
        desaKode,
        stagedPath: stagedPath(ctx, id),
        plan,
        progress: (n) => progress.set(id, { fase: 'menerapkan', selesai: n, total }),
      });
      // a reused plan keeps the preview's counts and problems; a new one rewrites them
      const result =
        reuse && preview
          ? preview
          : await saveProblems(
              ctx,
              id,
              total,
              [...(await readJsonFile<Masalah[]>(readErrorsPath(ctx, id), [])), ...plan.errors],
              plan,
            );
      await audit.record(trx, actor, {
        aksi: 'impor',
        entitas: 'impor',
        entitasId: id,
        desaKode,
        alasan: `baru ${result.baru}, diperbarui ${result.diperbarui}, tidak berubah ${result.tidak_berubah}, ditolak ${result.ditolak}`,
      });
      return result;
    });
    await repo.setStatus(ctx.db, id, ['menerapkan'], 'selesai', { hasil });
  } catch (error) {
    await fail(ctx, id, ['menerapkan'], error);
  }
}

/** A JSON file of a job's folder, or `fallback` when it is not there. */
export async function readJsonFile<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** The full problem lists of a job (written when it was checked, and again when applied). */
export function readProblems(ctx: ImporContext, id: number): Promise<{ galat: Masalah[]; peringatan: Masalah[] }> {
  return readJsonFile(problemsPath(ctx, id), { galat: [], peringatan: [] });
}

/** A previewed import the operator does not want: nothing was written; its files are removed. */
export async function cancelImport(ctx: ImporContext, id: number): Promise<void> {
  if (!(await repo.setStatus(ctx.db, id, ['siap'], 'dibatalkan'))) throw conflict('imporBukanSiap');
  await rm(jobDir(ctx, id), { recursive: true, force: true });
}

export async function getJob(ctx: ImporContext, id: number) {
  const job = await repo.findTugas(ctx.db, id);
  if (!job) throw notFound();
  return { ...job, hasil: readJson<HasilImpor>(job.hasil), kemajuan: progressOf(id) ?? null };
}

export const listJobs = (ctx: ImporContext, desaKode: string) => repo.listTugas(ctx.db, desaKode);
