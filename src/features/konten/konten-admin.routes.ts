import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { notFound } from '#src/lib/errors.js';
import { emptyForm, type FormState, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, query, redirect } from '#src/lib/http/request.js';
import * as repo from './konten.repository.js';
import { artikelSchema, DaftarFilterSchema } from './konten.schema.js';
import { simpanArtikel, terbitkanJatuhTempo, ubahStatusArtikel } from './konten.service.js';
import { KontenDaftarPage } from './konten-admin.views.js';
import { type ArtikelDiForm, KontenFormPage } from './konten-form.views.js';
import { bolehTerbit, kontenFormError, nilaiForm } from './konten-form-state.js';
import { findMedia } from './konten-media.service.js';
import { kontenUnggahRoutes } from './konten-unggah.routes.js';

/** The office side of the site's articles: list, editor (new and existing), archive. Target: the desa in the URL. */
export function kontenAdminRoutes(d: Deps) {
  const deps = { db: d.db, env: d.env };

  async function ctxOf(req: FastifyRequest, reply: FastifyReply) {
    return pageCtx(req, reply, (await getInstallationKabupaten(d.db))?.nama ?? null);
  }

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    id: number | null,
    state?: FormState,
  ) {
    const kode = param(req, 'kode');
    let artikel: ArtikelDiForm | null = null;
    let values: Record<string, string> = { jenis: 'berita' };
    if (id !== null) {
      const a = await repo.findArtikel(d.db, kode, id);
      if (!a) throw notFound();
      const g = a.gambar_id ? await findMedia(d.db, kode, a.gambar_id) : undefined;
      const l = a.lampiran_id ? await findMedia(d.db, kode, a.lampiran_id) : undefined;
      artikel = {
        id: a.id,
        slug: a.slug,
        status: a.status,
        terbit_pada: a.terbit_pada,
        gambar: g ? { berkas: g.berkas, varian: g.varian } : null,
        lampiran: l ? { berkas: l.berkas, nama_asli: l.nama_asli } : null,
      };
      values = nilaiForm(a);
    }
    const kategori = await repo.listKategori(d.db, kode);
    return sendPage(
      reply,
      status,
      h(KontenFormPage, {
        ctx: await ctxOf(req, reply),
        kode,
        artikel,
        state: state
          ? { ...state, values: Object.keys(state.values).length > 0 ? state.values : values }
          : emptyForm(values),
        kategori,
        bolehTerbit: bolehTerbit(req),
      }),
    );
  }

  async function save(req: FastifyRequest, reply: FastifyReply, id: number | null) {
    const kode = param(req, 'kode');
    const parsed = parseForm(artikelSchema(req.m), req.body, req.m);
    if (!parsed.ok) return renderForm(req, reply, 400, id, parsed.state);
    let saved: Awaited<ReturnType<typeof simpanArtikel>>;
    try {
      saved = await simpanArtikel(deps, actorOf(req), kode, id, parsed.data, bolehTerbit(req));
    } catch (error) {
      const failed = kontenFormError(error, req.body, req.m);
      if (!failed) throw error;
      return renderForm(req, reply, failed.status, id, failed.state);
    }
    const f = req.m.konten.flash;
    const flash = { draf: f.disimpan, terbit: f.terbit, terjadwal: f.terjadwal, ditahan: f.ditahan, arsip: f.arsip };
    setFlash(reply, flash[saved.status]);
    return redirect(reply, `/desa/${kode}/web/artikel/${saved.id}`);
  }

  const unggah = kontenUnggahRoutes(d, renderForm);

  return {
    gambar: unggah.gambar,
    lampiran: unggah.lampiran,

    async daftar(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await terbitkanJatuhTempo(deps);
      const filter = DaftarFilterSchema.parse(query(req));
      const { rows, total } = await repo.listArtikel(d.db, kode, filter);
      return sendPage(
        reply,
        200,
        h(KontenDaftarPage, { ctx: await ctxOf(req, reply), kode, filter, rows, total, per: repo.PER_HALAMAN }),
      );
    },
    baru: (req: FastifyRequest, reply: FastifyReply) => renderForm(req, reply, 200, null),
    buat: (req: FastifyRequest, reply: FastifyReply) => save(req, reply, null),
    ubah: (req: FastifyRequest, reply: FastifyReply) => renderForm(req, reply, 200, intParam(req, 'id')),
    simpan: (req: FastifyRequest, reply: FastifyReply) => save(req, reply, intParam(req, 'id')),

    /** Archive or back to draft (publish:web). */
    async status(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const id = intParam(req, 'id');
      const status = (req.body as { status?: unknown } | undefined)?.status;
      if (status !== 'arsip' && status !== 'draf') return renderForm(req, reply, 400, id);
      await ubahStatusArtikel(d.db, actorOf(req), kode, id, status);
      setFlash(reply, status === 'arsip' ? req.m.konten.flash.arsip : req.m.konten.flash.draf);
      return redirect(reply, `/desa/${kode}/web/artikel/${id}`);
    },
  };
}
