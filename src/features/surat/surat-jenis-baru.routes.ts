import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { levelOf } from '#src/domain/region-code.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { forbidden, isHttpError } from '#src/lib/errors.js';
import { emptyForm, type FormState, formStateFromError, keepValues } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, redirect } from '#src/lib/http/request.js';
import { suratSetelanEn } from '#src/lib/i18n/surat-setelan.en.js';
import { suratSetelanId } from '#src/lib/i18n/surat-setelan.id.js';
import { NILAI_BARU, nilaiForm, parseJenisForm } from './surat-jenis-baru.schema.js';
import {
  buatJenis,
  bukaJenisKabupaten,
  daftarJenisKabupaten,
  pratinjauJenis,
  ubahJenis,
} from './surat-jenis-baru.service.js';
import { JenisFormPage, JenisLihatPage, JenisListPage } from './surat-jenis-baru.views.js';
import { kirimGalatPratinjau, kirimPratinjau } from './surat-template.routes.js';

const teks = (req: FastifyRequest) => (req.lang === 'en' ? suratSetelanEn : suratSetelanId).jenis;

/** The kabupaten the admin acts for: the scope of the role that allowed the route. */
export function kabupatenOf(req: FastifyRequest): string {
  const kode = req.grant?.lingkupKode;
  if (!kode || levelOf(kode) !== 1) throw forbidden();
  return kode;
}

/** The kabupaten admin's letter types: list, new type, edit (own types) or read (built-in), preview. */
export function suratJenisBaruRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function form(req: FastifyRequest, reply: FastifyReply, status: number, slug: string | null, state: FormState) {
    const nama = slug ? (await bukaJenisKabupaten(d.db, kabupatenOf(req), slug)).def.nama : undefined;
    const ctx = pageCtx(req, reply, await installation());
    return sendPage(reply, status, h(JenisFormPage, { ctx, slug, ...(nama ? { nama } : {}), state }));
  }

  /** A failed save: the form again with the messages (400/409), or the error as it is. */
  function gagal(req: FastifyRequest, reply: FastifyReply, slug: string | null, error: unknown) {
    const failed = formStateFromError(error, req.body, req.m);
    if (!failed || failed.status === 404 || (isHttpError(error) && error.status === 403)) throw error;
    return form(req, reply, failed.status, slug, failed.state);
  }

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const daftar = await daftarJenisKabupaten(d.db, kabupatenOf(req));
      return sendPage(reply, 200, h(JenisListPage, { ctx: pageCtx(req, reply, await installation()), daftar }));
    },

    showNew: (req: FastifyRequest, reply: FastifyReply) => form(req, reply, 200, null, emptyForm({ ...NILAI_BARU })),

    async create(req: FastifyRequest, reply: FastifyReply) {
      const kab = kabupatenOf(req);
      const parsed = parseJenisForm(req.body);
      if (!parsed.ok) return form(req, reply, 400, null, { values: keepValues(req.body), errors: parsed.errors });
      try {
        await buatJenis(d.db, actorOf(req), kab, parsed.data);
      } catch (error) {
        return gagal(req, reply, null, error);
      }
      setFlash(reply, teks(req).dibuat);
      return redirect(reply, `/kabupaten/surat/jenis/${parsed.data.slug}`);
    },

    async show(req: FastifyRequest, reply: FastifyReply) {
      const jenis = await bukaJenisKabupaten(d.db, kabupatenOf(req), param(req, 'slug'));
      const ctx = pageCtx(req, reply, await installation());
      if (!jenis.buatanKabupaten) return sendPage(reply, 200, h(JenisLihatPage, { ctx, def: jenis.def }));
      const values = { ...nilaiForm(jenis.def), aktif: jenis.aktif ? '1' : '' };
      return sendPage(
        reply,
        200,
        h(JenisFormPage, { ctx, slug: jenis.def.slug, nama: jenis.def.nama, state: emptyForm(values) }),
      );
    },

    async update(req: FastifyRequest, reply: FastifyReply) {
      const kab = kabupatenOf(req);
      const slug = param(req, 'slug');
      const lama = await bukaJenisKabupaten(d.db, kab, slug);
      const parsed = parseJenisForm(req.body, lama.def);
      if (!parsed.ok) return form(req, reply, 400, slug, { values: keepValues(req.body), errors: parsed.errors });
      const aktif = (req.body as Record<string, unknown>).aktif === '1';
      try {
        await ubahJenis(d.db, actorOf(req), kab, slug, parsed.data, aktif);
      } catch (error) {
        return gagal(req, reply, slug, error);
      }
      setFlash(reply, teks(req).diubah);
      return redirect(reply, `/kabupaten/surat/jenis/${slug}`);
    },

    /** The form as it stands, as a letter; an unfinished form gets its problems listed instead. */
    async preview(req: FastifyRequest, reply: FastifyReply) {
      const kab = kabupatenOf(req);
      const asal = (req.body as Record<string, unknown> | undefined)?.asal;
      const lama = typeof asal === 'string' && asal ? (await bukaJenisKabupaten(d.db, kab, asal)).def : null;
      const parsed = parseJenisForm(req.body, lama);
      if (!parsed.ok) return kirimGalatPratinjau(req, reply, [...new Set(Object.values(parsed.errors))]);
      return kirimPratinjau(reply, await pratinjauJenis(d.db, kab, parsed.data), parsed.data.slug);
    },
  };
}
