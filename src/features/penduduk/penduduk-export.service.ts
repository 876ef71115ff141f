import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Logger } from 'pino';
import { ageOn, todayIn } from '#src/domain/age.js';
import { codeLabel } from '#src/domain/codes.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { unitIndex } from '#src/features/lingkungan/lingkungan-names.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { shownNumber } from './penduduk-display.js';
import type { PendudukListRow } from './penduduk-list.repository.js';
import type { PendudukListQuery } from './penduduk-list.schema.js';
import { type ListScope, searchPenduduk } from './penduduk-list.service.js';

const BATCH = 500;

/** dusun/RW/RT names of every unit of a desa (one query); empty where there is none. */
async function unitNames(db: Db, desaKode: string) {
  const names = unitIndex(await listLingkungan(db, desaKode));
  return (id: number | null) => {
    const n = names(id);
    return { dusun: n.dusun ?? '', rw: n.rw ?? '', rt: n.rt ?? '' };
  };
}

export interface ExportRequest {
  desaKode: string;
  scope: ListScope;
  filters: PendudukListQuery;
  /** whole NIK and KK numbers (read:nik); otherwise only the last 4 digits */
  fullNumbers: boolean;
  m: Messages;
}

/**
 * The filtered resident list as an .xlsx workbook, streamed while it is read in batches (a desa of 10,000
 * people never sits in memory at once). Codes are written as their labels; the export is audited first.
 */
export async function exportPenduduk(
  db: Db,
  actor: Actor,
  req: ExportRequest,
  log: Pick<Logger, 'error'>,
): Promise<{ stream: Readable; total: number }> {
  const first = await searchPenduduk(db, req.scope, { ...req.filters, per: BATCH, halaman: 1 });
  await audit.recordRead(db, actor, {
    aksi: 'ekspor',
    entitas: 'penduduk',
    desaKode: req.desaKode,
    alasan: `${first.total} baris; ${req.fullNumbers ? 'nomor lengkap' : 'nomor disamarkan'}`,
  });
  const names = await unitNames(db, req.desaKode);
  const stream = new PassThrough();
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    wb.creator = 'Balai';
    const ws = wb.addWorksheet('Penduduk');
    const f = req.m.registry.field;
    const u = req.m.pendudukUi;
    ws.addRow([
      f.nik,
      u.kolom.nikSementara,
      f.nama,
      f.no_kk,
      f.kk_level,
      f.sex,
      f.tempatlahir,
      f.tanggallahir,
      u.kolom.umur,
      f.agama_id,
      f.status_kawin,
      f.pekerjaan_id,
      req.m.tingkat.dusun,
      req.m.tingkat.rw,
      req.m.tingkat.rt,
      f.status_dasar,
    ]).commit();
    const today = todayIn();
    const addRows = (rows: readonly PendudukListRow[]) => {
      for (const r of rows) {
        const unit = names(r.lingkungan_id);
        ws.addRow([
          shownNumber(r.nik ?? r.nik_sementara, req.fullNumbers),
          r.nik ? '' : u.sementara,
          r.nama,
          shownNumber(r.no_kk, req.fullNumbers),
          codeLabel('hubungan_keluarga', r.kk_level) ?? '',
          codeLabel('jenis_kelamin', r.sex) ?? '',
          r.tempatlahir ?? '',
          r.tanggallahir ?? '',
          r.tanggallahir ? ageOn(r.tanggallahir, today) : '',
          codeLabel('agama', r.agama_id) ?? '',
          codeLabel('status_kawin', r.status_kawin) ?? '',
          codeLabel('pekerjaan', r.pekerjaan_id) ?? '',
          unit.dusun,
          unit.rw,
          unit.rt,
          codeLabel('status_dasar', r.status_dasar) ?? '',
        ]).commit();
      }
    };
    addRows(first.rows);
    for (let page = 2; (page - 1) * BATCH < first.total; page++) {
      addRows((await searchPenduduk(db, req.scope, { ...req.filters, per: BATCH, halaman: page })).rows);
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((error: unknown) => {
    log.error({ err: error }, 'ekspor penduduk gagal');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { stream, total: first.total };
}
