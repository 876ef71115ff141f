import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { checkLeaving } from '#src/domain/peristiwa.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { reverseEvent } from '#src/features/peristiwa/pembatalan.service.js';
import { findPeristiwa } from '#src/features/peristiwa/peristiwa.repository.js';
import { BatalSchema } from '#src/features/peristiwa/peristiwa.schema.js';
import { conflict, notFound } from '#src/lib/errors.js';
import { emptyForm, type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { getPenduduk } from './penduduk.service.js';
import type { pendudukDetailRoutes } from './penduduk-detail.routes.js';
import { successorCandidates } from './penduduk-detail.service.js';
import { EventFormPage, isJenisKepergian, type JenisKepergian, LEAVING_EVENTS } from './penduduk-events.views.js';
import { findFamilyWithHead } from './penduduk-screens.repository.js';

const NO_DEATH_DETAILS = { meninggal_di: null, jam_mati: null, sebab: null, penolong_mati: null, akta_mati: null };

function jenisOf(req: FastifyRequest): JenisKepergian {
  const jenis = param(req, 'jenis');
  if (!isJenisKepergian(jenis)) throw notFound();
  return jenis;
}

export function pendudukPeristiwaRoutes(d: Deps, detail: ReturnType<typeof pendudukDetailRoutes>) {
  async function render(req: FastifyRequest, reply: FastifyReply, status: number, state: FormState) {
    const jenis = jenisOf(req);
    const person = await getPenduduk(d.db, intParam(req, 'id'));
    // the form is only offered for a transition the person can make (alive; "pergi" only if non-permanent)
    const problem = checkLeaving(LEAVING_EVENTS[jenis].kode, person);
    if (problem) throw conflict(problem);
    const [candidates, family, installation] = await Promise.all([
      successorCandidates(d.db, person),
      person.keluarga_id === null ? undefined : findFamilyWithHead(d.db, person.keluarga_id),
      getInstallationKabupaten(d.db),
    ]);
    const heads = family?.kepala_id === person.id && family.ditutup_pada === null;
    return sendPage(
      reply,
      status,
      h(EventFormPage, {
        ctx: pageCtx(req, reply, installation?.nama ?? null),
        person,
        jenis,
        state,
        candidates,
        closesFamily: heads && candidates.length === 0,
      }),
    );
  }

  return {
    showEvent: (req: FastifyRequest, reply: FastifyReply) => render(req, reply, 200, emptyForm()),

    async recordEvent(req: FastifyRequest, reply: FastifyReply) {
      const jenis = jenisOf(req);
      const id = intParam(req, 'id');
      const { kode, schema } = LEAVING_EVENTS[jenis];
      const parsed = parseForm(schema, req.body, req.m);
      if (!parsed.ok) return render(req, reply, 400, parsed.state);
      try {
        await recordLeavingEvent(d.db, actorOf(req), id, kode, { ...NO_DEATH_DETAILS, ...parsed.data });
      } catch (error) {
        const f = formStateFromError(error, req.body, req.m);
        if (!f || f.status === 404) throw error;
        return render(req, reply, f.status, f.state);
      }
      setFlash(reply, req.m.pendudukUi.flash.peristiwaDicatat(req.m.registry.peristiwa[kode] ?? String(kode)));
      return redirect(reply, `/penduduk/${id}`);
    },

    /** POST /peristiwa/:id/batal — a reversing entry with a reason; refusals shown on the person's page. */
    async reverse(req: FastifyRequest, reply: FastifyReply) {
      const eventId = intParam(req, 'id');
      const event = await findPeristiwa(d.db, eventId);
      if (!event) throw notFound();
      const parsed = parseForm(BatalSchema, req.body, req.m);
      if (!parsed.ok)
        return detail.renderDetail(req, reply, 400, event.penduduk_id, { batal: { eventId, state: parsed.state } });
      try {
        await reverseEvent(d.db, actorOf(req), eventId, parsed.data.alasan);
      } catch (error) {
        const f = formStateFromError(error, req.body, req.m);
        if (!f || f.status === 404) throw error;
        return detail.renderDetail(req, reply, f.status, event.penduduk_id, { batal: { eventId, state: f.state } });
      }
      setFlash(reply, req.m.pendudukUi.flash.peristiwaDibatalkan);
      return redirect(reply, `/penduduk/${event.penduduk_id}`);
    },
  };
}
