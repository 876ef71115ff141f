import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { layananText, localiseState } from '#src/features/kamera/layanan-form.js';
import { resolveLayananSitus } from '#src/features/kamera/layanan-situs.js';
import type { Situs } from '#src/features/situs/situs-context.js';
import { situsHref } from '#src/features/situs/situs-context.js';
import { kirimHalaman } from '#src/features/situs/situs-kirim.js';
import { isHttpError, notFound } from '#src/lib/errors.js';
import { type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash, takeFlash } from '#src/lib/http/flash.js';
import { pageCtx } from '#src/lib/http/page.js';
import { param, query, redirect } from '#src/lib/http/request.js';
import { NOMOR_PATTERN, PengaduanSchema } from './pengaduan.schema.js';
import {
  ajukanPengaduan,
  buatTokenIsian,
  lacakPengaduan,
  listPengaduanPublik,
  periksaTokenIsian,
  readFoto,
} from './pengaduan.service.js';
import { PengaduanLacakPage, PengaduanPage } from './pengaduan-publik.views.js';

/** Public complaint pages of a desa site: the form and list, the tracking page, the re-encoded photo. */
export function pengaduanPublikRoutes(d: Deps) {
  async function desaSitus(req: FastifyRequest): Promise<Situs> {
    const situs = await resolveLayananSitus(d.db, req);
    if (situs.level !== 'desa') throw notFound();
    return situs;
  }

  async function page(req: FastifyRequest, reply: FastifyReply, situs: Situs, status: number, state?: FormState) {
    const ctx = { ...pageCtx(req, reply), csrf: null };
    const token = await buatTokenIsian(d.db);
    const daftar = await listPengaduanPublik(d.db, situs.kode);
    // a fresh form token on every showing: never cached
    const node = h(PengaduanPage, { situs, ctx, token, daftar, ...(state ? { state } : {}) });
    return kirimHalaman(req, reply, node, { status, pribadi: true });
  }

  return {
    async page(req: FastifyRequest, reply: FastifyReply) {
      const situs = await desaSitus(req);
      const nomor = query(req).nomor?.trim().toUpperCase();
      if (nomor !== undefined && nomor !== '') {
        if (NOMOR_PATTERN.test(nomor)) return redirect(reply, situsHref(situs, `/pengaduan/${nomor}`));
        return page(req, reply, situs, 404);
      }
      return page(req, reply, situs, 200);
    },

    async file(req: FastifyRequest, reply: FastifyReply) {
      const situs = await desaSitus(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const fail = (status: number, state: FormState) => page(req, reply, situs, status, localiseState(state, req.m));
      const values = keepValues(body);
      if (typeof body.situs_web === 'string' && body.situs_web !== '')
        return fail(400, { values, errors: {}, message: 'spam' });
      if (!(await periksaTokenIsian(d.db, body.token)))
        return fail(400, { values, errors: {}, message: 'terlaluCepat' });
      const parsed = parseForm(PengaduanSchema, body, req.m);
      if (!parsed.ok) return fail(400, parsed.state);
      const foto = Buffer.isBuffer(body.foto) ? body.foto : null;
      let nomor: string;
      try {
        nomor = await ajukanPengaduan(d.db, d.files, { desaKode: situs.kode, input: parsed.data, foto, ip: req.ip });
      } catch (error) {
        if (isHttpError(error) && error.status === 429) {
          const message = layananText('terlaluSering', req.m, error.params);
          reply.header('retry-after', error.headers['retry-after'] ?? '3600');
          return fail(429, { values, errors: {}, message });
        }
        const failed = formStateFromError(error, body, req.m);
        if (!failed) throw error;
        return fail(failed.status, failed.state);
      }
      setFlash(reply, req.m.layanan.pengaduan.terkirim);
      return redirect(reply, situsHref(situs, `/pengaduan/${nomor}`));
    },

    async track(req: FastifyRequest, reply: FastifyReply) {
      const situs = await desaSitus(req);
      const data = await lacakPengaduan(d.db, situs.kode, param(req, 'nomor'));
      const flash = takeFlash(req, reply);
      const node = h(PengaduanLacakPage, { situs, m: req.m, lang: req.lang, data, flash });
      return kirimHalaman(req, reply, node, { pribadi: flash !== null });
    },

    async foto(req: FastifyRequest, reply: FastifyReply) {
      const situs = await desaSitus(req);
      const { pengaduan } = await lacakPengaduan(d.db, situs.kode, param(req, 'nomor'));
      const jpeg = await readFoto(d.db, d.files, situs.kode, pengaduan.id, true);
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=300').send(jpeg);
    },
  };
}
