import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { badRequest } from '#src/lib/errors.js';
import { parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query, redirect } from '#src/lib/http/request.js';
import { findWargaByPenduduk } from './mandiri.repository.js';
import { AksiAkunSchema, CariWargaSchema } from './mandiri.schema.js';
import { aturLayanan, layananAktif } from './mandiri-desa.js';
import { cariAkun } from './mandiri-operator.service.js';
import { AkunWargaPage } from './mandiri-operator.views.js';
import { aktifkanAkun, nonaktifkanAkun } from './warga-akun.service.js';

/** The office side of resident accounts: /desa/{kode}/mandiri (permission manage:mandiri on the desa). */
export function mandiriOperatorRoutes(d: Deps) {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    kode: string,
    q: string,
    pinBaru?: { nama: string; pin: string },
  ) => {
    const [rows, aktif] = await Promise.all([cariAkun(d.db, kode, q), layananAktif(d.db, kode)]);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      200,
      h(AkunWargaPage, { ctx: pageCtx(req, reply), kode, q, rows, layananAktif: aktif, pinBaru }),
    );
  };

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const parsed = CariWargaSchema.safeParse(query(req));
      return render(req, reply, param(req, 'kode'), parsed.success ? (parsed.data.q ?? '') : '');
    },

    async act(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(AksiAkunSchema, req.body, req.m);
      if (!parsed.ok) throw badRequest('invalid');
      const { intent } = parsed.data;
      const actor = actorOf(req);
      if (intent === 'layanan') {
        await aturLayanan(d.db, kode, parsed.data.aktif !== '0', actor.username);
        setFlash(reply, req.m.mandiri.operator.layananDisimpan);
        return redirect(reply, `/desa/${kode}/mandiri`);
      }
      if (intent === 'nonaktifkan') {
        if (!parsed.data.akun_id) throw badRequest('invalid');
        await nonaktifkanAkun(d.db, actor, parsed.data.akun_id, kode);
        setFlash(reply, req.m.mandiri.operator.dinonaktifkan);
        return redirect(reply, `/desa/${kode}/mandiri`);
      }
      if (!parsed.data.penduduk_id) throw badRequest('invalid');
      const { pin } = await aktifkanAkun(d.db, actor, parsed.data.penduduk_id, kode);
      const warga = await findWargaByPenduduk(d.db, parsed.data.penduduk_id);
      // the PIN is shown on this response only: never in a redirect, a cookie or a log
      return render(req, reply, kode, '', { nama: warga?.nama ?? '', pin });
    },
  };
}
