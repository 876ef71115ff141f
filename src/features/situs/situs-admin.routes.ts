import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import type { FormState } from '#src/lib/forms/form.js';
import { formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, redirect } from '#src/lib/http/request.js';
import { situsAdminSchema } from './situs-admin.schema.js';
import { getSitusAdmin, saveSitusAdmin } from './situs-admin.service.js';
import { SitusAdminPage } from './situs-admin.views.js';

/** The desa site's settings, perangkat and lembaga, edited by holders of write:web over the desa. */
export function situsAdminRoutes(d: Deps) {
  async function render(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const data = await getSitusAdmin(d.db, param(req, 'kode'));
    const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
    const ctx = pageCtx(req, reply, installation);
    return sendPage(reply, status, h(SitusAdminPage, { ctx, data, ...(state ? { state } : {}) }));
  }

  return {
    show: (req: FastifyRequest, reply: FastifyReply) => render(req, reply, 200),

    async save(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(situsAdminSchema(req.m), req.body, req.m);
      if (!parsed.ok) return render(req, reply, 400, parsed.state);
      try {
        await saveSitusAdmin(d.db, actorOf(req), kode, parsed.data);
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return render(req, reply, failed.status, failed.state);
      }
      setFlash(reply, req.m.flash.disimpan);
      return redirect(reply, `/desa/${kode}/situs`);
    },
  };
}
