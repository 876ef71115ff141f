import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { todayIn } from '#src/domain/age.js';
import { isRegionCode } from '#src/domain/region-code.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { placeTarget } from '#src/features/lingkungan/lingkungan.service.js';
import { listFilters } from '#src/features/penduduk/penduduk-list.routes.js';
import { can, listScope } from '#src/features/penduduk/penduduk-scope.js';
import type { Target } from '#src/lib/auth/grants.js';
import { forbidden, notFound } from '#src/lib/errors.js';
import { actorOf, grantsOf, param } from '#src/lib/http/request.js';
import { type EksporRequest, planEkspor, writeEkspor } from './ekspor-penduduk.service.js';

/**
 * The resident register in OpenSID's import format (.xlsx), streamed: `/desa/:kode/penduduk/ekspor-opensid`
 * (the list's filters, an operator's own unit) and `/wilayah/:kode/penduduk/ekspor-opensid` (every active desa
 * of a kecamatan or kabupaten, one sheet each). The route guard checked export:penduduk on the target; as the
 * file holds full NIK and KK numbers, read:nik on the same target is required too.
 */
export function eksporRoutes(d: Deps) {
  async function send(req: FastifyRequest, reply: FastifyReply, target: Target, request: EksporRequest) {
    if (!can(req, 'read:nik', target)) throw forbidden('eksporPerluNik');
    const plan = await planEkspor(d.db, actorOf(req), request);
    const stream = new PassThrough();
    writeEkspor(d.db, plan, stream).catch((error: unknown) => {
      req.log.error({ err: error }, 'ekspor OpenSID gagal');
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const day = todayIn().replaceAll('-', '');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="penduduk-${request.kode}-${day}.xlsx"`)
      .header('cache-control', 'no-store')
      .header('x-balai-baris', String(plan.rows))
      .header('x-balai-tanpa-kk', String(plan.tanpaKk))
      .send(stream);
  }

  return {
    /** One desa: the resident list's filters (names and codes only, never a NIK), within the user's unit. */
    async desa(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      const lingkunganId = listScope(grantsOf(req), 'export:penduduk', kode);
      const target = lingkunganId === null ? { kode } : await placeTarget(d.db, kode, lingkunganId);
      return send(req, reply, target, { kode, filters: listFilters(req).filters, lingkunganId });
    },

    /** A kecamatan or kabupaten (or one desa by its code): one sheet per active desa. */
    async wilayah(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      if (!isRegionCode(kode)) throw notFound();
      return send(req, reply, { kode }, { kode, filters: listFilters(req).filters });
    },
  };
}
