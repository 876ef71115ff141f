import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { isPersonalNumber } from '#src/domain/nik.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { listQueue } from '#src/features/duplikat/duplikat.service.js';
import { DuplicateSummary } from '#src/features/duplikat/duplikat.views.js';
import { countTanpaKk } from '#src/features/ekspor/ekspor-penduduk.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { findGrant } from '#src/lib/auth/grants.js';
import { forbidden } from '#src/lib/errors.js';
import { parseForm } from '#src/lib/forms/form.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, param, query, redirect } from '#src/lib/http/request.js';
import { exportPenduduk } from './penduduk-export.service.js';
import { listQualityWarnings } from './penduduk-kualitas.service.js';
import { KualitasPage } from './penduduk-kualitas.views.js';
import { NikLookupSchema, type PendudukListQuery, PendudukListQuerySchema } from './penduduk-list.schema.js';
import { findPendudukByNik, searchPenduduk } from './penduduk-list.service.js';
import { PendudukListPage } from './penduduk-list.views.js';
import type { NikLookupState } from './penduduk-list-filters.views.js';
import { can, listScope } from './penduduk-scope.js';

/**
 * The query string as given (strings only), to show the filters again and build page links — without a
 * NIK typed into the name box, so that no link on the page carries it further.
 */
function rawQuery(req: FastifyRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query(req)).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && !(e[0] === 'q' && isPersonalNumber(e[1])),
    ),
  );
}

/**
 * Parse the list filters. `q` is a name prefix only: a NIK must not travel in a URL (UU 24/2013), so a
 * 16-digit `q` is ignored (`numberIgnored`) and the page points to the "Cari NIK" form, which posts it.
 */
export function listFilters(req: FastifyRequest) {
  const parsed = PendudukListQuerySchema.safeParse(query(req));
  const filters = (parsed.success ? parsed.data : {}) as PendudukListQuery;
  const numberIgnored = filters.q !== undefined && isPersonalNumber(filters.q);
  if (numberIgnored) filters.q = undefined;
  return { filters, numberIgnored };
}

const NO_FILTERS = {} as PendudukListQuery;

/** What one rendering of the list shows: the filters, or the records a NIK look-up found. */
interface ListView {
  filters: PendudukListQuery;
  query: Record<string, string>;
  numberIgnored?: boolean;
  lookup?: NikLookupState;
  /** the records of a NIK look-up, shown instead of the filtered list */
  found?: Awaited<ReturnType<typeof searchPenduduk>>;
}

export function pendudukListRoutes(d: Deps) {
  const installationName = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function renderList(req: FastifyRequest, reply: FastifyReply, status: number, view: ListView) {
    const kode = param(req, 'kode');
    const desa = await getDesaProfile(d.db, kode);
    const ownUnit = listScope(grantsOf(req), 'read:penduduk', kode);
    const fullNumbers = can(req, 'read:nik', { kode });
    const canExport = can(req, 'export:penduduk', { kode });
    // the OpenSID format carries full numbers; it leaves out residents without a KK (the page says how many)
    const canExportOpenSid = canExport && fullNumbers && !view.found;
    const [result, units, installation, tanpaKk] = await Promise.all([
      view.found ??
        searchPenduduk(d.db, { desaKode: kode, lingkunganId: ownUnit }, { ...view.filters, per: undefined }),
      listLingkungan(d.db, kode),
      installationName(),
      canExportOpenSid ? countTanpaKk(d.db, { desaKode: kode, lingkunganId: ownUnit }, view.filters) : 0,
    ]);
    // a page answering a POST look-up names the list as its place (language switch, navigation)
    const ctx = { ...pageCtx(req, reply, installation), path: `/desa/${kode}/penduduk` };
    return sendPage(
      reply,
      status,
      h(PendudukListPage, {
        ctx,
        desa,
        query: view.query,
        ...result,
        units,
        ownUnit,
        fullNumbers,
        canExport,
        canExportOpenSid,
        tanpaKk,
        canRecord: can(req, 'record:peristiwa', { kode }),
        canReview: can(req, 'review:duplikat', { kode }),
        canImport: can(req, 'import:penduduk', { kode }),
        numberIgnored: view.numberIgnored ?? false,
        lookup: view.lookup ?? null,
      }),
    );
  }

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const { filters, numberIgnored } = listFilters(req);
      return renderList(req, reply, 200, { filters, query: rawQuery(req), numberIgnored });
    },

    /**
     * "Cari NIK" (POST): one record → its page; none → the list again with "not found"; several (the same NIK
     * on dead, moved or merged records) → those records in this response. The NIK stays out of every URL.
     * Refused without read:nik: a look-up would tell a masked user whose number it is.
     */
    async lookupNik(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      if (!can(req, 'read:nik', { kode })) throw forbidden('cariNikDitolak');
      const parsed = parseForm(NikLookupSchema, req.body, req.m);
      if (!parsed.ok)
        return renderList(req, reply, 400, { filters: NO_FILTERS, query: {}, lookup: { state: parsed.state } });
      await getDesaProfile(d.db, kode);
      const scope = { desaKode: kode, lingkunganId: listScope(grantsOf(req), 'read:penduduk', kode) };
      const found = await findPendudukByNik(d.db, scope, parsed.data.nik);
      const [only] = found.rows;
      if (found.total === 1 && only) return redirect(reply, `/penduduk/${only.id}`);
      const state = { values: { nik: parsed.data.nik }, errors: {} };
      const c = req.m.pendudukUi.cariNik;
      if (found.total === 0)
        return renderList(req, reply, 404, {
          filters: NO_FILTERS,
          query: {},
          lookup: { state, message: c.tidakDitemukanDesa },
        });
      return renderList(req, reply, 200, {
        filters: NO_FILTERS,
        query: {},
        found,
        lookup: { state, message: c.beberapa(found.total) },
      });
    },

    /** The filtered list as .xlsx (streamed), numbers masked without read:nik; audited. */
    async exportXlsx(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      const fullNumbers = can(req, 'read:nik', { kode });
      const { filters } = listFilters(req);
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
