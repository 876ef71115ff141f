import { checkLeaving, HEAD_LEAVING_FAMILY_EVENT, LEAVING, PERISTIWA } from '#src/domain/peristiwa.js';
import {
  findKeluarga,
  insertFamilyEvent,
  listLivingMembers,
  updateKeluarga,
} from '#src/features/keluarga/keluarga.service.js';
import { householdAfterDeparture } from '#src/features/keluarga/rumah-tangga-departure.js';
import { updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { getPenduduk } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError } from '#src/lib/errors.js';
import type { LeavingInput } from './peristiwa.schema.js';
import { checkDates, familySnapshot, writeEvent } from './peristiwa-common.js';

const fieldError = (status: number, field: string, key: string) =>
  new HttpError(status, 'invalid', {}, { [field]: key });

export interface Leaving extends LeavingInput {
  /** inside the installation: the desa the person moves to (transfers) */
  tujuan_desa_kode?: string | null;
}

/**
 * When the head of a family dies or leaves, the family never stays headless: the operator names a living
 * member as the new head, or — when nobody else is left — the KK is closed.
 */
export async function handleHeadLeaving(
  trx: Db,
  actor: Actor,
  person: { id: number; keluarga_id: number | null },
  kepalaBaruId: number | null,
  familyEventCode: number,
  tglPeristiwa: string,
  peristiwaId: number | null,
): Promise<void> {
  if (person.keluarga_id === null) return;
  const family = await findKeluarga(trx, person.keluarga_id);
  if (!family || family.ditutup_pada !== null || family.kepala_id !== person.id) return;
  const others = (await listLivingMembers(trx, family.id)).filter((m) => m.id !== person.id);
  if (others.length === 0) {
    await updateKeluarga(trx, family.id, {
      kepala_id: null,
      ditutup_pada: nowIso(),
      alasan_tutup: 'tidak ada anggota yang tersisa',
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    });
  } else {
    if (kepalaBaruId === null) throw fieldError(422, 'kepala_baru_id', 'pilihKepalaBaru');
    if (!others.some((m) => m.id === kepalaBaruId)) throw fieldError(422, 'kepala_baru_id', 'kepalaBaruTidakValid');
    await updatePenduduk(trx, kepalaBaruId, {
      kk_level: 1,
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    });
    await updateKeluarga(trx, family.id, {
      kepala_id: kepalaBaruId,
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    });
  }
  await insertFamilyEvent(trx, {
    keluarga_id: family.id,
    kode: familyEventCode,
    tgl_peristiwa: tglPeristiwa,
    penduduk_id: person.id,
    peristiwa_id: peristiwaId,
    catatan: others.length === 0 ? 'KK ditutup' : `kepala keluarga baru #${kepalaBaruId}`,
    dicatat_oleh: actor.username,
  });
}

/** Mati, pindah keluar, hilang or pergi: status changes only through an event, with both dates kept. */
export async function recordLeaving(
  trx: Db,
  actor: Actor,
  pendudukId: number,
  kode: number,
  input: Leaving,
): Promise<number> {
  const person = await getPenduduk(trx, pendudukId);
  const problem = checkLeaving(kode, person);
  if (problem) throw new HttpError(409, problem);
  const dates = checkDates(input.tgl_peristiwa, input.tgl_lapor ?? null);
  const statusSesudah = LEAVING[kode];
  if (statusSesudah === undefined) throw new Error(`bukan peristiwa kepergian: ${kode}`);
  const id = await writeEvent(trx, actor, {
    penduduk_id: person.id,
    desa_kode: person.desa_kode,
    kode,
    ...dates,
    ...(await familySnapshot(trx, person.keluarga_id)),
    catatan: input.catatan ?? null,
    meninggal_di: kode === PERISTIWA.mati ? (input.meninggal_di ?? null) : null,
    jam_mati: kode === PERISTIWA.mati ? (input.jam_mati ?? null) : null,
    sebab: kode === PERISTIWA.mati ? (input.sebab ?? null) : null,
    penolong_mati: kode === PERISTIWA.mati ? (input.penolong_mati ?? null) : null,
    akta_mati: kode === PERISTIWA.mati ? (input.akta_mati ?? null) : null,
    ref_pindah: kode === PERISTIWA.pindahKeluar ? (input.ref_pindah ?? null) : null,
    alamat_tujuan: kode === PERISTIWA.pindahKeluar ? (input.alamat_tujuan ?? null) : null,
    tujuan_desa_kode: kode === PERISTIWA.pindahKeluar ? (input.tujuan_desa_kode ?? null) : null,
    status_sebelum: person.status_dasar,
    status_sesudah: statusSesudah,
  });
  await updatePenduduk(trx, person.id, {
    status_dasar: statusSesudah,
    diperbarui_pada: nowIso(),
    diperbarui_oleh: actor.username,
  });
  await handleHeadLeaving(
    trx,
    actor,
    person,
    input.kepala_baru_id ?? null,
    HEAD_LEAVING_FAMILY_EVENT[kode] ?? kode,
    dates.tgl_peristiwa,
    id,
  );
  await householdAfterDeparture(trx, actor, person.id, input.kepala_baru_id ?? null, `peristiwa ${kode}`);
  await audit.record(trx, actor, {
    aksi: `peristiwa-${kode}`,
    entitas: 'penduduk',
    entitasId: person.id,
    desaKode: person.desa_kode,
    perubahan: { status_dasar: [person.status_dasar, statusSesudah] },
  });
  return id;
}

export function recordLeavingEvent(
  db: Db,
  actor: Actor,
  pendudukId: number,
  kode: number,
  input: Leaving,
): Promise<number> {
  return db.transaction().execute((trx) => recordLeaving(trx, actor, pendudukId, kode, input));
}
