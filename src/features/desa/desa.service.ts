import { isRegionCode, levelOf, tingkatOf } from '#src/domain/region-code.js';
import * as wilayahRepo from '#src/features/wilayah/wilayah.repository.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { badRequest, HttpError, notFound } from '#src/lib/errors.js';
import * as repo from './desa.repository.js';
import type { DesaProfileInput } from './desa.schema.js';

export interface ActivationResult {
  /** codes activated by this call */
  diaktifkan: string[];
  /** codes that were already active (activation is idempotent) */
  sudahAktif: string[];
}

/**
 * Activate one desa/kelurahan, or every desa/kelurahan of a kecamatan in one action. Idempotent: already
 * active desa are left as they are. All-or-nothing, with one audit row per desa activated.
 */
export async function activateDesa(db: Db, actor: Actor, kode: string): Promise<ActivationResult> {
  if (!isRegionCode(kode)) throw notFound('wilayahTidakValid', { kode: kode.slice(0, 20) });
  const region = await wilayahRepo.findRegion(db, kode);
  if (!region) throw notFound('wilayahTidakDitemukan', { kode });
  const level = levelOf(kode);
  if (level !== 2 && level !== 3) throw badRequest('aktivasiHanyaDesaAtauKecamatan');

  const villages = level === 3 ? [region] : await wilayahRepo.listChildRegions(db, kode);
  return db.transaction().execute(async (trx) => {
    const result: ActivationResult = { diaktifkan: [], sudahAktif: [] };
    for (const village of villages) {
      const now = nowIso();
      const inserted = await repo.insertDesaIfAbsent(trx, {
        kode: village.kode,
        sebutan: tingkatOf(village.kode) === 'kelurahan' ? 'kelurahan' : 'desa',
        sebutan_dusun: 'dusun',
        alamat: null,
        kode_pos: null,
        telepon: null,
        email: null,
        situs: null,
        kepala_desa: null,
        nip_kepala_desa: null,
        logo_berkas: null,
        diaktifkan_pada: now,
        diperbarui_pada: now,
      });
      if (!inserted) {
        result.sudahAktif.push(village.kode);
        continue;
      }
      result.diaktifkan.push(village.kode);
      await audit.record(trx, actor, {
        aksi: 'aktifkan',
        entitas: 'desa',
        entitasId: village.kode,
        desaKode: village.kode,
        alasan: level === 2 ? `aktivasi kecamatan ${kode}` : null,
      });
    }
    return result;
  });
}

/** An active desa's profile with its region names and host names, or 404. */
export async function getDesaProfile(db: Db, kode: string) {
  const desa = isRegionCode(kode) ? await repo.findDesaWithRegion(db, kode) : undefined;
  if (!desa) throw notFound('desaBelumAktif', { kode: kode.slice(0, 20) });
  const hosts = await repo.listHosts(db, kode);
  return { ...desa, hosts };
}
export type DesaProfile = Awaited<ReturnType<typeof getDesaProfile>>;

export async function updateDesaProfile(db: Db, actor: Actor, kode: string, input: DesaProfileInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findDesa(trx, kode);
    if (!before) throw notFound('desaBelumAktif', { kode });
    const owners = await repo.findHostOwners(trx, input.hosts);
    const taken = owners.find((o) => o.desa_kode !== kode);
    if (taken) throw new HttpError(409, 'invalid', {}, { hosts: `hostSudahDipakai|${taken.host}` });

    const { hosts, ...fields } = input;
    const beforeHosts = await repo.listHosts(trx, kode);
    await repo.updateDesa(trx, kode, { ...fields, diperbarui_pada: nowIso() });
    await repo.replaceHosts(trx, kode, hosts);

    const changes = diffRecords(
      { ...pick(before, fields), hosts: beforeHosts },
      { ...fields, hosts: [...hosts].sort() },
    );
    if (Object.keys(changes).length > 0) {
      await audit.record(trx, actor, {
        aksi: 'ubah',
        entitas: 'desa',
        entitasId: kode,
        desaKode: kode,
        perubahan: changes,
      });
    }
  });
}

function pick(row: object, shape: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(shape).map((k) => [k, (row as Record<string, unknown>)[k] ?? null]));
}

export const listDesaUnder = repo.listDesaUnder;
export const findDesaByHost = repo.findDesaByHost;
export const findDesa = repo.findDesa;
