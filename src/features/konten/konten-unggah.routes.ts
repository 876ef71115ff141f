import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { notFound } from '#src/lib/errors.js';
import type { FormState } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { actorOf, intParam, param, redirect } from '#src/lib/http/request.js';
import * as repo from './konten.repository.js';
import { pasangMedia } from './konten.service.js';
import { kontenFormError } from './konten-form-state.js';
import { simpanGambar, simpanPdf } from './konten-media.service.js';

/**
 * Uploads onto an article: its main picture (re-encoded) and its PDF attachment (checked by content). A bad file
 * → 400 with the reason next to the field; nothing is stored. `intent=hapus` clears it.
 */
export type RenderForm = (
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  id: number,
  state: FormState,
) => Promise<unknown>;

export function kontenUnggahRoutes(d: Deps, renderForm: RenderForm) {
  const media = { db: d.db, files: d.files, batasByte: d.env.BALAI_UPLOAD_LIMIT };

  function handler(kolom: 'gambar' | 'lampiran') {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const kode = param(req, 'kode');
      const id = intParam(req, 'id');
      const artikel = await repo.findArtikel(d.db, kode, id);
      if (!artikel) throw notFound();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const field = kolom === 'gambar' ? 'gambar_id' : 'lampiran_id';
      const actor = actorOf(req);
      if (body.intent === 'hapus') {
        await pasangMedia(d.db, actor, kode, id, field, null);
        setFlash(reply, req.m.konten.flash.dihapus);
        return redirect(reply, `/desa/${kode}/web/artikel/${id}`);
      }
      const file = body[kolom];
      if (!Buffer.isBuffer(file) || file.length === 0)
        return renderForm(req, reply, 400, id, { values: {}, errors: { [kolom]: req.m.konten.err.berkasWajib } });
      try {
        const opsi = { kolom, nama: kolom === 'gambar' ? artikel.slug : `${artikel.slug}.pdf` };
        const mediaId =
          kolom === 'gambar'
            ? await simpanGambar(media, actor, kode, file, opsi)
            : await simpanPdf(media, actor, kode, file, opsi);
        await pasangMedia(d.db, actor, kode, id, field, mediaId);
      } catch (error) {
        const failed = kontenFormError(error, {}, req.m);
        if (!failed) throw error;
        return renderForm(req, reply, failed.status, id, failed.state);
      }
      setFlash(reply, kolom === 'gambar' ? req.m.konten.flash.gambar : req.m.konten.flash.lampiran);
      return redirect(reply, `/desa/${kode}/web/artikel/${id}`);
    };
  }

  return { gambar: handler('gambar'), lampiran: handler('lampiran') };
}
