import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Deps } from '#src/deps.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { emptyForm, type FormState, formStateFromError } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, redirect } from '#src/lib/http/request.js';
import { suratSetelanEn } from '#src/lib/i18n/surat-setelan.en.js';
import { suratSetelanId } from '#src/lib/i18n/surat-setelan.id.js';
import type { Pratinjau } from './surat-templat-pratinjau.service.js';
import {
  aturNonaktif,
  bukaTemplat,
  daftarTemplatDesa,
  kembalikanTemplat,
  pratinjauTemplatDesa,
  simpanTemplatDesa,
} from './surat-template.service.js';
import { TemplatEditPage, TemplatListPage } from './surat-template.views.js';

const teks = (req: FastifyRequest) => (req.lang === 'en' ? suratSetelanEn : suratSetelanId);
const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const teksBody = (req: FastifyRequest, k: string) => {
  const v = bodyOf(req)[k];
  return typeof v === 'string' ? v : '';
};

/** The preview PDF, shown inline (in the editor's frame, or a tab); never cached. */
export function kirimPratinjau(reply: FastifyReply, p: Pratinjau, nama: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="pratinjau-${nama}.pdf"`)
    .header('cache-control', 'no-store')
    .header('x-halaman', String(p.halaman))
    .header('x-frame-options', 'SAMEORIGIN')
    .header('content-security-policy', "frame-ancestors 'self'")
    .send(Buffer.from(p.pdf));
}

/** Why a preview cannot be made, as a small page that fits the preview frame. */
export function kirimGalatPratinjau(req: FastifyRequest, reply: FastifyReply, masalah: string[]) {
  const html = renderToString(
    h('html', { lang: req.lang }, [
      h('head', null, [h('meta', { charset: 'utf-8' }), h('link', { rel: 'stylesheet', href: '/aset/app.css' })]),
      h('body', null, [
        h('p', { role: 'alert' }, teks(req).templat.pratinjauGagal),
        h(
          'ul',
          null,
          masalah.map((m) => h('li', null, m)),
        ),
      ]),
    ]),
  );
  return reply
    .code(400)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'SAMEORIGIN')
    .header('content-security-policy', "default-src 'none'; style-src 'self'; frame-ancestors 'self'")
    .send(`<!doctype html>${html}`);
}

/** A desa's letter body texts: list, editor with live preview, back to built-in, switch a type off. */
export function suratTemplateRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function editor(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const kode = param(req, 'kode');
    const templat = await bukaTemplat(d.db, kode, param(req, 'slug'));
    return sendPage(
      reply,
      status,
      h(TemplatEditPage, {
        ctx: pageCtx(req, reply, await installation()),
        kode,
        templat,
        state: state ?? emptyForm(),
      }),
    );
  }

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      const daftar = await daftarTemplatDesa(d.db, kode);
      return sendPage(reply, 200, h(TemplatListPage, { ctx: pageCtx(req, reply, await installation()), kode, daftar }));
    },

    async edit(req: FastifyRequest, reply: FastifyReply) {
      await getDesaProfile(d.db, param(req, 'kode'));
      return editor(req, reply, 200);
    },

    async save(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const slug = param(req, 'slug');
      await getDesaProfile(d.db, kode);
      const t = teks(req).templat;
      const actor = actorOf(req);
      const intent = teksBody(req, 'intent');
      try {
        if (intent === 'simpan') await simpanTemplatDesa(d.db, actor, kode, slug, teksBody(req, 'template'));
        else if (intent === 'bawaan') await kembalikanTemplat(d.db, actor, kode, slug);
        else if (intent === 'nonaktif' || intent === 'aktifkan')
          await aturNonaktif(d.db, actor, kode, slug, intent === 'nonaktif');
        else return editor(req, reply, 400, { values: {}, errors: {}, message: req.m.err.invalid });
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return editor(req, reply, failed.status, failed.state);
      }
      const pesan = { simpan: t.tersimpan, bawaan: t.dikembalikan, nonaktif: t.dinonaktifkan, aktifkan: t.diaktifkan };
      setFlash(reply, pesan[intent]);
      return redirect(reply, `/desa/${kode}/surat/template/${slug}`);
    },

    async preview(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const slug = param(req, 'slug');
      const p = await pratinjauTemplatDesa(d.db, d.files, kode, slug, teksBody(req, 'template'));
      return kirimPratinjau(reply, p, slug);
    },
  };
}
