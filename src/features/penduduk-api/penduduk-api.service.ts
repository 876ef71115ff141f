import { isRegionCode } from '#src/domain/region-code.js';
import { findDesa } from '#src/features/desa/desa.service.js';
import { findActiveByNoKk, listLivingMembers } from '#src/features/keluarga/keluarga.repository.js';
import {
  createFamilyWithHead,
  findKeluarga,
  resolveFamilyByNoKk,
  updateKeluarga,
} from '#src/features/keluarga/keluarga.service.js';
import { findSibling, listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { ensureLingkungan, tidyDusun, tidyNumber } from '#src/features/lingkungan/lingkungan-ensure.js';
import { unitIndex } from '#src/features/lingkungan/lingkungan-names.js';
import { listWarnings } from '#src/features/penduduk/penduduk.repository.js';
import { type PendudukInput, pendudukFields } from '#src/features/penduduk/penduduk.schema.js';
import { getPenduduk, insertPerson, updatePerson } from '#src/features/penduduk/penduduk.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { HttpError, notFound } from '#src/lib/errors.js';
import { countFamilies, findFamilyOf, listFamilies } from './penduduk-api.repository.js';
import type { PendudukBaru, PendudukUbah } from './penduduk-api.schema.js';

export const fieldError = (status: number, field: string, key: string) =>
  new HttpError(status, 'invalid', {}, { [field]: key });

/** The person part of an API body (every field of pendudukFields, nothing else). */
export function personOf(input: Record<string, unknown>): PendudukInput {
  return Object.fromEntries(Object.keys(pendudukFields).map((k) => [k, input[k] ?? null])) as PendudukInput;
}

/** An active desa of this installation, or 404. */
export async function assertActiveDesa(db: Db, kode: string): Promise<void> {
  if (!isRegionCode(kode) || !(await findDesa(db, kode))) throw notFound('desaBelumAktif', { kode: kode.slice(0, 20) });
}

/** dusun/RW/RT names → the unit's id when it exists in the desa (no creation), else null. */
export async function findUnit(
  db: Db,
  desaKode: string,
  names: { dusun: string; rw: string | null; rt: string | null },
): Promise<number | null> {
  const dusun = await findSibling(db, desaKode, null, 'dusun', tidyDusun(names.dusun));
  if (!dusun) return null;
  let id = dusun.id;
  const rw = tidyNumber(names.rw);
  if (rw) {
    const found = await findSibling(db, desaKode, id, 'rw', rw);
    if (!found) return null;
    id = found.id;
  }
  const rt = tidyNumber(names.rt);
  if (rt) {
    const found = await findSibling(db, desaKode, id, 'rt', rt);
    if (!found) return null;
    id = found.id;
  }
  return id;
}

/** The unit named in a body, which must exist; or `fallback` when none is named. */
export async function unitFromBody(
  db: Db,
  desaKode: string,
  body: { dusun: string | null; rw: string | null; rt: string | null },
  fallback: number | null,
): Promise<number> {
  if (body.dusun) {
    const id = await findUnit(db, desaKode, { dusun: body.dusun, rw: body.rw, rt: body.rt });
    if (id === null) throw fieldError(422, 'dusun', 'lingkunganTidakDitemukan');
    return id;
  }
  if (fallback === null) throw fieldError(422, 'dusun', 'lingkunganWajib');
  return fallback;
}

/**
 * A resident of the baseline register, as the OpenSID import enters one (no population event): the dusun/RW/RT
 * is created when missing; a new KK number with SHDK 1 creates the family with this person as head; a member
 * joins the family of this desa using that number. One transaction.
 */
export async function enterResident(
  db: Db,
  actor: Actor,
  desaKode: string,
  input: PendudukBaru,
): Promise<{ id: number; nik: string }> {
  const person = personOf(input);
  return db.transaction().execute(async (trx) => {
    const lingkunganId = await ensureLingkungan(trx, actor, desaKode, input);
    const family = await resolveFamilyByNoKk(trx, desaKode, input.no_kk, input.kk_level);
    if (family.kind === 'new') {
      const made = await createFamilyWithHead(
        trx,
        actor,
        desaKode,
        { noKk: input.no_kk, alamat: input.alamat, kelasSosial: null, lingkunganId },
        { lingkunganId, person },
      );
      return { id: made.kepalaId, nik: made.nik ?? '' };
    }
    const created = await insertPerson(trx, actor, {
      desaKode,
      lingkunganId,
      person,
      keluarga: { id: family.keluargaId, kkLevel: input.kk_level },
    });
    await fillFamilyAddress(trx, actor, family.keluargaId, input.alamat);
    return created;
  });
}

/** As the OpenSID import: an existing family takes the address only when it has none yet. */
async function fillFamilyAddress(trx: Db, actor: Actor, keluargaId: number, alamat: string | null): Promise<void> {
  if (!alamat) return;
  const family = await findKeluarga(trx, keluargaId);
  if (!family || family.alamat) return;
  await updateKeluarga(trx, keluargaId, { alamat, diperbarui_pada: nowIso(), diperbarui_oleh: actor.username });
  await audit.record(trx, actor, {
    aksi: 'ubah',
    entitas: 'keluarga',
    entitasId: keluargaId,
    desaKode: family.desa_kode,
    perubahan: { alamat: [null, alamat] },
  });
}

/** Full update of a person's record; the dusun/RW/RT must exist in the person's desa. */
export async function changeResident(db: Db, actor: Actor, id: number, input: PendudukUbah): Promise<number> {
  const before = await getPenduduk(db, id);
  const lingkunganId = await unitFromBody(db, before.desa_kode, input, null);
  await updatePerson(db, actor, id, input.versi, personOf(input), lingkunganId);
  return (await getPenduduk(db, id)).versi;
}

export async function desaUnits(db: Db, desaKode: string) {
  return unitIndex(await listLingkungan(db, desaKode));
}

/** A person with their family, unit names and data-quality warnings. */
export async function getResidentRecord(db: Db, id: number) {
  const row = await getPenduduk(db, id);
  const [family, units, peringatan] = await Promise.all([
    findFamilyOf(db, row.keluarga_id),
    desaUnits(db, row.desa_kode),
    listWarnings(db, id),
  ]);
  return { row, family, units: units(row.lingkungan_id), peringatan };
}

export async function searchFamilies(
  db: Db,
  desaKode: string,
  q: { noKk: string | null; halaman: number; per: number },
) {
  const query = { desaKode, noKk: q.noKk };
  const [rows, total, units] = await Promise.all([
    listFamilies(db, { ...query, limit: q.per, offset: (q.halaman - 1) * q.per }),
    countFamilies(db, query),
    desaUnits(db, desaKode),
  ]);
  return { rows, total, units };
}

/** A family with its living members (head first), or 404. */
export async function getFamilyRecord(db: Db, id: number) {
  const family = await findKeluarga(db, id);
  if (!family) throw notFound('keluargaTidakDitemukan');
  const [members, units] = await Promise.all([listLivingMembers(db, id), desaUnits(db, family.desa_kode)]);
  return { family, members, units: units(family.lingkungan_id) };
}

/** A family of this desa still in use, named by id or KK number in a request body; else 422 on that field. */
export async function familyInDesa(
  db: Db,
  desaKode: string,
  ref: { no_kk: string | null; keluarga_id: number | null },
) {
  const family =
    ref.keluarga_id !== null
      ? await findKeluarga(db, ref.keluarga_id)
      : ref.no_kk
        ? await findActiveByNoKk(db, ref.no_kk)
        : undefined;
  if (!family || family.desa_kode !== desaKode || family.ditutup_pada !== null) {
    throw fieldError(422, ref.keluarga_id !== null ? 'keluarga_id' : 'no_kk', 'keluargaTidakDitemukan');
  }
  return family;
}
