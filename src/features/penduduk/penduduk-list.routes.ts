import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { cleanNumber } from '#src/domain/nik.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { listQueue } from '#src/features/duplikat/duplikat.service.js';
import { DuplicateSummary } from '#src/features/duplikat/duplikat.views.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { findGrant } from '#src/lib/auth/grants.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, param, query } from '#src/lib/http/request.js';
import { exportPenduduk } from './penduduk-export.service.js';
import { listQualityWarnings } from './penduduk-kualitas.service.js';
import { KualitasPage } from './penduduk-kualitas.views.js';
import { type PendudukListQuery, PendudukListQuerySchema } from './penduduk-list.schema.js';
import { searchPenduduk } from './penduduk-list.service.js';
import { PendudukListPage } from './penduduk-list.views.js';
import { can, listScope } from './penduduk-scope.js';

/** The query string as given (strings only), to show the filters again and build page links. */
function rawQuery(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(query(req)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Parse the list filters. A 16-digit search finds one NIK: only for users who may see NIKs — otherwise it
 * would tell a masked user whose NIK a number is.
 */
function listFilters(req: FastifyRequest, fullNumbers: boolean) {
  const parsed = PendudukListQuerySchema.safeParse(query(req));
  const filters = (parsed.success ? parsed.data : {}) as PendudukListQuery;
  const isNik = filters.q !== undefined && /^\d{16}$/.test(cleanNumber(filters.q));
  const nikSearchRefused = isNik && !fullNumbers;
  if (nikSearchRefused) filters.q = undefined;
  return { filters, nikSearchRefused };
}

export function pendudukListRoutes(d: Deps) {
  const installationName = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const desa = await getDesaProfile(d.db, kode);
      const fullNumbers = can(req, 'read:nik', { kode });
      const ownUnit = listScope(grantsOf(req), 'read:penduduk', kode);
      const { filters, nikSearchRefused } = listFilters(req, fullNumbers);
      const [result, units, installation] = await Promise.all([
        searchPenduduk(d.db, { desaKode: kode, lingkunganId: ownUnit }, { ...filters, per: undefined }),
        listLingkungan(d.db, kode),
        installationName(),
      ]);
      return sendPage(
        reply,
        200,
        h(PendudukListPage, {
          ctx: pageCtx(req, reply, installation),
          desa,
          query: rawQuery(req),
          ...result,
          units,
          ownUnit,
          fullNumbers,
          canExport: can(req, 'export:penduduk', { kode }),
          canRecord: can(req, 'record:peristiwa', { kode }),
          canReview: can(req, 'review:duplikat', { kode }),
          nikSearchRefused,
        }),
      );
    },

    /** The filtered list as .xlsx (streamed), numbers masked without read:nik; audited. */
    async exportXlsx(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      const fullNumbers = can(req, 'read:nik', { kode });
      const { filters } = listFilters(req, fullNumbers);
      const { stream } = await exportPenduduk(
        d.db,
        actorOf(req),
        {
          desaKode: kode,
          scope: { desaKode: kode, lingkunganId: listScope(grantsOf(req), 'export:penduduk', kode) },
          filters,
          fullNumbers,
          m: req.m,
        },
        req.log,
      );
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="penduduk-${kode}-${day}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },

    async quality(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const desa = await getDesaProfile(d.db, kode);
      const ownUnit = listScope(grantsOf(req), 'read:penduduk', kode);
      const [warnings, installation] = await Promise.all([
        listQualityWarnings(d.db, kode, ownUnit),
        installationName(),
      ]);
      // the duplicate queue is for those who review it (a dusun/RW/RT operator does not)
      const reviews = ownUnit === null && findGrant(grantsOf(req), 'review:duplikat', { kode }) !== null;
      const duplicates = reviews
        ? h(DuplicateSummary, { kode, open: (await listQueue(d.db, [kode])).length })
        : undefined;
      return sendPage(
        reply,
        200,
        h(KualitasPage, { ctx: pageCtx(req, reply, installation), desa, warnings, duplicates }),
      );
    },
  };
}
