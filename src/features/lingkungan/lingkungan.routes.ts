import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant, type Target } from '#src/lib/auth/grants.js';
import { notFound } from '#src/lib/errors.js';
import { formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { LingkunganFormSchema } from './lingkungan.schema.js';
import { editLingkungan, getLingkungan, getLingkunganPath, getTree } from './lingkungan.service.js';
import { type FailedForm, formKey, LingkunganEditorPage, LingkunganUnitPage } from './lingkungan.views.js';

export function lingkunganRoutes(d: Deps) {
  async function render(req: FastifyRequest, reply: FastifyReply, status: number, failed: FailedForm | null = null) {
    const kode = param(req, 'kode');
    const [desa, tree, installation] = await Promise.all([
      getDesaProfile(d.db, kode),
      getTree(d.db, kode),
      getInstallationKabupaten(d.db),
    ]);
    const edit = findGrant(grantsOf(req), 'update:lingkungan', { kode }) !== null;
    return sendPage(
      reply,
      status,
      h(LingkunganEditorPage, { ctx: pageCtx(req, reply, installation?.nama ?? null), desa, tree, edit, failed }),
    );
  }

  return {
    /** Permission target of /lingkungan/:id: the unit's desa and its path from the dusun down. */
    async unitTarget(req: FastifyRequest): Promise<Target> {
      const path = await getLingkunganPath(d.db, intParam(req, 'id'));
      const unit = path?.at(-1);
      if (!path || !unit) throw notFound('lingkunganTidakDitemukan');
      return { kode: unit.desa_kode, lingkungan: path.map((p) => p.id) };
    },

    show: (req: FastifyRequest, reply: FastifyReply) => render(req, reply, 200),

    async edit(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const body = (req.body ?? {}) as Record<string, string | undefined>;
      const key = formKey(body.intent ?? '', body.id ?? body.induk_id);
      const parsed = parseForm(LingkunganFormSchema, req.body, req.m);
      if (!parsed.ok) return render(req, reply, 400, { key, state: parsed.state });
      try {
        await getDesaProfile(d.db, kode);
        await editLingkungan(d.db, actorOf(req), kode, parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return render(req, reply, failed.status, { key, state: failed.state });
      }
      setFlash(reply, req.m.flash.disimpan);
      return redirect(reply, `/desa/${kode}/lingkungan`);
    },

    async unit(req: FastifyRequest, reply: FastifyReply) {
      const { path, node } = await getLingkungan(d.db, intParam(req, 'id'));
      const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
      return sendPage(reply, 200, h(LingkunganUnitPage, { ctx: pageCtx(req, reply, installation), path, node }));
    },

    async api(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      const strip = (n: Awaited<ReturnType<typeof getTree>>[number]): unknown => ({
        id: n.id,
        tingkat: n.tingkat,
        nama: n.nama,
        anak: n.anak.map(strip),
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ desa: kode, dusun: (await getTree(d.db, kode)).map(strip) });
    },
  };
}
