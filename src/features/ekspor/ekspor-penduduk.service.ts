import type { Writable } from 'node:stream';
import { levelOf } from '#src/domain/region-code.js';
import { KOLOM_PENDUDUK } from '#src/features/impor/impor-kolom.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { type PendudukListQuery, PendudukListQuerySchema } from '#src/features/penduduk/penduduk-list.schema.js';
import { buildPendudukQuery } from '#src/features/penduduk/penduduk-list.service.js';
import { type Actor, audit, systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import { createXlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import { HEADERS, KODE_DATA, kodeDataSheet, sheetName, TEXT_COLUMNS, toOpenSidRow, unitNamer } from './ekspor-baris.js';
import {
  countForExport,
  type EksporCursor,
  type EksporQuery,
  type EksporRow,
  listDesaForExport,
  listExportBatch,
  listFamilyPage,
} from './ekspor-penduduk.repository.js';

/** About this many rows are read per query (a page of families holds ~3.5 people each). */
export const BATCH = 5000;
const familiesPerBatch = (rows: number) => Math.max(1, Math.ceil(rows / 3.5));

export interface EksporRequest {
  /** a desa, or a kecamatan/kabupaten: every active desa under it, one sheet each */
  kode: string;
  /** the resident list's filters (default: the living); a unit filter counts only in a desa export */
  filters: PendudukListQuery;
  /** a dusun/RW/RT operator's own unit: only it (and below) is exported */
  lingkunganId?: number | null;
}

export interface EksporDesa {
  kode: string;
  nama: string;
  sheet: string;
  query: EksporQuery;
  rows: number;
  tanpaKk: number;
}

export interface EksporPlan {
  desa: EksporDesa[];
  /** rows the file will hold */
  rows: number;
  /** matching residents without a family: left out (OpenSID cannot import a row without No. KK) */
  tanpaKk: number;
}

/** The list filters of one desa as the export's query (the list's paging and sort do not apply). */
async function queryOf(db: Db, scope: { desaKode: string; lingkunganId: number | null }, filters: PendudukListQuery) {
  const { limit: _l, offset: _o, sort: _s, ...query } = await buildPendudukQuery(db, scope, filters);
  return { ...query, desaKode: scope.desaKode };
}

/**
 * What an export will hold, per desa, audited before a byte is written (an export carries every full NIK and
 * KK number: the caller has checked export:penduduk and read:nik). An unknown or inactive code is a 404.
 */
export async function planEkspor(db: Db, actor: Actor, req: EksporRequest): Promise<EksporPlan> {
  const desa = await listDesaForExport(db, req.kode);
  if (desa.length === 0) throw notFound('eksporTanpaDesa', { kode: req.kode.slice(0, 20) });
  const single = levelOf(req.kode) === 3;
  const filters = single ? req.filters : { ...req.filters, lingkungan: undefined };
  const used = new Set<string>();
  const plan: EksporPlan = { desa: [], rows: 0, tanpaKk: 0 };
  for (const d of desa) {
    const scope = { desaKode: d.kode, lingkunganId: single ? (req.lingkunganId ?? null) : null };
    const query = await queryOf(db, scope, filters);
    const counts = await countForExport(db, query);
    plan.desa.push({
      ...d,
      sheet: sheetName(d.nama, used),
      query,
      rows: counts.denganKk,
      tanpaKk: counts.tanpaKk,
    });
    plan.rows += counts.denganKk;
    plan.tanpaKk += counts.tanpaKk;
    await audit.recordRead(db, actor, {
      aksi: 'ekspor',
      entitas: 'penduduk',
      desaKode: d.kode,
      alasan: `format OpenSID; ${counts.denganKk} baris; nomor lengkap${counts.tanpaKk ? `; ${counts.tanpaKk} tanpa KK tidak diekspor` : ''}`,
    });
  }
  return plan;
}

/** How many residents of a desa list would be left out of its OpenSID export for want of a family. */
export async function countTanpaKk(
  db: Db,
  scope: { desaKode: string; lingkunganId: number | null },
  filters: PendudukListQuery,
) {
  return (await countForExport(db, await queryOf(db, scope, filters))).tanpaKk;
}

const WIDTHS = KOLOM_PENDUDUK.map((k) =>
  k.kind === 'nik' || k.kind === 'kk' ? 19 : k.kind === 'nama' || k.nama.startsWith('alamat') ? 28 : 12,
);

/** A promise waited for later: one that fails before then (the writing stopped first) is not left unhandled. */
function inFlight<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * A desa's rows page by page (a page of families at a time). While the caller writes a page, the next one is
 * already being read (on PostgreSQL on other connections of the pool), and so is the page of families after it:
 * the writing does not wait for the database between pages.
 */
async function* exportPages(db: Db, query: EksporQuery, batch: number): AsyncGenerator<EksporRow[]> {
  const familiesAfter = (families: { id: number; no_kk: string }[] | null) => {
    const last = families?.at(-1);
    if (families && !last) return Promise.resolve([]);
    const after: EksporCursor | null = last ? { noKk: last.no_kk, id: last.id } : null;
    return inFlight(listFamilyPage(db, query.desaKode, after, familiesPerBatch(batch)));
  };
  const rowsOf = (families: { id: number }[]) =>
    inFlight(
      listExportBatch(
        db,
        query,
        families.map((f) => f.id),
      ),
    );
  let families = await familiesAfter(null);
  let rows = rowsOf(families);
  let following = familiesAfter(families);
  while (families.length > 0) {
    const page = await rows;
    families = await following;
    rows = rowsOf(families);
    following = familiesAfter(families);
    // the queries go out before the caller's writing holds this process
    await new Promise((resolve) => setImmediate(resolve));
    yield page;
  }
}

/** The workbook of a plan: one sheet per desa (each importable on its own), then "Kode Data". Rows written. */
export async function writeEkspor(db: Db, plan: EksporPlan, output: Writable, batch = BATCH): Promise<number> {
  const writer = createXlsxWriter({ stream: output });
  let written = 0;
  for (const d of plan.desa) {
    const unitOf = unitNamer(await listLingkungan(db, d.kode));
    const sheet = writer.addSheet({
      name: d.sheet,
      headers: [...HEADERS],
      textColumns: [...TEXT_COLUMNS],
      widths: WIDTHS,
    });
    for await (const rows of exportPages(db, d.query, batch)) {
      for (const r of rows) {
        const unit = unitOf(r.lingkungan_id ?? r.lingkungan_kk);
        sheet.addRow(toOpenSidRow({ person: r, no_kk: r.no_kk, alamat: r.alamat_kk, unit }));
      }
      written += rows.length;
      // a slow download holds the reading back (and a closed one stops it)
      await writer.drained();
    }
    sheet.commit();
  }
  const codes = kodeDataSheet();
  const sheet = writer.addSheet({ name: KODE_DATA, headers: codes.headers });
  for (const row of codes.rows) sheet.addRow(row);
  sheet.commit();
  await writer.commit();
  return written;
}

/**
 * Plan, audit and write in one call: the CLI and the benchmark (`scripts/bench/`) use this with any output
 * stream (a file, a discarding sink). The actor is recorded in the audit trail.
 */
export async function exportPendudukOpenSid(db: Db, actor: Actor, req: EksporRequest, output: Writable) {
  const plan = await planEkspor(db, actor, req);
  const rows = await writeEkspor(db, plan, output);
  return { rows, tanpaKk: plan.tanpaKk, desa: plan.desa.length };
}

/** The default export (living residents with a KK) of a desa, kecamatan or kabupaten code: CLI, benchmarks. */
export function exportDefault(db: Db, kode: string, output: Writable, actor: Actor = systemActor('skrip')) {
  return exportPendudukOpenSid(db, actor, { kode, filters: PendudukListQuerySchema.parse({}) }, output);
}
