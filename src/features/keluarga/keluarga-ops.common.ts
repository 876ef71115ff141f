import { todayIn } from '#src/domain/age.js';
import { findLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { findPenduduk, type PendudukRow, updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import * as core from './keluarga.repository.js';
import type { KeluargaTable } from './keluarga.table.js';
import { lockActiveFamily } from './keluarga-ops.repository.js';

/** SHDK 1: the head of the family (kepala keluarga). */
export const KEPALA = 1;
/** Family events (codes peristiwa_keluarga). */
export const EVENT = { keluargaBaru: 1, anggotaKeluar: 12 } as const;

export type FamilyRow = Omit<KeluargaTable, 'id' | 'versi'> & { id: number; versi: number };

export const fieldError = (status: number, field: string, key: string) =>
  new HttpError(status, 'invalid', {}, { [field]: key });

/** Lock a family of this desa that is still in use (see lockActiveFamily), or 404. */
export async function lockFamily(trx: Db, desaKode: string, id: number): Promise<FamilyRow> {
  const family = await lockActiveFamily(trx, desaKode, id);
  if (!family) throw notFound('keluargaTidakDitemukan');
  return family as FamilyRow;
}

/** A living resident of this desa (not a record merged into another), chosen in a form field. */
export async function livingResident(trx: Db, desaKode: string, id: number, field: string): Promise<PendudukRow> {
  const p = await findPenduduk(trx, id);
  if (!p || p.desa_kode !== desaKode || p.digabung_ke_id !== null) throw fieldError(422, field, 'pendudukBukanDesaIni');
  if (p.status_dasar !== 1) throw fieldError(409, field, 'statusBukanHidup');
  return p;
}

/** A living member of this family. */
export async function livingMember(trx: Db, family: FamilyRow, id: number, field: string): Promise<PendudukRow> {
  const p = await findPenduduk(trx, id);
  if (!p || p.keluarga_id !== family.id || p.status_dasar !== 1) throw fieldError(422, field, 'bukanAnggotaKeluarga');
  return p;
}

/** A dusun, RW or RT of this desa. */
export async function unitOfDesa(trx: Db, desaKode: string, id: number, field: string): Promise<number> {
  const unit = await findLingkungan(trx, id);
  if (!unit || unit.desa_kode !== desaKode) throw fieldError(422, field, 'lingkunganTidakDitemukan');
  return unit.id;
}

/** The family a person currently belongs to, if it is still in use (locked for the change). */
export async function currentFamily(trx: Db, person: PendudukRow): Promise<FamilyRow | null> {
  if (person.keluarga_id === null) return null;
  return (await lockActiveFamily(trx, person.desa_kode, person.keluarga_id)) ?? null;
}

/**
 * Some members leave a family (to a new KK, another family, a split). The family never stays headless: when
 * its head leaves, the operator names a new head from the members who stay; when nobody stays, it is closed.
 * Writes family event 12 for each person leaving. The caller moves the people themselves.
 */
export async function leaveFamily(
  trx: Db,
  actor: Actor,
  family: FamilyRow,
  leavingIds: readonly number[],
  kepalaBaruId: number | null,
  catatan: string,
): Promise<void> {
  const now = nowIso();
  const leaving = new Set(leavingIds);
  if (family.kepala_id !== null && leaving.has(family.kepala_id)) {
    const staying = (await core.listLivingMembers(trx, family.id)).filter((m) => !leaving.has(m.id));
    if (staying.length === 0) {
      await core.updateKeluarga(trx, family.id, {
        kepala_id: null,
        ditutup_pada: now,
        alasan_tutup: 'semua anggota keluar',
        diperbarui_pada: now,
        diperbarui_oleh: actor.username,
      });
      await audit.record(trx, actor, {
        aksi: 'tutup',
        entitas: 'keluarga',
        entitasId: family.id,
        desaKode: family.desa_kode,
        perubahan: { kepala_id: [family.kepala_id, null] },
        alasan: 'semua anggota keluar',
      });
    } else {
      if (kepalaBaruId === null) throw fieldError(422, 'kepala_baru_id', 'pilihKepalaBaru');
      if (!staying.some((m) => m.id === kepalaBaruId)) throw fieldError(422, 'kepala_baru_id', 'kepalaBaruTidakValid');
      await setHead(trx, actor, family, kepalaBaruId, null);
    }
  }
  for (const id of leavingIds) {
    await core.insertFamilyEvent(trx, {
      keluarga_id: family.id,
      kode: EVENT.anggotaKeluar,
      tgl_peristiwa: todayIn(),
      penduduk_id: id,
      peristiwa_id: null,
      catatan,
      dicatat_oleh: actor.username,
    });
  }
}

/** Make a living member the head (SHDK 1); the previous head, if staying, gets `oldHeadLevel`. */
export async function setHead(
  trx: Db,
  actor: Actor,
  family: FamilyRow,
  kepalaBaruId: number,
  oldHeadLevel: number | null,
): Promise<void> {
  const now = nowIso();
  const by = { diperbarui_pada: now, diperbarui_oleh: actor.username };
  if (family.kepala_id !== null && oldHeadLevel !== null)
    await updatePenduduk(trx, family.kepala_id, { kk_level: oldHeadLevel, ...by });
  await updatePenduduk(trx, kepalaBaruId, { kk_level: KEPALA, ...by });
  await core.updateKeluarga(trx, family.id, { kepala_id: kepalaBaruId, ...by });
  await audit.record(trx, actor, {
    aksi: 'ganti-kepala',
    entitas: 'keluarga',
    entitasId: family.id,
    desaKode: family.desa_kode,
    perubahan: {
      kepala_id: [family.kepala_id, kepalaBaruId],
      ...(oldHeadLevel === null ? {} : { kk_level_kepala_lama: [KEPALA, oldHeadLevel] }),
    },
  });
}

/** Put a person into a family with an SHDK; they live where the family lives (one KK, one address). */
export async function joinFamily(
  trx: Db,
  actor: Actor,
  person: PendudukRow,
  family: { id: number; lingkungan_id: number | null },
  kkLevel: number,
  aksi: string,
): Promise<void> {
  const lingkunganId = family.lingkungan_id ?? person.lingkungan_id;
  await updatePenduduk(trx, person.id, {
    keluarga_id: family.id,
    kk_level: kkLevel,
    lingkungan_id: lingkunganId,
    diperbarui_pada: nowIso(),
    diperbarui_oleh: actor.username,
  });
  await audit.record(trx, actor, {
    aksi,
    entitas: 'penduduk',
    entitasId: person.id,
    desaKode: person.desa_kode,
    perubahan: {
      keluarga_id: [person.keluarga_id, family.id],
      kk_level: [person.kk_level, kkLevel],
      ...(lingkunganId === person.lingkungan_id ? {} : { lingkungan_id: [person.lingkungan_id, lingkunganId] }),
    },
  });
}
