import { regionCovers } from '#src/domain/region-code.js';
import { type Permission, type Role, roleHas } from './roles.js';

/** One role assignment of the signed-in user. */
export interface Grant {
  peran: Role;
  lingkupKode: string;
  /** set for dusun/RW/RT-scoped roles: the dusun, RW or RT the role is limited to */
  lingkunganId: number | null;
}

/**
 * What a permission is asked for: a region (desa, kecamatan, …) and, inside a desa, the path of
 * dusun/RW/RT ids from the dusun down to the unit concerned.
 */
export interface Target {
  kode: string;
  lingkungan?: readonly number[];
}

export function grantCovers(grant: Grant, target: Target): boolean {
  if (!regionCovers(grant.lingkupKode, target.kode)) return false;
  if (grant.lingkunganId === null) return true;
  return target.lingkungan?.includes(grant.lingkunganId) ?? false;
}

/** The first grant allowing `permission` on `target` (or anywhere, when target is null). */
export function findGrant(grants: readonly Grant[], permission: Permission, target: Target | null): Grant | null {
  for (const grant of grants) {
    if (!roleHas(grant.peran, permission)) continue;
    if (target === null || grantCovers(grant, target)) return grant;
  }
  return null;
}

export function grantsWith(grants: readonly Grant[], permission: Permission): Grant[] {
  return grants.filter((g) => roleHas(g.peran, permission));
}

/** Label of a grant's scope for the audit trail, e.g. `33.17.09.2001` or `33.17.09.2001#12`. */
export function scopeLabel(grant: Pick<Grant, 'lingkupKode' | 'lingkunganId'>): string {
  return grant.lingkunganId === null ? grant.lingkupKode : `${grant.lingkupKode}#${grant.lingkunganId}`;
}
