import type { Writable } from 'node:stream';
import { findDesa } from '#src/features/desa/desa.repository.js';
import { KOLOM_RTM } from '#src/features/impor/impor-rtm-baca.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import { createXlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import * as repo from './ekspor-rtm.repository.js';

/** Households read per query. */
const BATCH = 1_000;

export interface HasilEksporRtm {
  /** rows written: one per living member with a NIK */
  rows: number;
  rumahTangga: number;
  /** members without a NIK (temporary number only): left out, OpenSID's format needs a NIK */
  tanpaNik: number;
}

/**
 * The households in use of a desa in OpenSID's RTM import format (FormatImporRTM.xlsx): sheet `RTM`, columns
 * NIK · NOMOR RUMAH TANGGA · STATUS HUBUNGAN DALAM RUMAH TANGGA (1 kepala, 2 anggota), one row per living
 * member, by number then head first. NIKs are written whole as text cells; the export is audited before a byte
 * is written (the caller has checked the permission to export full NIKs).
 */
export async function exportRumahTangga(
  db: Db,
  actor: Actor,
  desaKode: string,
  output: Writable,
): Promise<HasilEksporRtm> {
  if (!(await findDesa(db, desaKode))) throw notFound('desaBelumAktif', { kode: desaKode });
  const rumahTangga = await repo.countHouseholds(db, desaKode);
  const { denganNik, tanpaNik } = await repo.countMembers(db, desaKode);
  await audit.recordRead(db, actor, {
    aksi: 'ekspor',
    entitas: 'rumah_tangga',
    desaKode,
    alasan: `format OpenSID RTM; ${rumahTangga} rumah tangga; ${denganNik} baris; NIK lengkap${tanpaNik ? `; ${tanpaNik} tanpa NIK tidak diekspor` : ''}`,
  });
  const writer = createXlsxWriter({ stream: output });
  const sheet = writer.addSheet({
    name: 'RTM',
    headers: [KOLOM_RTM.nik, KOLOM_RTM.nomor, KOLOM_RTM.level],
    textColumns: [0, 1],
    widths: [20, 22, 36],
  });
  const result: HasilEksporRtm = { rows: 0, rumahTangga, tanpaNik: 0 };
  let after: string | null = null;
  for (;;) {
    const households = await repo.listHouseholdsAfter(db, desaKode, after, BATCH);
    const members = await repo.listMembersOf(
      db,
      households.map((h) => h.id),
    );
    const byHousehold = Map.groupBy(members, (m) => m.rumah_tangga_id);
    for (const h of households) {
      for (const m of byHousehold.get(h.id) ?? []) {
        if (!m.nik) {
          result.tanpaNik += 1;
          continue;
        }
        sheet.addRow([m.nik, h.nomor, m.rtm_level ?? 2]);
        result.rows += 1;
      }
    }
    const last = households.at(-1);
    if (!last || households.length < BATCH) break;
    after = last.nomor;
    await writer.drained();
  }
  sheet.commit();
  await writer.commit();
  return result;
}
