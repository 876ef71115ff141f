import { todayIn } from '#src/domain/age.js';
import { findPenduduk, type PendudukRow, updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import { fieldError, livingResident } from './keluarga-ops.common.js';
import * as repo from './rumah-tangga.repository.js';

/**
 * Households (rumah tangga, RTM) for welfare targeting. Numbered per desa: the desa code's 10 digits and a
 * 5-digit serial (first `…00001`, next = highest + 1). A resident belongs to at most one household; a
 * household always has a head (hubungan_rumah_tangga 1) and is closed when its last member leaves.
 */
export const RTM = { kepala: 1, anggota: 2 } as const;

export function householdNumber(desaKode: string, serial: number): string {
  return `${desaKode.replaceAll('.', '')}${String(serial).padStart(5, '0')}`;
}

export interface HouseholdData {
  kelas_sosial: number | null;
  bdt: string | null;
  terdaftar_dtks: 0 | 1;
}

async function lock(trx: Db, desaKode: string, id: number): Promise<repo.RumahTanggaRow> {
  const row = await repo.lockActive(trx, desaKode, id);
  if (!row) throw notFound('rumahTanggaTidakDitemukan');
  return row;
}

/** A living resident of the desa who is in no household in use. */
async function freeResident(trx: Db, desaKode: string, id: number, field: string): Promise<PendudukRow> {
  const person = await livingResident(trx, desaKode, id, field);
  if (person.rumah_tangga_id !== null) {
    const current = await repo.findRumahTangga(trx, person.rumah_tangga_id);
    if (current && current.ditutup_pada === null) throw fieldError(409, field, 'sudahDalamRumahTangga');
  }
  return person;
}

async function setMembership(trx: Db, actor: Actor, person: PendudukRow, rtmId: number | null, level: number | null) {
  await updatePenduduk(trx, person.id, {
    rumah_tangga_id: rtmId,
    rtm_level: level,
    diperbarui_pada: nowIso(),
    diperbarui_oleh: actor.username,
  });
  await audit.record(trx, actor, {
    aksi: rtmId === null ? 'keluar-rtm' : 'masuk-rtm',
    entitas: 'penduduk',
    entitasId: person.id,
    desaKode: person.desa_kode,
    perubahan: diffRecords(
      { rumah_tangga_id: person.rumah_tangga_id, rtm_level: person.rtm_level },
      { rumah_tangga_id: rtmId, rtm_level: level },
    ),
  });
}

/** A new household headed by a resident; its number is the desa's next serial. */
export async function createHousehold(
  db: Db,
  actor: Actor,
  desaKode: string,
  input: HouseholdData & { kepala_id: number },
): Promise<number> {
  // two operators creating at once may draw the same serial: the unique index refuses one, who retries
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const head = await freeResident(trx, desaKode, input.kepala_id, 'kepala_id');
        const prefix = desaKode.replaceAll('.', '');
        const nomor = householdNumber(desaKode, (await repo.maxSerial(trx, desaKode, prefix)) + 1);
        const now = nowIso();
        const id = await repo.insertRumahTangga(trx, {
          desa_kode: desaKode,
          nomor,
          kepala_id: head.id,
          kelas_sosial: input.kelas_sosial,
          bdt: input.bdt,
          terdaftar_dtks: input.terdaftar_dtks,
          lingkungan_id: head.lingkungan_id,
          tgl_daftar: todayIn(),
          ditutup_pada: null,
          dibuat_pada: now,
          dibuat_oleh: actor.username,
          diperbarui_pada: now,
          diperbarui_oleh: actor.username,
        });
        await setMembership(trx, actor, head, id, RTM.kepala);
        await audit.record(trx, actor, {
          aksi: 'buat',
          entitas: 'rumah_tangga',
          entitasId: id,
          desaKode,
          perubahan: diffRecords(null, {
            nomor,
            kepala_id: head.id,
            kelas_sosial: input.kelas_sosial,
            bdt: input.bdt,
            terdaftar_dtks: input.terdaftar_dtks,
          }),
        });
        return id;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

export function addHouseholdMember(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
  input: { penduduk_id: number },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const rtm = await lock(trx, desaKode, id);
    const person = await freeResident(trx, desaKode, input.penduduk_id, 'penduduk_id');
    await setMembership(trx, actor, person, rtm.id, RTM.anggota);
  });
}

async function livingHouseholdMember(trx: Db, rtm: repo.RumahTanggaRow, id: number, field: string) {
  const person = await findPenduduk(trx, id);
  if (!person || person.rumah_tangga_id !== rtm.id || person.status_dasar !== 1)
    throw fieldError(422, field, 'bukanAnggotaRumahTangga');
  return person;
}

export async function setHouseholdHead(trx: Db, actor: Actor, rtm: repo.RumahTanggaRow, next: PendudukRow) {
  const now = nowIso();
  await repo.updateRumahTangga(trx, rtm.id, {
    kepala_id: next.id,
    lingkungan_id: next.lingkungan_id,
    diperbarui_pada: now,
    diperbarui_oleh: actor.username,
  });
  await updatePenduduk(trx, next.id, { rtm_level: RTM.kepala, diperbarui_pada: now, diperbarui_oleh: actor.username });
  await audit.record(trx, actor, {
    aksi: 'ganti-kepala',
    entitas: 'rumah_tangga',
    entitasId: rtm.id,
    desaKode: rtm.desa_kode,
    perubahan: { kepala_id: [rtm.kepala_id, next.id] },
  });
}

/** The last member has gone: the household closes (never left headless), audited. */
export async function closeHousehold(trx: Db, actor: Actor, rtm: repo.RumahTanggaRow, alasan: string): Promise<void> {
  const now = nowIso();
  await repo.updateRumahTangga(trx, rtm.id, {
    kepala_id: null,
    ditutup_pada: now,
    diperbarui_pada: now,
    diperbarui_oleh: actor.username,
  });
  await audit.record(trx, actor, {
    aksi: 'tutup',
    entitas: 'rumah_tangga',
    entitasId: rtm.id,
    desaKode: rtm.desa_kode,
    perubahan: { kepala_id: [rtm.kepala_id, null] },
    alasan,
  });
}

/** A member leaves. The head leaves only with a new head named, or — as the last member — closing the household. */
export function removeHouseholdMember(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
  input: { penduduk_id: number; kepala_baru_id: number | null },
): Promise<{ ditutup: boolean }> {
  return db.transaction().execute(async (trx) => {
    const rtm = await lock(trx, desaKode, id);
    const person = await livingHouseholdMember(trx, rtm, input.penduduk_id, 'penduduk_id');
    let ditutup = false;
    if (person.id === rtm.kepala_id) {
      const staying = (await repo.listMembers(trx, rtm.id)).filter((m) => m.id !== person.id);
      if (staying.length === 0) {
        await closeHousehold(trx, actor, rtm, 'anggota terakhir keluar');
        ditutup = true;
      } else {
        if (input.kepala_baru_id === null) throw fieldError(422, 'kepala_baru_id', 'pilihKepalaRtBaru');
        if (!staying.some((m) => m.id === input.kepala_baru_id))
          throw fieldError(422, 'kepala_baru_id', 'kepalaRtBaruTidakValid');
        await setHouseholdHead(
          trx,
          actor,
          rtm,
          await livingHouseholdMember(trx, rtm, input.kepala_baru_id, 'kepala_baru_id'),
        );
      }
    }
    await setMembership(trx, actor, person, null, null);
    return { ditutup };
  });
}

export function changeHouseholdHead(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
  input: { kepala_baru_id: number },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const rtm = await lock(trx, desaKode, id);
    const next = await livingHouseholdMember(trx, rtm, input.kepala_baru_id, 'kepala_baru_id');
    if (next.id === rtm.kepala_id) throw fieldError(409, 'kepala_baru_id', 'sudahKepala');
    if (rtm.kepala_id !== null)
      await updatePenduduk(trx, rtm.kepala_id, {
        rtm_level: RTM.anggota,
        diperbarui_pada: nowIso(),
        diperbarui_oleh: actor.username,
      });
    await setHouseholdHead(trx, actor, rtm, next);
  });
}

/** Welfare class, BDT id and the DTKS flag; refused when someone saved the household after the form was opened. */
export function editHousehold(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
  versi: number,
  input: HouseholdData,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findRumahTangga(trx, id);
    if (!before || before.desa_kode !== desaKode || before.ditutup_pada !== null)
      throw notFound('rumahTanggaTidakDitemukan');
    const conflict = () =>
      new HttpError(409, 'diubahOrangLain', { oleh: before.diperbarui_oleh ?? '?', pada: before.diperbarui_pada });
    if (before.versi !== versi) throw conflict();
    const fields = { kelas_sosial: input.kelas_sosial, bdt: input.bdt, terdaftar_dtks: input.terdaftar_dtks };
    const saved = await repo.updateVersioned(trx, id, versi, {
      ...fields,
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    });
    if (!saved) throw conflict();
    const perubahan = diffRecords(
      { kelas_sosial: before.kelas_sosial, bdt: before.bdt, terdaftar_dtks: before.terdaftar_dtks },
      fields,
    );
    if (Object.keys(perubahan).length > 0)
      await audit.record(trx, actor, { aksi: 'ubah', entitas: 'rumah_tangga', entitasId: id, desaKode, perubahan });
  });
}

export const findRumahTangga = repo.findRumahTangga;
export const listHouseholdMembers = repo.listMembers;
