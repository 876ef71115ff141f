import { todayIn } from '#src/domain/age.js';
import { temporaryNumber } from '#src/domain/nik.js';
import { updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { insertPerson, type NewPerson, placeName } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { isUniqueViolation } from '#src/lib/db/errors.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import * as repo from './keluarga.repository.js';

const fieldError = (status: number, field: string, key: string) =>
  new HttpError(status, 'invalid', {}, { [field]: key });

/** A family of this desa that is still in use, or 404. */
export async function getActiveFamily(db: Db, desaKode: string, id: number) {
  const k = await repo.findKeluarga(db, id);
  if (!k || k.desa_kode !== desaKode || k.ditutup_pada !== null) throw notFound('keluargaTidakDitemukan');
  return k;
}

/** A KK number may belong to one family in use, installation-wide. */
export async function assertNoKkFree(db: Db, noKk: string, exceptId?: number): Promise<void> {
  const other = await repo.findActiveByNoKk(db, noKk);
  if (other && other.id !== exceptId)
    throw fieldError(409, 'no_kk', `kkSudahDipakai|${await placeName(db, other.desa_kode)}`);
}

/** The next temporary KK number of a desa (`0` + desa code + serial), never one issued before. */
export async function nextTemporaryKk(trx: Db, desaKode: string): Promise<string> {
  const prefix = temporaryNumber(desaKode, 0).slice(0, 11);
  return temporaryNumber(desaKode, (await repo.maxTemporaryKk(trx, prefix)) + 1);
}

export interface NewFamily {
  /** null → a temporary number (`0` + desa code + serial) until Dukcapil issues one */
  noKk: string | null;
  alamat: string | null;
  kelasSosial: number | null;
  lingkunganId: number | null;
}

/**
 * Create a family together with its head, in the caller's transaction. The family never exists without a
 * head: the row and the head are written in the same transaction.
 */
export async function createFamilyWithHead(
  trx: Db,
  actor: Actor,
  desaKode: string,
  family: NewFamily,
  head: Omit<NewPerson, 'keluarga' | 'desaKode'> | { existingId: number },
  kodeKeluarga: 1 | 5 = 1,
): Promise<{ keluargaId: number; kepalaId: number; nik: string | null }> {
  const noKk = family.noKk ?? (await nextTemporaryKk(trx, desaKode));
  if (family.noKk) await assertNoKkFree(trx, family.noKk);
  const now = nowIso();
  let keluargaId: number;
  try {
    keluargaId = await repo.insertKeluarga(trx, {
      desa_kode: desaKode,
      no_kk: noKk,
      kepala_id: null,
      alamat: family.alamat,
      lingkungan_id: family.lingkunganId,
      kelas_sosial: family.kelasSosial,
      tgl_daftar: todayIn(),
      tgl_cetak_kk: null,
      ditutup_pada: null,
      alasan_tutup: null,
      dibuat_pada: now,
      dibuat_oleh: actor.username,
      diperbarui_pada: now,
      diperbarui_oleh: actor.username,
    });
  } catch (error) {
    // saved by someone else a moment ago: the transaction is aborted on PostgreSQL, so no lookup here
    if (isUniqueViolation(error)) throw fieldError(409, 'no_kk', 'kkBaruSajaDicatat');
    throw error;
  }
  let kepalaId: number;
  let nik: string | null = null;
  if ('existingId' in head) {
    kepalaId = head.existingId;
    await updatePenduduk(trx, kepalaId, {
      keluarga_id: keluargaId,
      kk_level: 1,
      diperbarui_pada: now,
      diperbarui_oleh: actor.username,
    });
  } else {
    const created = await insertPerson(trx, actor, { ...head, desaKode, keluarga: { id: keluargaId, kkLevel: 1 } });
    kepalaId = created.id;
    nik = created.nik;
  }
  await repo.updateKeluarga(trx, keluargaId, { kepala_id: kepalaId });
  await repo.insertFamilyEvent(trx, {
    keluarga_id: keluargaId,
    kode: kodeKeluarga,
    tgl_peristiwa: todayIn(),
    penduduk_id: kepalaId,
    peristiwa_id: null,
    catatan: null,
    dicatat_oleh: actor.username,
  });
  await audit.record(trx, actor, {
    aksi: 'buat',
    entitas: 'keluarga',
    entitasId: keluargaId,
    desaKode,
    perubahan: { no_kk: [null, `****${noKk.slice(-4)}`], kepala_id: [null, kepalaId] },
  });
  return { keluargaId, kepalaId, nik };
}

/**
 * Where a person goes when they join by KK number (API, import): the family of this desa using that number;
 * a new family when they are its head (SHDK 1); refused when the number is used in another desa, when the
 * family already has a head, or when a member would come before the head.
 */
export async function resolveFamilyByNoKk(
  trx: Db,
  desaKode: string,
  noKk: string,
  kkLevel: number,
): Promise<{ kind: 'existing'; keluargaId: number } | { kind: 'new' }> {
  const family = await repo.findActiveByNoKk(trx, noKk);
  if (family && family.desa_kode !== desaKode) {
    throw fieldError(409, 'no_kk', `kkSudahDipakai|${await placeName(trx, family.desa_kode)}`);
  }
  if (family) {
    if (kkLevel === 1 && family.kepala_id !== null) throw fieldError(409, 'kk_level', 'kepalaSudahAda');
    return { kind: 'existing', keluargaId: family.id };
  }
  if (kkLevel !== 1) throw fieldError(422, 'no_kk', 'keluargaBelumAda');
  return { kind: 'new' };
}

export const findKeluarga = repo.findKeluarga;
export const listLivingMembers = repo.listLivingMembers;
export const insertFamilyEvent = repo.insertFamilyEvent;
export const updateKeluarga = repo.updateKeluarga;
