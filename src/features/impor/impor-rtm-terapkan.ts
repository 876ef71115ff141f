import { todayIn } from '#src/domain/age.js';
import { countFamiliesWithoutHead } from '#src/features/keluarga/keluarga-invariants.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict } from '#src/lib/errors.js';
import * as repo from './impor-rtm.repository.js';
import type { RencanaRtm } from './impor-rtm-rencana.js';

export interface TulisRtm {
  db: Db;
  actor: Actor;
  desaKode: string;
  plan: RencanaRtm;
  progress?: (done: number) => void;
}

/**
 * Third step, inside the caller's transaction: create the new households (number from the file, the head's
 * dusun/RW/RT, registered today, not in DTKS), place every accepted person with their level, audit each
 * household created or joined, then confirm every household of the desa still has a living head with level 1.
 */
export async function applyRtm(t: TulisRtm): Promise<void> {
  const { db, actor, desaKode, plan } = t;
  const now = nowIso();
  const by = actor.username;
  const headOf = (nomor: string) => {
    const urut = plan.baru.get(nomor)?.kepala.find((u) => plan.orang.has(u));
    return urut === undefined ? undefined : plan.orang.get(urut);
  };
  const rows = [...plan.baru.keys()].map((nomor) => {
    const head = headOf(nomor);
    if (!head) throw new Error(`rumah tangga ${nomor} tanpa kepala dalam rencana`);
    return {
      desa_kode: desaKode,
      nomor,
      kepala_id: head.id,
      kelas_sosial: null,
      bdt: null,
      terdaftar_dtks: 0,
      lingkungan_id: head.lingkungan_id,
      tgl_daftar: todayIn(),
      ditutup_pada: null,
      dibuat_pada: now,
      dibuat_oleh: by,
      diperbarui_pada: now,
      diperbarui_oleh: by,
    };
  });
  let created: Map<string, number>;
  try {
    created = await repo.insertHouseholds(db, rows);
  } catch (error) {
    // another operator gave a household one of these numbers since the plan was made
    if (isUniqueViolation(error)) throw conflict('imporDataBerubah');
    throw error;
  }
  const idOf = (nomor: string) => created.get(nomor) ?? plan.ada.get(nomor);
  const placed = [...plan.orang.values()];
  const members = new Map([...Map.groupBy(placed, (o) => o.nomor)].map(([nomor, os]) => [nomor, os.map((o) => o.id)]));
  const list = placed.map((o) => ({ id: o.id, rumahTanggaId: idOf(o.nomor) as number, level: o.level }));
  if ((await repo.placeMembers(db, list, now, by)) !== list.length) throw conflict('imporDataBerubah');
  t.progress?.(list.length);
  for (const row of rows) {
    const id = created.get(row.nomor) as number;
    await audit.record(db, actor, {
      aksi: 'impor',
      entitas: 'rumah_tangga',
      entitasId: id,
      desaKode,
      perubahan: diffRecords(null, {
        nomor: row.nomor,
        kepala_id: row.kepala_id,
        lingkungan_id: row.lingkungan_id,
        terdaftar_dtks: 0,
        anggota: members.get(row.nomor) ?? [],
      }),
      alasan: 'impor OpenSID (RTM): rumah tangga baru',
    });
  }
  for (const [nomor, id] of plan.ada) {
    const joined = members.get(nomor);
    if (!joined) continue;
    await audit.record(db, actor, {
      aksi: 'impor',
      entitas: 'rumah_tangga',
      entitasId: id,
      desaKode,
      perubahan: { anggota_baru: [null, joined] },
      alasan: `impor OpenSID (RTM): ${joined.length} anggota ditambahkan`,
    });
  }
  if ((await countFamiliesWithoutHead(db, desaKode)) > 0) throw conflict('imporDataBerubah');
}
