import { PERISTIWA, STATUS } from '#src/domain/peristiwa.js';
import { createFamilyWithHead, getActiveFamily } from '#src/features/keluarga/keluarga.service.js';
import { findLatestByNik, findLivingByNik } from '#src/features/penduduk/penduduk.repository.js';
import type { PendudukInput } from '#src/features/penduduk/penduduk.schema.js';
import { insertPerson, placeName } from '#src/features/penduduk/penduduk.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { HttpError } from '#src/lib/errors.js';
import { checkDates, familySnapshot, writeArrivalEvent, writeEvent } from './peristiwa-common.js';
import { requestTransfer } from './pindah.service.js';
import { moveRecordIn } from './record-move.js';

/** A birth's event date is the date of birth: its errors belong to that field. */
function birthDates(tanggallahir: string, tglLapor: string | null) {
  try {
    return checkDates(tanggallahir, tglLapor);
  } catch (error) {
    const fields = (error as HttpError).fields;
    if (fields?.tgl_peristiwa) throw new HttpError(400, 'invalid', {}, { tanggallahir: fields.tgl_peristiwa });
    throw error;
  }
}

export interface Birth {
  person: PendudukInput & { tanggallahir: string };
  lingkunganId: number;
  keluargaId: number;
  kkLevel: number;
  tglLapor: string | null;
  catatan: string | null;
}

/** Lahir: a new resident born into a family of this desa; the event date is the date of birth. */
export async function recordBirth(
  db: Db,
  actor: Actor,
  desaKode: string,
  birth: Birth,
): Promise<{ id: number; nik: string }> {
  const dates = birthDates(birth.person.tanggallahir, birth.tglLapor);
  return db.transaction().execute(async (trx) => {
    await getActiveFamily(trx, desaKode, birth.keluargaId);
    if (birth.kkLevel === 1) throw new HttpError(409, 'invalid', {}, { kk_level: 'kepalaSudahAda' });
    const created = await insertPerson(trx, actor, {
      desaKode,
      lingkunganId: birth.lingkunganId,
      person: birth.person,
      keluarga: { id: birth.keluargaId, kkLevel: birth.kkLevel },
    });
    await writeEvent(trx, actor, {
      penduduk_id: created.id,
      desa_kode: desaKode,
      kode: PERISTIWA.lahir,
      ...dates,
      ...(await familySnapshot(trx, birth.keluargaId)),
      catatan: birth.catatan,
      status_sesudah: STATUS.hidup,
    });
    return created;
  });
}

export interface Arrival {
  person: PendudukInput;
  lingkunganId: number;
  family:
    | { kind: 'existing'; keluargaId: number; kkLevel: number }
    | { kind: 'new'; noKk: string | null; alamat: string | null };
  tglPeristiwa: string;
  tglLapor: string | null;
  alamatAsal: string | null;
  maksud: string | null;
  catatan: string | null;
}

export type ArrivalResult =
  | { kind: 'baru'; id: number }
  | { kind: 'dipindahkan'; id: number; dari: string }
  | { kind: 'menunggu'; transferId: number; dari: string };

/**
 * Pindah masuk. A NIK already living in another desa of this installation is not typed in again: a transfer
 * request goes to that desa. A NIK whose record moved out (or went missing/left) comes back with its whole
 * history at once. Otherwise a new resident (and, with their own KK, a new family) is recorded.
 */
export async function recordArrival(db: Db, actor: Actor, desaKode: string, arrival: Arrival): Promise<ArrivalResult> {
  const dates = checkDates(arrival.tglPeristiwa, arrival.tglLapor);
  const nik = arrival.person.nik;
  if (nik) {
    const living = await findLivingByNik(db, nik);
    if (living && living.desa_kode !== desaKode) {
      const transferId = await requestTransfer(db, actor, living.id, desaKode, arrival);
      return { kind: 'menunggu', transferId, dari: living.desa_kode };
    }
    if (living) throw new HttpError(409, 'invalid', {}, { nik: `nikSudahTerdaftar|${await placeName(db, desaKode)}` });
    const latest = await findLatestByNik(db, nik);
    if (latest?.status_dasar === STATUS.mati)
      throw new HttpError(409, 'invalid', {}, { nik: `nikTercatatMeninggal|${await placeName(db, latest.desa_kode)}` });
    if (latest && ([STATUS.pindah, STATUS.hilang, STATUS.pergi] as number[]).includes(latest.status_dasar)) {
      const id = await db.transaction().execute((trx) => moveRecordIn(trx, actor, latest.id, desaKode, arrival, dates));
      return { kind: 'dipindahkan', id, dari: latest.desa_kode };
    }
  }
  const id = await db.transaction().execute(async (trx) => {
    let pendudukId: number;
    if (arrival.family.kind === 'new') {
      const made = await createFamilyWithHead(
        trx,
        actor,
        desaKode,
        {
          noKk: arrival.family.noKk,
          alamat: arrival.family.alamat,
          kelasSosial: null,
          lingkunganId: arrival.lingkunganId,
        },
        { lingkunganId: arrival.lingkunganId, person: arrival.person },
        5,
      );
      pendudukId = made.kepalaId;
    } else {
      await getActiveFamily(trx, desaKode, arrival.family.keluargaId);
      if (arrival.family.kkLevel === 1) throw new HttpError(409, 'invalid', {}, { kk_level: 'kepalaSudahAda' });
      pendudukId = (
        await insertPerson(trx, actor, {
          desaKode,
          lingkunganId: arrival.lingkunganId,
          person: arrival.person,
          keluarga: { id: arrival.family.keluargaId, kkLevel: arrival.family.kkLevel },
        })
      ).id;
    }
    await writeArrivalEvent(trx, actor, pendudukId, desaKode, dates, {
      alamat_asal: arrival.alamatAsal,
      maksud_tujuan_kedatangan: arrival.maksud,
      catatan: arrival.catatan,
    });
    return pendudukId;
  });
  return { kind: 'baru', id };
}
