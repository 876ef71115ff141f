import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { levelOf } from '#src/domain/region-code.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { localiseState } from '#src/features/kamera/layanan-form.js';
import { notFound } from '#src/lib/errors.js';
import { type FormState, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, query, redirect } from '#src/lib/http/request.js';
import { listPengaduanStaf } from './pengaduan.repository.js';
import { TanggapanSchema } from './pengaduan.schema.js';
import { getPengaduanStaf, readFoto, tanggapiPengaduan } from './pengaduan.service.js';
import { STATUS_PENGADUAN, type StatusPengaduan } from './pengaduan.table.js';
import { PengaduanDetailPage, PengaduanQueuePage } from './pengaduan.views.js';

/** Staff pages of a desa's complaints at `/desa/{kode}/pengaduan` (permission manage:pengaduan on the desa). */
export function pengaduanRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;
  const desaKode = (req: FastifyRequest) => {
    const kode = param(req, 'kode');
    if (levelOf(kode) !== 3) throw notFound();
    return kode;
  };

  async function detail(req: FastifyRequest, reply: FastifyReply, status = 200, state?: FormState) {
    const kode = desaKode(req);
    const data = await getPengaduanStaf(d.db, actorOf(req), kode, intParam(req, 'id'));
    const ctx = pageCtx(req, reply, await installation());
    return sendPage(reply, status, h(PengaduanDetailPage, { ctx, kode, data, ...(state ? { state } : {}) }));
  }

  return {
    async queue(req: FastifyRequest, reply: FastifyReply) {
      const kode = desaKode(req);
      const wanted = query(req).status;
      const status = (STATUS_PENGADUAN as readonly string[]).includes(wanted ?? '')
        ? (wanted as StatusPengaduan)
        : null;
      const rows = await listPengaduanStaf(d.db, kode, status, 200);
      const ctx = pageCtx(req, reply, await installation());
      return sendPage(reply, 200, h(PengaduanQueuePage, { ctx, kode, status, rows }));
    },

    show: (req: FastifyRequest, reply: FastifyReply) => detail(req, reply),

    async reply(req: FastifyRequest, reply: FastifyReply) {
      const kode = desaKode(req);
      const id = intParam(req, 'id');
      const parsed = parseForm(TanggapanSchema, req.body, req.m);
      if (!parsed.ok) return detail(req, reply, 400, localiseState(parsed.state, req.m));
      await tanggapiPengaduan(d.db, actorOf(req), kode, id, parsed.data);
      setFlash(reply, req.m.layanan.pengaduan.disimpan);
      return redirect(reply, `/desa/${kode}/pengaduan/${id}`);
    },

    async foto(req: FastifyRequest, reply: FastifyReply) {
      const jpeg = await readFoto(d.db, d.files, desaKode(req), intParam(req, 'id'), false);
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
    },
  };
}
