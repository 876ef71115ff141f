import { temporaryNumber } from '#src/domain/nik.js';
import { normaliseName } from '#src/domain/person-name.js';
import { recordDuplicateCandidates } from '#src/features/duplikat/duplikat.service.js';
import { nikPrefixRegions } from '#src/features/wilayah/region-set.js';
import { findVillageWithKecamatan } from '#src/features/wilayah/wilayah.repository.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { uniqueViolationOn } from '#src/lib/db/errors.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import * as repo from './penduduk.repository.js';
import type { PendudukInput } from './penduduk.schema.js';
import { applyClearingRules, dataWarnings } from './penduduk-rules.js';

export interface NewPerson {
  desaKode: string;
  lingkunganId: number | null;
  person: PendudukInput;
  /** the family the person belongs to, with their SHDK (relationship to the head) */
  keluarga: { id: number; kkLevel: number } | null;
  /** status_dasar at creation (1 HIDUP unless a record is entered as already gone) */
  statusDasar?: number;
}

const fieldError = (status: number, field: string, key: string) =>
  new HttpError(status, 'invalid', {}, { [field]: key });

/** "Desa Meteseh, Kecamatan Kaliori" — to tell an operator where a NIK already lives. */
export async function placeName(db: Db, desaKode: string): Promise<string> {
  const v = await findVillageWithKecamatan(db, desaKode);
  if (!v) return desaKode;
  return `${v.tingkat === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${v.nama}, Kecamatan ${v.kecamatan}`;
}

/** A dusun/RW/RT must belong to the person's desa (ids come from forms and API bodies). */
export async function assertUnitInDesa(db: Db, desaKode: string, lingkunganId: number | null): Promise<void> {
  if (lingkunganId === null) return;
  const unit = await db.selectFrom('lingkungan').select('desa_kode').where('id', '=', lingkunganId).executeTakeFirst();
  if (unit?.desa_kode !== desaKode) throw fieldError(422, 'lingkungan_id', 'lingkunganTidakDitemukan');
}

/** One person, one living record in the whole installation. */
export async function assertNikFree(db: Db, nik: string, exceptId?: number): Promise<void> {
  const living = await repo.findLivingByNik(db, nik);
  if (living && living.id !== exceptId) {
    throw fieldError(409, 'nik', `nikSudahTerdaftar|${await placeName(db, living.desa_kode)}`);
  }
}

function storedFields(person: PendudukInput) {
  const p = applyClearingRules(person);
  return {
    ...p,
    warganegara_id: p.warganegara_id ?? 1,
    status: p.status ?? 1,
    nama_normal: normaliseName(p.nama),
    nama_ibu_normal: p.nama_ibu ? normaliseName(p.nama_ibu) : null,
  };
}

/** Recompute and store a record's data-quality warnings. */
export async function saveWarnings(db: Db, id: number, desaKode: string, person: PendudukInput): Promise<void> {
  const regions = await nikPrefixRegions(db);
  await repo.replaceWarnings(
    db,
    id,
    desaKode,
    dataWarnings(person, (k) => regions.has(k)),
  );
}

/**
 * Insert a person inside the caller's transaction: NIK free (or a temporary number issued), clearing rules
 * applied, warnings stored, possible duplicates queued, audited. Returns the new id.
 */
export async function insertPerson(trx: Db, actor: Actor, input: NewPerson): Promise<{ id: number; nik: string }> {
  const fields = storedFields(input.person);
  await assertUnitInDesa(trx, input.desaKode, input.lingkunganId);
  if (fields.nik) await assertNikFree(trx, fields.nik);
  const prefix = temporaryNumber(input.desaKode, 0).slice(0, 11);
  const nikSementara = fields.nik
    ? null
    : temporaryNumber(input.desaKode, await repo.nextTemporarySerial(trx, input.desaKode, prefix));
  const now = nowIso();
  let id: number;
  try {
    id = await repo.insertPenduduk(trx, {
      ...fields,
      nik_sementara: nikSementara,
      desa_kode: input.desaKode,
      lingkungan_id: input.lingkunganId,
      keluarga_id: input.keluarga?.id ?? null,
      kk_level: input.keluarga?.kkLevel ?? null,
      status_dasar: input.statusDasar ?? 1,
      digabung_ke_id: null,
      foto: null,
      rumah_tangga_id: null,
      rtm_level: null,
      telegram: null,
      hubung_warga: null,
      dibuat_pada: now,
      dibuat_oleh: actor.username,
      diperbarui_pada: now,
      diperbarui_oleh: actor.username,
    });
  } catch (error) {
    // another operator saved the same number a moment ago (the transaction is aborted on PostgreSQL: no lookup)
    if (uniqueViolationOn(error, 'tag_id_card')) throw fieldError(409, 'tag_id_card', 'tagIdCardSudahDipakai');
    if (uniqueViolationOn(error, 'nik_sementara')) throw new HttpError(409, 'bersamaanCobaLagi');
    if (uniqueViolationOn(error, 'nik', 'penduduk_nik_hidup')) throw fieldError(409, 'nik', 'nikBaruSajaDicatat');
    throw error;
  }
  await saveWarnings(trx, id, input.desaKode, fields);
  await recordDuplicateCandidates(trx, {
    id,
    nama_normal: fields.nama_normal,
    tanggallahir: fields.tanggallahir,
    nama_ibu_normal: fields.nama_ibu_normal,
  });
  await audit.record(trx, actor, {
    aksi: 'buat',
    entitas: 'penduduk',
    entitasId: id,
    desaKode: input.desaKode,
    perubahan: diffRecords(null, {
      nama: fields.nama,
      nik: fields.nik ?? nikSementara,
      keluarga_id: input.keluarga?.id ?? null,
    }),
  });
  return { id, nik: fields.nik ?? nikSementara ?? '' };
}

export async function getPenduduk(db: Db, id: number): Promise<repo.PendudukRow> {
  const row = await repo.findPenduduk(db, id);
  if (!row) throw notFound('pendudukTidakDitemukan');
  return row;
}

/**
 * Save an edited record. The version the operator started from must still be current: if someone else saved
 * in between, nothing is overwritten and the operator is told who changed it and when.
 */
export async function updatePerson(
  db: Db,
  actor: Actor,
  id: number,
  versi: number,
  person: PendudukInput,
  lingkunganId: number | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getPenduduk(trx, id);
    const conflict = () =>
      new HttpError(409, 'diubahOrangLain', { oleh: before.diperbarui_oleh ?? '?', pada: before.diperbarui_pada });
    if (before.versi !== versi) throw conflict();
    await assertUnitInDesa(trx, before.desa_kode, lingkunganId);
    const fields = storedFields(person);
    if (fields.nik && before.status_dasar === 1) await assertNikFree(trx, fields.nik, id);
    const changes = {
      ...fields,
      lingkungan_id: lingkunganId,
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    };
    // a person who gets a real NIK keeps the temporary number in history (audit) but no longer uses it
    const nikSementara = fields.nik ? null : before.nik_sementara;
    let saved: boolean;
    try {
      saved = await repo.updatePendudukVersioned(trx, id, versi, { ...changes, nik_sementara: nikSementara });
    } catch (error) {
      if (uniqueViolationOn(error, 'tag_id_card')) throw fieldError(409, 'tag_id_card', 'tagIdCardSudahDipakai');
      if (uniqueViolationOn(error, 'nik', 'penduduk_nik_hidup')) throw fieldError(409, 'nik', 'nikBaruSajaDicatat');
      throw error;
    }
    if (!saved) throw conflict();
    await saveWarnings(trx, id, before.desa_kode, fields);
    if (fields.nama_normal !== before.nama_normal || fields.tanggallahir !== before.tanggallahir) {
      await recordDuplicateCandidates(trx, {
        id,
        nama_normal: fields.nama_normal,
        tanggallahir: fields.tanggallahir,
        nama_ibu_normal: fields.nama_ibu_normal,
      });
    }
    const { versi: _v, diperbarui_pada: _p, diperbarui_oleh: _o, ...comparable } = before;
    const perubahan = diffRecords(comparable, {
      ...comparable,
      ...changes,
      nik_sementara: nikSementara,
      diperbarui_pada: undefined,
      diperbarui_oleh: undefined,
    });
    delete perubahan.diperbarui_pada;
    delete perubahan.diperbarui_oleh;
    delete perubahan.nama_normal;
    delete perubahan.nama_ibu_normal;
    await audit.record(trx, actor, {
      aksi: 'ubah',
      entitas: 'penduduk',
      entitasId: id,
      desaKode: before.desa_kode,
      perubahan,
    });
  });
}
