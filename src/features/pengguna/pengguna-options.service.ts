import { levelOf } from '#src/domain/region-code.js';
import { findDesa, listDesaUnder } from '#src/features/desa/desa.repository.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { buildTree, type LingkunganNode } from '#src/features/lingkungan/lingkungan.service.js';
import { findRegion, listChildRegions } from '#src/features/wilayah/wilayah.repository.js';
import type { Grant } from '#src/lib/auth/grants.js';
import { grantsWith } from '#src/lib/auth/grants.js';
import { ROLE_SCOPE, ROLES, type Role } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';

const MAX_UNIT_OPTIONS = 1000;

export interface AssignmentOptions {
  roles: Role[];
  scopes: { kode: string; label: string }[];
  /** dusun/RW/RT to choose from; null when there are too many to list */
  units: { id: number; label: string }[] | null;
}

/** What a manager may hand out: roles whose scope level lies within their own scopes, and where. */
export async function assignmentOptions(db: Db, grants: readonly Grant[]): Promise<AssignmentOptions> {
  const managing = grantsWith(grants, 'manage:pengguna');
  const topLevel = Math.min(...managing.map((g) => levelOf(g.lingkupKode)));
  const roles = ROLES.filter((r) => {
    const level = ROLE_SCOPE[r];
    const need = level === 'kabupaten' ? 1 : level === 'kecamatan' ? 2 : 3;
    return need >= topLevel;
  });
  const scopes: AssignmentOptions['scopes'] = [];
  const villages: { kode: string; nama: string }[] = [];
  for (const g of managing) {
    const region = await findRegion(db, g.lingkupKode);
    if (!region) continue;
    scopes.push({ kode: region.kode, label: region.nama });
    if (levelOf(region.kode) === 1) {
      for (const kec of await listChildRegions(db, region.kode))
        scopes.push({ kode: kec.kode, label: `Kec. ${kec.nama}` });
    }
    if (levelOf(region.kode) < 3) villages.push(...(await listDesaUnder(db, region.kode)));
    else if (await findDesa(db, region.kode)) villages.push({ kode: region.kode, nama: region.nama });
  }
  for (const v of villages) if (!scopes.some((s) => s.kode === v.kode)) scopes.push({ kode: v.kode, label: v.nama });

  const units: { id: number; label: string }[] = [];
  for (const v of villages) {
    const walk = (nodes: LingkunganNode[], prefix: string) => {
      for (const n of nodes) {
        const label = `${prefix}${n.tingkat === 'dusun' ? n.nama : `${n.tingkat.toUpperCase()} ${n.nama}`}`;
        units.push({ id: n.id, label });
        walk(n.anak, `${label} › `);
      }
    };
    walk(buildTree(await listLingkungan(db, v.kode)), `${v.nama} — `);
    if (units.length > MAX_UNIT_OPTIONS) return { roles, scopes, units: null };
  }
  return { roles, scopes, units };
}
