import { findActiveByNoKk } from '#src/features/keluarga/keluarga.repository.js';
import { resolveFamilyByNoKk } from '#src/features/keluarga/keluarga.service.js';
import {
  type Arrival,
  type ArrivalResult,
  recordArrival,
  recordBirth,
} from '#src/features/peristiwa/kedatangan.service.js';
import type { Leaving } from '#src/features/peristiwa/kepergian.service.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import type { LahirApi, PindahMasukApi } from './penduduk-api.schema.js';
import { familyInDesa, fieldError, personOf, unitFromBody } from './penduduk-api.service.js';

/**
 * The API's way into the event services: families named by KK number or id, units by dusun/RW/RT names
 * (which must exist — events never create units), defaults taken from the family.
 */
export async function recordBirthApi(db: Db, actor: Actor, desaKode: string, input: LahirApi) {
  const family = await familyInDesa(db, desaKode, input);
  const lingkunganId = await unitFromBody(db, desaKode, input, family.lingkungan_id);
  return recordBirth(db, actor, desaKode, {
    person: { ...personOf(input), tanggallahir: input.tanggallahir },
    lingkunganId,
    keluargaId: family.id,
    kkLevel: input.kk_level,
    tglLapor: input.tgl_lapor,
    catatan: input.catatan,
  });
}

async function arrivalFamily(
  db: Db,
  desaKode: string,
  input: PindahMasukApi,
): Promise<{ family: Arrival['family']; lingkunganId: number | null }> {
  if (input.keluarga_id !== null || (input.no_kk && (await findActiveByNoKk(db, input.no_kk)))) {
    const family = await familyInDesa(db, desaKode, input);
    if (input.kk_level === null) throw fieldError(422, 'kk_level', 'wajibDiisi');
    await resolveFamilyByNoKk(db, desaKode, family.no_kk, input.kk_level);
    return {
      family: { kind: 'existing', keluargaId: family.id, kkLevel: input.kk_level },
      lingkunganId: family.lingkungan_id,
    };
  }
  // a family of their own: the person is its head (a temporary KK number when none is given)
  if (input.kk_level !== null && input.kk_level !== 1) throw fieldError(422, 'no_kk', 'keluargaBelumAda');
  if (input.no_kk && !/^[1-9]/.test(input.no_kk)) throw fieldError(422, 'no_kk', 'kkFormat');
  return { family: { kind: 'new', noKk: input.no_kk, alamat: input.alamat }, lingkunganId: null };
}

/** Pindah masuk: a new resident, a record coming back, or a transfer request to the desa the person lives in. */
export async function recordArrivalApi(
  db: Db,
  actor: Actor,
  desaKode: string,
  input: PindahMasukApi,
): Promise<ArrivalResult> {
  const { family, lingkunganId } = await arrivalFamily(db, desaKode, input);
  return recordArrival(db, actor, desaKode, {
    person: personOf(input),
    lingkunganId: await unitFromBody(db, desaKode, input, lingkunganId),
    family,
    tglPeristiwa: input.tgl_peristiwa,
    tglLapor: input.tgl_lapor,
    alamatAsal: input.alamat_asal,
    maksud: input.maksud_tujuan_kedatangan,
    catatan: input.catatan,
  });
}

const NOT_DEATH = { meninggal_di: null, jam_mati: null, sebab: null, penolong_mati: null, akta_mati: null };

/** Mati, pindah keluar, hilang or pergi, with the details of that kind of event. */
export function recordLeavingApi(
  db: Db,
  actor: Actor,
  pendudukId: number,
  kode: number,
  details: Omit<Leaving, keyof typeof NOT_DEATH> & Partial<Leaving>,
) {
  return recordLeavingEvent(db, actor, pendudukId, kode, { ...NOT_DEATH, ...details });
}
