import type { FastifyRequest } from 'fastify';
import { placeTarget } from '#src/features/lingkungan/lingkungan.service.js';
import { findPeristiwa } from '#src/features/peristiwa/peristiwa.repository.js';
import { findGrant, type Grant, type Target } from '#src/lib/auth/grants.js';
import { type Permission, roleHas } from '#src/lib/auth/roles.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import { grantsOf, intParam, param } from '#src/lib/http/request.js';
import { findPenduduk } from './penduduk.repository.js';

/**
 * Permission targets and list scopes of the resident screens. A person is asked for at their desa and the
 * path of their dusun/RW/RT, so that a dusun/RW/RT operator reaches exactly the people of their unit.
 */
/** The grant limited to one dusun/RW/RT of this desa that carries `permission`, if the user holds one. */
function unitGrant(grants: readonly Grant[], permission: Permission, kode: string): Grant | undefined {
  return grants.find((g) => g.lingkunganId !== null && g.lingkupKode === kode && roleHas(g.peran, permission));
}

/**
 * Whose residents a desa-wide page lists: everyone of the desa (lingkunganId null) for desa-wide roles, only
 * the unit (and below) for a dusun/RW/RT operator without a desa-wide grant.
 */
export function listScope(grants: readonly Grant[], permission: Permission, kode: string): number | null {
  const wide = findGrant(
    grants.filter((g) => g.lingkunganId === null),
    permission,
    { kode },
  );
  if (wide) return null;
  return unitGrant(grants, permission, kode)?.lingkunganId ?? null;
}

export function pendudukTargets(db: Db) {
  return {
    /**
     * Target of a desa-wide resident page: the desa, plus — for a dusun/RW/RT operator of this desa — the
     * path of their own unit, so the guard lets them in; the handler then limits the list to that unit.
     */
    desaList(permission: Permission) {
      return async (req: FastifyRequest): Promise<Target> => {
        const kode = param(req, 'kode');
        const own = unitGrant(grantsOf(req), permission, kode);
        if (!own || own.lingkunganId === null) return { kode };
        return placeTarget(db, kode, own.lingkunganId);
      };
    },

    /** Target of /penduduk/:id/…: the person's desa and the path of their unit. */
    async person(req: FastifyRequest): Promise<Target> {
      const p = await findPenduduk(db, intParam(req, 'id'));
      if (!p) throw notFound('pendudukTidakDitemukan');
      return placeTarget(db, p.desa_kode, p.lingkungan_id);
    },

    /** Target of /peristiwa/:id/…: the event's desa and the person's unit. */
    async event(req: FastifyRequest): Promise<Target> {
      const e = await findPeristiwa(db, intParam(req, 'id'));
      const p = e ? await findPenduduk(db, e.penduduk_id) : undefined;
      if (!e || !p) throw notFound();
      return { ...(await placeTarget(db, p.desa_kode, p.lingkungan_id)), kode: e.desa_kode };
    },
  };
}

/** May the signed-in user do `permission` on this person (for the buttons shown)? */
export function can(req: FastifyRequest, permission: Permission, target: Target): boolean {
  return findGrant(grantsOf(req), permission, target) !== null;
}
