import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Target } from '#src/lib/auth/grants.js';
import { nowIso } from '#src/lib/db/time.js';
import { type FormState, formStateFromError } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, redirect } from '#src/lib/http/request.js';
import { getPendudukDetail, type PendudukDetail } from './penduduk-detail.service.js';
import { PendudukDetailPage } from './penduduk-detail.views.js';
import { readPendudukFoto, savePendudukFoto } from './penduduk-foto.service.js';
import { PrintBiodataPage } from './penduduk-print.views.js';
import { can } from './penduduk-scope.js';

/** The permission target of a person (desa + unit path), from what the detail already loaded. */
export const targetOf = (detail: PendudukDetail): Target => ({
  kode: detail.person.desa_kode,
  lingkungan: detail.path.map((u) => u.id),
});

/** A read of a person's full record, in the audit trail (who opened whom, from which role). */
function recordRead(d: Deps, actor: Actor, detail: PendudukDetail, aksi: 'baca' | 'cetak') {
  return audit.recordRead(d.db, actor, {
    aksi,
    entitas: 'penduduk',
    entitasId: detail.person.id,
    desaKode: detail.person.desa_kode,
  });
}

export function pendudukDetailRoutes(d: Deps) {
  /** The detail page; `failed` re-shows a refused reversal or photo upload with its messages. */
  async function renderDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    id: number,
    failed: { batal?: { eventId: number; state: FormState }; fotoState?: FormState } = {},
  ) {
    const [detail, installation] = await Promise.all([getPendudukDetail(d.db, id), getInstallationKabupaten(d.db)]);
    const target = targetOf(detail);
    if (status === 200) await recordRead(d, actorOf(req), detail, 'baca');
    return sendPage(
      reply,
      status,
      h(PendudukDetailPage, {
        ctx: pageCtx(req, reply, installation?.nama ?? null),
        detail,
        can: {
          edit: can(req, 'write:penduduk', target),
          record: can(req, 'record:peristiwa', target),
          fullNumbers: can(req, 'read:nik', target),
        },
        ...failed,
      }),
    );
  }

  return {
    renderDetail,

    show: (req: FastifyRequest, reply: FastifyReply) => renderDetail(req, reply, 200, intParam(req, 'id')),

    async print(req: FastifyRequest, reply: FastifyReply) {
      const [detail, installation] = await Promise.all([
        getPendudukDetail(d.db, intParam(req, 'id')),
        getInstallationKabupaten(d.db),
      ]);
      await recordRead(d, actorOf(req), detail, 'cetak');
      return sendPage(
        reply,
        200,
        h(PrintBiodataPage, {
          ctx: pageCtx(req, reply, installation?.nama ?? null),
          detail,
          fullNumbers: can(req, 'read:nik', targetOf(detail)),
          printedAt: nowIso(),
        }),
      );
    },

    async uploadFoto(req: FastifyRequest, reply: FastifyReply) {
      const id = intParam(req, 'id');
      const file = (req.body as { foto?: unknown } | undefined)?.foto;
      try {
        if (!Buffer.isBuffer(file) || file.length === 0) {
          const fotoState = { values: {}, errors: { foto: req.m.err.fotoBukanGambar } };
          return renderDetail(req, reply, 400, id, { fotoState });
        }
        await savePendudukFoto(d.db, d.files, actorOf(req), id, file);
      } catch (error) {
        const f = formStateFromError(error, {}, req.m);
        if (!f || f.status === 404) throw error;
        return renderDetail(req, reply, f.status, id, { fotoState: f.state });
      }
      setFlash(reply, req.m.pendudukUi.flash.fotoDisimpan);
      return redirect(reply, `/penduduk/${id}`);
    },

    /** The re-encoded JPEG, only for those who may read the person; never cached by shared caches. */
    async foto(req: FastifyRequest, reply: FastifyReply) {
      const jpeg = await readPendudukFoto(d.db, d.files, intParam(req, 'id'));
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline; filename="foto.jpg"')
        .send(jpeg);
    },
  };
}
