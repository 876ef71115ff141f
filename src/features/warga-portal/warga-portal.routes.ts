import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { Deps } from '#src/deps.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { wargaCtx } from '#src/features/mandiri/warga.routes.js';
import { wargaActor } from '#src/features/mandiri/warga-akun.service.js';
import type { WargaState } from '#src/features/mandiri/warga-sesi.service.js';
import { PesanSchema } from '#src/features/permohonan/permohonan.schema.js';
import { isHttpError } from '#src/lib/errors.js';
import { type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { intParam, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { aksesData } from './akses.service.js';
import { biodataWarga } from './biodata.service.js';
import {
  bacaBerkas,
  daftarDokumen,
  dokumenWarga,
  hapusDokumen,
  JENIS_DOKUMEN,
  simpanDokumen,
} from './dokumen.service.js';
import { DokumenPage } from './dokumen.views.js';
import { kirimPesan, percakapan, tandaiDibaca } from './pesan.service.js';
import { AksesPage, BantuanPage, BiodataPage, PesanPage } from './warga-portal.views.js';

const DokumenSchema = z.object({
  jenis: z.coerce
    .number({ error: 'dokumenJenisWajib' })
    .int()
    .refine((n) => JENIS_DOKUMEN().some((j) => j.code === n), { error: 'dokumenJenisWajib' }),
  nama: z.string().trim().max(100).optional().default(''),
});

export function wargaOf(req: FastifyRequest): WargaState {
  if (!req.warga) throw new Error('resident page without a resident');
  return req.warga;
}

/** A stored file of the resident's own, sent so that the browser never runs or sniffs it. */
export function sendBerkas(reply: FastifyReply, data: Buffer, mime: string, nama: string) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `inline; filename="${nama.replace(/[^A-Za-z0-9._-]+/g, '-')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(data);
}

/** The resident's own pages besides letters: data, documents, messages, who read their data, aid. */
export function wargaPortalRouteDefs(d: Deps): RouteDef[] {
  const desaOf = (w: WargaState) => namaDesa(d.db, w.desaKode);

  const dokumenPage = async (req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) => {
    const w = wargaOf(req);
    const dokumen = await daftarDokumen(d.db, w.pendudukId);
    const props = { ctx: wargaCtx(req, reply), desa: await desaOf(w), dokumen, batasByte: d.env.BALAI_UPLOAD_LIMIT };
    return sendPage(reply, status, h(DokumenPage, state ? { ...props, state } : props));
  };

  const pesanPage = async (req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) => {
    const w = wargaOf(req);
    const pesan = await percakapan(d.db, w.desaKode, w.pendudukId);
    if (status === 200) await tandaiDibaca(d.db, w.desaKode, w.pendudukId, 'desa');
    const props = { ctx: wargaCtx(req, reply), desa: await desaOf(w), pesan };
    return sendPage(reply, status, h(PesanPage, state ? { ...props, state } : props));
  };

  return [
    {
      method: 'GET',
      url: '/layanan-mandiri/biodata',
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const b = await biodataWarga(d.db, w.pendudukId, w.desaKode);
        return sendPage(reply, 200, h(BiodataPage, { ctx: wargaCtx(req, reply), desa: await desaOf(w), b }));
      },
    },
    {
      method: 'GET',
      url: '/layanan-mandiri/dokumen',
      access: 'warga',
      handler: (req, reply) => dokumenPage(req, reply, 200),
    },
    {
      method: 'POST',
      url: '/layanan-mandiri/dokumen',
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const parsed = parseForm(DokumenSchema, body, req.m);
        if (!parsed.ok) return dokumenPage(req, reply, 400, parsed.state);
        if (!Buffer.isBuffer(body.berkas))
          return dokumenPage(req, reply, 400, {
            values: keepValues(body),
            errors: { berkas: req.m.err.dokumenBukanBerkas },
          });
        try {
          await simpanDokumen(
            d.db,
            d.files,
            w,
            { jenis: parsed.data.jenis, nama: parsed.data.nama, berkas: body.berkas },
            d.env.BALAI_UPLOAD_LIMIT,
          );
        } catch (error) {
          const f = formStateFromError(error, body, req.m);
          if (!f) throw error;
          return dokumenPage(req, reply, f.status, f.state);
        }
        setFlash(reply, req.m.permohonan.dokumen.terunggah);
        return redirect(reply, '/layanan-mandiri/dokumen');
      },
    },
    {
      method: 'GET',
      url: '/layanan-mandiri/dokumen/:id',
      access: 'warga',
      handler: async (req, reply) => {
        const row = await dokumenWarga(d.db, wargaOf(req).pendudukId, intParam(req, 'id'));
        const ext = row.mime === 'application/pdf' ? 'pdf' : 'jpg';
        return sendBerkas(reply, await bacaBerkas(d.files, row), row.mime, `dokumen-${row.id}.${ext}`);
      },
    },
    {
      method: 'POST',
      url: '/layanan-mandiri/dokumen/:id/hapus',
      access: 'warga',
      handler: async (req, reply) => {
        try {
          await hapusDokumen(d.db, d.files, wargaOf(req), intParam(req, 'id'));
        } catch (error) {
          const f = formStateFromError(error, {}, req.m);
          if (!f || f.status === 404) throw error;
          return dokumenPage(req, reply, f.status, f.state);
        }
        setFlash(reply, req.m.permohonan.dokumen.terhapus);
        return redirect(reply, '/layanan-mandiri/dokumen');
      },
    },
    {
      method: 'GET',
      url: '/layanan-mandiri/pesan',
      access: 'warga',
      handler: (req, reply) => pesanPage(req, reply, 200),
    },
    {
      method: 'POST',
      url: '/layanan-mandiri/pesan',
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const parsed = parseForm(PesanSchema, req.body, req.m);
        if (!parsed.ok) return pesanPage(req, reply, 400, parsed.state);
        const permohonanId = Number((req.body as Record<string, unknown>).permohonan_id) || null;
        try {
          await kirimPesan(d.db, wargaActor(w.akunId, req), {
            desaKode: w.desaKode,
            pendudukId: w.pendudukId,
            arah: 'warga',
            isi: parsed.data.isi,
            permohonanId: permohonanId && (await milikWarga(d, w, permohonanId)) ? permohonanId : null,
          });
        } catch (error) {
          if (!isHttpError(error) || error.status !== 429) throw error;
          return pesanPage(req, reply, 429, {
            values: keepValues(req.body),
            errors: {},
            message: req.m.err.pesanTerlaluSering,
          });
        }
        setFlash(reply, req.m.permohonan.pesan.terkirim);
        return redirect(reply, '/layanan-mandiri/pesan');
      },
    },
    {
      method: 'GET',
      url: '/layanan-mandiri/akses',
      access: 'warga',
      handler: async (req, reply) => {
        const w = wargaOf(req);
        const p = await d.db
          .selectFrom('penduduk')
          .select('keluarga_id')
          .where('id', '=', w.pendudukId)
          .executeTakeFirst();
        const baris = await aksesData(d.db, w.pendudukId, p?.keluarga_id ?? null);
        return sendPage(reply, 200, h(AksesPage, { ctx: wargaCtx(req, reply), desa: await desaOf(w), baris }));
      },
    },
    {
      method: 'GET',
      url: '/layanan-mandiri/bantuan',
      access: 'warga',
      handler: async (req, reply) =>
        sendPage(reply, 200, h(BantuanPage, { ctx: wargaCtx(req, reply), desa: await desaOf(wargaOf(req)) })),
    },
  ];
}

async function milikWarga(d: Deps, w: WargaState, permohonanId: number) {
  const row = await d.db
    .selectFrom('permohonan_surat')
    .select('penduduk_id')
    .where('id', '=', permohonanId)
    .executeTakeFirst();
  return row?.penduduk_id === w.pendudukId;
}
