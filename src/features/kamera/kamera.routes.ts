import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { nowIso } from '#src/lib/db/time.js';
import { badRequest } from '#src/lib/errors.js';
import { type FormState, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { saveKameraStatus } from './kamera.repository.js';
import { kameraSchema } from './kamera.schema.js';
import { createKamera, deleteKameraIn, getKameraIn, listKameraAdmin, updateKameraIn } from './kamera.service.js';
import { dicekText, KameraAdminPage, KameraEditPage } from './kamera.views.js';
import { cekKamera } from './kamera-cek.js';
import { localiseState } from './layanan-form.js';

/** Staff pages of the cameras at `/wilayah/{kode}/kamera` (permission manage:kamera on that region). */
export function kameraRoutes(d: Deps) {
  const schema = kameraSchema(d.env.BALAI_IFRAME_HOSTS);
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function list(req: FastifyRequest, reply: FastifyReply, status = 200, state?: FormState) {
    const { region, kamera } = await listKameraAdmin(d.db, param(req, 'kode'));
    const ctx = pageCtx(req, reply, await installation());
    return sendPage(reply, status, h(KameraAdminPage, { ctx, region, kamera, ...(state ? { state } : {}) }));
  }

  async function edit(req: FastifyRequest, reply: FastifyReply, status = 200, state?: FormState) {
    const kode = param(req, 'kode');
    const kamera = await getKameraIn(d.db, kode, intParam(req, 'id'));
    const ctx = pageCtx(req, reply, await installation());
    return sendPage(reply, status, h(KameraEditPage, { ctx, kode, kamera, ...(state ? { state } : {}) }));
  }

  return {
    list: (req: FastifyRequest, reply: FastifyReply) => list(req, reply),
    show: (req: FastifyRequest, reply: FastifyReply) => edit(req, reply),

    async create(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(schema, req.body, req.m);
      if (!parsed.ok) return list(req, reply, 400, localiseState(parsed.state, req.m));
      await createKamera(d.db, actorOf(req), kode, parsed.data);
      setFlash(reply, req.m.layanan.kamera.disimpan);
      return redirect(reply, `/wilayah/${kode}/kamera`);
    },

    /** One form per action, told apart by `intent`: simpan, hapus, cek. */
    async act(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const id = intParam(req, 'id');
      const intent = (req.body as { intent?: unknown } | undefined)?.intent;
      const t = req.m.layanan.kamera;
      if (intent === 'simpan') {
        const parsed = parseForm(schema, req.body, req.m);
        if (!parsed.ok) return edit(req, reply, 400, localiseState(parsed.state, req.m));
        await updateKameraIn(d.db, actorOf(req), kode, id, parsed.data);
        setFlash(reply, t.disimpan);
        return redirect(reply, `/wilayah/${kode}/kamera/${id}`);
      }
      if (intent === 'hapus') {
        await deleteKameraIn(d.db, actorOf(req), kode, id);
        setFlash(reply, t.dihapus);
        return redirect(reply, `/wilayah/${kode}/kamera`);
      }
      if (intent === 'cek') {
        const k = await getKameraIn(d.db, kode, id);
        const hasil = await cekKamera(k, { timeoutMs: 5_000, izinkanPrivat: d.env.BALAI_KAMERA_ALAMAT_PRIVAT });
        const now = nowIso();
        const status = hasil.live ? 'live' : 'offline';
        await saveKameraStatus(d.db, id, {
          status,
          diperiksa_pada: now,
          galat: hasil.galat,
          ...(hasil.live ? { terakhir_terlihat: now } : {}),
        });
        setFlash(reply, dicekText(t, status));
        return redirect(reply, `/wilayah/${kode}/kamera/${id}`);
      }
      throw badRequest('invalid');
    },
  };
}
