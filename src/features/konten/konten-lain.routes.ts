import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { notFound } from '#src/lib/errors.js';
import { emptyForm, type FormState, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { AlbumSchema, KategoriSchema } from './konten.schema.js';
import { kontenFormError } from './konten-form-state.js';
import * as galeri from './konten-galeri.service.js';
import { AlbumAdminPage, GaleriAdminPage } from './konten-galeri.views.js';
import { buatKategori, daftarKategori, hapusKategori } from './konten-kategori.service.js';
import { daftarRevisi, lihatRevisi, pulihkanRevisi } from './konten-revisi.service.js';
import { KategoriPage, RevisiDaftarPage, RevisiPage } from './konten-revisi.views.js';

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** Revision history, categories and the gallery of a desa site (office side). */
export function kontenLainRoutes(d: Deps) {
  const media = { db: d.db, files: d.files, batasByte: d.env.BALAI_UPLOAD_LIMIT };
  const ctxOf = async (req: FastifyRequest, reply: FastifyReply) =>
    pageCtx(req, reply, (await getInstallationKabupaten(d.db))?.nama ?? null);

  async function kategoriPage(req: FastifyRequest, reply: FastifyReply, status: number, state = emptyForm()) {
    const kode = param(req, 'kode');
    const kategori = await daftarKategori(d.db, kode);
    return sendPage(reply, status, h(KategoriPage, { ctx: await ctxOf(req, reply), kode, kategori, state }));
  }

  async function galeriPage(req: FastifyRequest, reply: FastifyReply, status: number, state = emptyForm()) {
    const kode = param(req, 'kode');
    const album = await galeri.daftarAlbum(d.db, kode, false);
    return sendPage(reply, status, h(GaleriAdminPage, { ctx: await ctxOf(req, reply), kode, album, state }));
  }

  async function albumPage(req: FastifyRequest, reply: FastifyReply, status: number, state: FormState = emptyForm()) {
    const kode = param(req, 'kode');
    const { album, foto } = await galeri.bukaAlbum(d.db, kode, intParam(req, 'id'), false);
    return sendPage(reply, status, h(AlbumAdminPage, { ctx: await ctxOf(req, reply), kode, album, foto, state }));
  }

  return {
    async revisiDaftar(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const { artikel, revisi } = await daftarRevisi(d.db, kode, intParam(req, 'id'));
      return sendPage(reply, 200, h(RevisiDaftarPage, { ctx: await ctxOf(req, reply), kode, artikel, revisi }));
    },
    async revisi(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const { artikel, revisi } = await lihatRevisi(d.db, kode, intParam(req, 'id'), intParam(req, 'rev'));
      const ctx = await ctxOf(req, reply);
      return sendPage(reply, 200, h(RevisiPage, { ctx, kode, artikel, revisi, bolehUbah: true }));
    },
    async pulihkan(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const id = intParam(req, 'id');
      const rev = intParam(req, 'rev');
      // the button names its intent: a bare POST changes nothing
      if (bodyOf(req).intent !== 'pulihkan') {
        const { artikel, revisi } = await lihatRevisi(d.db, kode, id, rev);
        const ctx = await ctxOf(req, reply);
        return sendPage(reply, 400, h(RevisiPage, { ctx, kode, artikel, revisi, bolehUbah: true }));
      }
      await pulihkanRevisi(d.db, actorOf(req), kode, id, rev);
      setFlash(reply, req.m.konten.flash.dipulihkan);
      return redirect(reply, `/desa/${kode}/web/artikel/${id}`);
    },

    kategori: (req: FastifyRequest, reply: FastifyReply) => kategoriPage(req, reply, 200),
    async buatKategori(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(KategoriSchema, req.body, req.m);
      if (!parsed.ok) return kategoriPage(req, reply, 400, parsed.state);
      try {
        await buatKategori(d.db, actorOf(req), kode, parsed.data.nama);
      } catch (error) {
        const failed = kontenFormError(error, req.body, req.m);
        if (!failed) throw error;
        return kategoriPage(req, reply, failed.status, failed.state);
      }
      setFlash(reply, req.m.konten.flash.kategori);
      return redirect(reply, `/desa/${kode}/web/kategori`);
    },
    async kategoriAksi(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      if (bodyOf(req).intent !== 'hapus') return kategoriPage(req, reply, 400);
      await hapusKategori(d.db, actorOf(req), kode, intParam(req, 'id'));
      setFlash(reply, req.m.konten.flash.dihapus);
      return redirect(reply, `/desa/${kode}/web/kategori`);
    },

    galeri: (req: FastifyRequest, reply: FastifyReply) => galeriPage(req, reply, 200),
    async buatAlbum(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = parseForm(AlbumSchema, req.body, req.m);
      if (!parsed.ok) return galeriPage(req, reply, 400, parsed.state);
      const id = await galeri.buatAlbum(d.db, actorOf(req), kode, parsed.data);
      setFlash(reply, req.m.konten.flash.album);
      return redirect(reply, `/desa/${kode}/web/galeri/${id}`);
    },
    album: (req: FastifyRequest, reply: FastifyReply) => albumPage(req, reply, 200),
    async albumAksi(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const id = intParam(req, 'id');
      const body = bodyOf(req);
      const actor = actorOf(req);
      if (body.intent === 'terbitkan' || body.intent === 'tarik')
        await galeri.terbitkanAlbum(d.db, actor, kode, id, body.intent === 'terbitkan');
      else if (body.intent === 'hapus-foto') {
        const foto = Number(body.foto);
        if (!Number.isSafeInteger(foto) || foto <= 0) throw notFound();
        await galeri.hapusFoto(d.db, actor, kode, id, foto);
      } else return albumPage(req, reply, 400);
      setFlash(reply, req.m.konten.flash.album);
      return redirect(reply, `/desa/${kode}/web/galeri/${id}`);
    },
    async foto(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const id = intParam(req, 'id');
      const body = bodyOf(req);
      const file = body.foto;
      const ket = typeof body.keterangan === 'string' ? body.keterangan.trim().slice(0, 300) || null : null;
      if (!Buffer.isBuffer(file) || file.length === 0)
        return albumPage(req, reply, 400, { values: {}, errors: { foto: req.m.konten.err.berkasWajib } });
      try {
        await galeri.tambahFoto(media, actorOf(req), kode, id, file, ket);
      } catch (error) {
        const failed = kontenFormError(error, {}, req.m);
        if (!failed) throw error;
        return albumPage(req, reply, failed.status, failed.state);
      }
      setFlash(reply, req.m.konten.flash.foto);
      return redirect(reply, `/desa/${kode}/web/galeri/${id}`);
    },
  };
}
