import type { FastifyRequest } from 'fastify';
import { resolveSitus } from '#src/features/situs/situs.service.js';
import type { Situs } from '#src/features/situs/situs-context.js';
import type { Db } from '#src/lib/db/connect.js';

/**
 * The public site of `/situs/:kode/…` (or the desa's own host) for the camera and complaint pages: the site
 * core's resolver — an activated desa, or a kecamatan/kabupaten with an activated desa; anything else is a 404.
 */
export function resolveLayananSitus(db: Db, req: FastifyRequest): Promise<Situs> {
  return resolveSitus({ db }, req);
}
