import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { wargaCtx } from '#src/features/mandiri/warga.routes.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import { findSurat } from '#src/features/surat/surat.repository.js';
import { sendPdf } from '#src/features/surat/surat-halaman.js';
import { findJenis } from '#src/features/surat/surat-jenis.repository.js';
import { fromRow } from '#src/features/surat/surat-jenis.service.js';
import { daftarDokumen } from '#src/features/warga-portal/dokumen.service.js';
import { wargaOf } from '#src/features/warga-portal/warga-portal.routes.js';
import { notFound } from '#src/lib/errors.js';
import { type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { intParam, param, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { fill } from '#src/lib/i18n/messages.js';
import { findPenilaian } from './permohonan.repository.js';
import { isianDariForm, PenilaianSchema, PermohonanFormSchema } from './permohonan.schema.js';
import {
  ajukanPermohonan,
  batalkanPermohonan,
  daftarPermohonanWarga,
  isianOf,
  jenisMandiri,
  jenisPermohonan,
  nilaiPermohonan,
  permohonanWarga,
  siap,
} from './permohonan.service.js';
import { DaftarSuratWargaPage, FormPermohonanPage, PilihJenisPage } from './warga-surat.views.js';
import { DetailSuratWargaPage } from './warga-surat-detail.views.js';

const BASE = '/layanan-mandiri/surat';

/** Form values for re-display: the chosen documents (several checkboxes) joined by commas. */
function nilaiForm(body: unknown): Record<string, string> {
  const values = keepValues(body);
  const dok = (body as Record<string, unknown> | undefined)?.dokumen;
  if (Array.isArray(dok)) values.dokumen = dok.join(',');
  return values;
}

/** The resident's letter requests: list, new request, its page (status, cancel, PDF, rating). */
export function wargaSuratRouteDefs(d: Deps): RouteDef[] {
  async function formPage(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const w = wargaOf(req);
    const jenis = await jenisPermohonan(d.db, w.desaKode, param(req, 'slug'));
    const props = {
      ctx: wargaCtx(req, reply),
      desa: await namaDesa(d.db, w.desaKode),
      nama: w.nama,
      jenis: jenis.def,
      dokumen: await daftarDokumen(d.db, w.pendudukId),
    };
    return sendPage(reply, status, h(FormPermohonanPage, state ? { ...props, state } : props));
  }

  async function detailPage(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const w = wargaOf(req);
    const row = await permohonanWarga(d.db, w, intParam(req, 'id'));
    const jenis = await findJenis(d.db, row.jenis_id);
    const penilaian = (await findPenilaian(d.db, row.id)) ?? null;
    const props = {
      ctx: wargaCtx(req, reply),
      desa: await namaDesa(d.db, w.desaKode),
      row,
      fields: jenis ? fromRow(jenis).isian : [],
      isian: isianOf(row),
      penilaian,
    };
    return sendPage(reply, status, h(DetailSuratWargaPage, state ? { ...props, state } : props));
  }

  return [
    {
      method: 'GET',
      url: BASE,
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const rows = await daftarPermohonanWarga(d.db, w);
        const desa = await namaDesa(d.db, w.desaKode);
        return sendPage(reply, 200, h(DaftarSuratWargaPage, { ctx: wargaCtx(req, reply), desa, rows }));
      },
    },
    {
      method: 'GET',
      url: `${BASE}/baru`,
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const jenis = await jenisMandiri(d.db, w.desaKode);
        const desa = await namaDesa(d.db, w.desaKode);
        return sendPage(reply, 200, h(PilihJenisPage, { ctx: wargaCtx(req, reply), desa, jenis }));
      },
    },
    { method: 'GET', url: `${BASE}/baru/:slug`, access: 'warga', handler: (req, reply) => formPage(req, reply, 200) },
    {
      method: 'POST',
      url: `${BASE}/baru/:slug`,
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const parsed = parseForm(PermohonanFormSchema, req.body, req.m);
        if (!parsed.ok) return formPage(req, reply, 400, { ...parsed.state, values: nilaiForm(req.body) });
        let id: number;
        try {
          id = await ajukanPermohonan(
            d.db,
            w,
            { slug: param(req, 'slug'), isian: isianDariForm(req.body), ...parsed.data },
            req,
          );
        } catch (error) {
          const f = formStateFromError(error, req.body, req.m);
          if (!f || f.status === 404) throw error;
          return formPage(req, reply, f.status, { ...f.state, values: nilaiForm(req.body) });
        }
        const row = await permohonanWarga(d.db, w, id);
        setFlash(reply, fill(req.m.permohonan.warga.terkirim, { nomor: row.nomor_antrian }));
        return redirect(reply, `${BASE}/${id}`);
      },
    },
    { method: 'GET', url: `${BASE}/:id`, access: 'warga', handler: (req, reply) => detailPage(req, reply, 200) },
    {
      method: 'POST',
      url: `${BASE}/:id/batal`,
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const row = await permohonanWarga(d.db, w, intParam(req, 'id'));
        try {
          await batalkanPermohonan(d.db, wargaActor(w.akunId, req), row, req.m.permohonan.warga.alasanWarga);
        } catch (error) {
          const f = formStateFromError(error, {}, req.m);
          if (!f) throw error;
          return detailPage(req, reply, f.status, f.state);
        }
        setFlash(reply, req.m.permohonan.warga.dibatalkan);
        return redirect(reply, `${BASE}/${row.id}`);
      },
    },
    {
      method: 'GET',
      url: `${BASE}/:id/pdf`,
      access: 'warga',
      handler: async (req, reply) => {
        const row = await permohonanWarga(d.db, wargaOf(req), intParam(req, 'id'));
        if (!siap(row.status) || row.surat_id === null) throw notFound();
        const surat = await findSurat(d.db, row.surat_id);
        if (!surat?.pdf_berkas || surat.status !== 'selesai' || surat.penduduk_id !== row.penduduk_id)
          throw notFound('suratPdfTidakAda');
        const pdf = await d.files.read(surat.pdf_berkas);
        if (!pdf) throw notFound('suratPdfTidakAda');
        return sendPdf(reply, pdf, `${surat.nomor ?? `surat-${surat.id}`}.pdf`);
      },
    },
    {
      method: 'POST',
      url: `${BASE}/:id/nilai`,
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const id = intParam(req, 'id');
        await permohonanWarga(d.db, w, id);
        const parsed = parseForm(PenilaianSchema, req.body, req.m);
        if (!parsed.ok) return detailPage(req, reply, 400, parsed.state);
        try {
          await nilaiPermohonan(d.db, w, id, parsed.data);
        } catch (error) {
          const f = formStateFromError(error, req.body, req.m);
          if (!f) throw error;
          return detailPage(req, reply, f.status, f.state);
        }
        setFlash(reply, req.m.permohonan.warga.dinilai);
        return redirect(reply, `${BASE}/${id}`);
      },
    },
  ];
}
