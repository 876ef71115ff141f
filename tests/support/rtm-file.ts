/**
 * Household (RTM) import/export tests: OpenSID's FormatImporRTM.xlsx layout (sheet RTM, three columns), a few
 * families of residents to build households from, and a job runner (start → preview → commit).
 */
import { copyFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  commitImport,
  getJob,
  type ImporContext,
  readProblems,
  settled,
  startImport,
} from '#src/features/impor/impor-tugas.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { insertFamily } from './builders.js';

export const RTM_HEADER = ['NIK', 'NOMOR RUMAH TANGGA', 'STATUS HUBUNGAN DALAM RUMAH TANGGA'];

export type RtmCells = (string | number | null)[];

export async function writeRtm(
  path: string,
  rows: readonly RtmCells[],
  opts: { header?: string[]; sheet?: string } = {},
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? 'RTM');
  ws.addRow(opts.header ?? RTM_HEADER);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

export interface Orang {
  id: number;
  nik: string;
}

async function withNiks(db: Db, ids: number[]): Promise<Orang[]> {
  const rows = await db.selectFrom('penduduk').select(['id', 'nik']).where('id', 'in', ids).execute();
  return ids.map((id) => {
    const r = rows.find((p) => p.id === id);
    return { id, nik: r?.nik ?? '' };
  });
}

/** A family of a desa: its head and members (ids and NIKs; a member may be created without a NIK). */
export async function rtmFamily(db: Db, desaKode: string, nama: string, members: { nama: string; nik?: null }[] = []) {
  const made = await insertFamily(
    db,
    desaKode,
    { nama, tanggallahir: '1970-03-15', sex: 1 },
    members.map((m, i) => ({
      tanggallahir: `20${10 + i}-06-0${i + 1}`,
      sex: 2 as const,
      kkLevel: 4,
      ...m,
    })),
  );
  const [head, ...rest] = await withNiks(db, [made.kepalaId, ...made.memberIds]);
  return { head: head as Orang, members: rest, lingkunganId: made.lingkunganId };
}

/** Start a household import of `path`, wait for its preview and (unless told not to) commit it. */
export async function runRtm(
  ctx: ImporContext,
  actor: Actor,
  desa: string,
  path: string,
  upload: string,
  commit = true,
) {
  await copyFile(path, upload);
  const id = await startImport(ctx, actor, {
    desaKode: desa,
    jenis: 'rumah_tangga',
    path: upload,
    nama: 'rtm.xlsx',
    ukuran: 1,
  });
  await settled(id);
  let job = await getJob(ctx, id);
  if (commit && job.status === 'siap') {
    await commitImport(ctx, actor, id);
    await settled(id);
    job = await getJob(ctx, id);
  }
  const problems = await readProblems(ctx, id);
  return { id, job, problems, galat: problems.galat.map((g) => [g.baris, g.kolom, g.pesan.split('|')[0]]) };
}

/** Close every household of a desa and empty it (as if none had been recorded yet). */
export async function clearHouseholds(db: Db, desaKode: string) {
  await db
    .updateTable('penduduk')
    .set({ rumah_tangga_id: null, rtm_level: null })
    .where('desa_kode', '=', desaKode)
    .execute();
  await db
    .updateTable('rumah_tangga')
    .set({ kepala_id: null, ditutup_pada: new Date().toISOString() })
    .where('desa_kode', '=', desaKode)
    .execute();
}

/** Households in use of a desa with their members' NIKs and levels, by number (for comparing states). */
export async function householdsOf(db: Db, desaKode: string) {
  const rows = await db
    .selectFrom('rumah_tangga as rt')
    .innerJoin('penduduk as p', 'p.rumah_tangga_id', 'rt.id')
    .select(['rt.nomor', 'rt.kepala_id', 'p.id', 'p.nik', 'p.rtm_level'])
    .where('rt.desa_kode', '=', desaKode)
    .where('rt.ditutup_pada', 'is', null)
    .where('p.status_dasar', '=', 1)
    .orderBy('rt.nomor')
    .orderBy('p.rtm_level')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => [r.nomor, r.nik, r.rtm_level, r.kepala_id === r.id]);
}
