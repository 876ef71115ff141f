import type { Tingkat } from '#src/domain/region-code.js';
import { isRegionCode, levelOf } from '#src/domain/region-code.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './wilayah.repository.js';

export interface RegionChild {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  /** desa/kelurahan: activated in Balai; higher levels: at least one active desa inside */
  aktif: boolean;
  /** active desa inside (for higher levels) */
  desaAktif: number;
}

export interface RegionDetail {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  induk: string | null;
  anak: RegionChild[];
}

/** Count active desa per child region: a child's code is the prefix of the desa code at its level. */
function activeCountsByChild(activeDesa: readonly string[], childLevel: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kode of activeDesa) {
    const prefix = kode
      .split('.')
      .slice(0, childLevel + 1)
      .join('.');
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return counts;
}

async function childrenOf(db: Db, induk: string | null): Promise<RegionChild[]> {
  const [children, active] = await Promise.all([repo.listChildRegions(db, induk), repo.listActiveDesaCodes(db, induk)]);
  const childLevel = induk === null ? 0 : levelOf(induk) + 1;
  const counts = activeCountsByChild(active, childLevel);
  return children.map((c) => {
    const desaAktif = counts.get(c.kode) ?? 0;
    return { kode: c.kode, nama: c.nama, tingkat: c.tingkat, aktif: desaAktif > 0, desaAktif };
  });
}

export function listProvinces(db: Db): Promise<RegionChild[]> {
  return childrenOf(db, null);
}

/** A region with its direct children. Unknown or malformed codes → 404. */
export async function getRegion(db: Db, kode: string): Promise<RegionDetail> {
  if (!isRegionCode(kode)) throw notFound('wilayahTidakValid', { kode: kode.slice(0, 20) });
  const region = await repo.findRegion(db, kode);
  if (!region) throw notFound('wilayahTidakDitemukan', { kode });
  const anak = levelOf(kode) === 3 ? [] : await childrenOf(db, kode);
  return { ...region, anak };
}

/** A region with its ancestors (for breadcrumbs), or 404. */
export async function getRegionLineage(db: Db, kode: string) {
  const detail = await getRegion(db, kode);
  const parts = kode.split('.');
  const ancestorCodes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
  const ancestors = (await repo.findRegionsByCodes(db, ancestorCodes)).sort((a, b) => a.kode.length - b.kode.length);
  return { ...detail, ancestors };
}

export const findRegion = repo.findRegion;
export const listKabupatenKota = repo.listKabupatenKota;
export const countVillagesUnder = repo.countVillagesUnder;
export const listActiveDesaCodes = repo.listActiveDesaCodes;
