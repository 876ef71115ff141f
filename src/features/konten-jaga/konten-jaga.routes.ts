import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { grantsWith } from '#src/lib/auth/grants.js';
import { badRequest } from '#src/lib/errors.js';
import { parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, param, query, redirect } from '#src/lib/http/request.js';
import { listTemuan } from './konten-jaga.repository.js';
import { KeputusanSchema } from './konten-jaga.schema.js';
import { putuskanKonten } from './konten-jaga.service.js';
import { TemuanDesaPage, TemuanKabupatenPage } from './konten-jaga.views.js';

/** Review of held content: a desa's page (decisions) and the list across every desa in the user's scope. */
export function kontenJagaRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;
  const semua = (req: FastifyRequest) => query(req).tampil === 'semua';

  return {
    async desa(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const rows = await listTemuan(d.db, [kode], { semua: semua(req) });
      const ctx = pageCtx(req, reply, await installation());
      return sendPage(reply, 200, h(TemuanDesaPage, { ctx, kode, rows, semua: semua(req) }));
    },

    async putuskan(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(KeputusanSchema, req.body, req.m);
      if (!parsed.ok) throw badRequest('pilihanTidakValid');
      const { intent, sumber, sumber_id } = parsed.data;
      await putuskanKonten(d.db, actorOf(req), kode, { sumber, sumberId: sumber_id, keputusan: intent });
      setFlash(reply, intent === 'lepas' ? req.m.jaga.dilepas : req.m.jaga.ditolak);
      return redirect(reply, `/desa/${kode}/web/temuan`);
    },

    /** Every desa within the scopes where the user may review content (a desa admin sees only their desa). */
    async wilayah(req: FastifyRequest, reply: FastifyReply) {
      const lingkup = [...new Set(grantsWith(grantsOf(req), 'review:konten').map((g) => g.lingkupKode))];
      const rows = await listTemuan(d.db, lingkup, { semua: semua(req) });
      const ctx = pageCtx(req, reply, await installation());
      return sendPage(reply, 200, h(TemuanKabupatenPage, { ctx, rows, semua: semua(req) }));
    },
  };
}
