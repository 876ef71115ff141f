import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { todayIn } from '#src/domain/age.js';
import { getDesaProfile } from '#src/features/desa/desa.service.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import { emptyForm, type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { suratSetelanEn } from '#src/lib/i18n/surat-setelan.en.js';
import { suratSetelanId } from '#src/lib/i18n/surat-setelan.id.js';
import { cadangkanNomor, daftarCadangan, jenisUntukCadangan } from './surat-cadangan.service.js';
import { CadanganPage } from './surat-cadangan.views.js';
import { kabupatenOf, suratJenisBaruRoutes } from './surat-jenis-baru.routes.js';
import { CadanganFormSchema, SETELAN_INTENT, SetelanFormSchema } from './surat-setelan.schema.js';
import {
  contohNomor,
  type KunciSetelan,
  readSetelanSurat,
  resetSetelan,
  saveSetelanSurat,
} from './surat-setelan.service.js';
import { nilaiSetelan, SetelanPage } from './surat-setelan.views.js';
import { suratTemplateRoutes } from './surat-template.routes.js';

const teks = (req: FastifyRequest) => (req.lang === 'en' ? suratSetelanEn : suratSetelanId);

/** Letter settings (desa and kabupaten) and reserved numbers. */
export function suratSetelanRoutes(d: Deps) {
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function halaman(req: FastifyRequest, reply: FastifyReply, lingkup: string, status: number, state?: FormState) {
    const tingkat = lingkup.length > 5 ? 'desa' : 'kabupaten';
    const setelan = await readSetelanSurat(d.db, lingkup);
    const st = state ?? emptyForm(nilaiSetelan(setelan));
    const penomoran =
      st.values.penomoran === 'tunggal' || st.values.penomoran === 'per_jenis'
        ? st.values.penomoran
        : setelan.penomoran.nilai;
    const contoh = contohNomor(st.values.format_nomor ?? setelan.format_nomor.nilai, penomoran, lingkup);
    const t = teks(req).setelan;
    const tautan =
      tingkat === 'desa'
        ? [
            { href: `/desa/${lingkup}/surat/nomor-cadangan`, label: t.tautanCadangan },
            { href: `/desa/${lingkup}/surat/template`, label: t.tautanTemplat },
          ]
        : [{ href: '/kabupaten/surat/jenis', label: t.tautanJenis }];
    const action = tingkat === 'desa' ? `/desa/${lingkup}/surat/setelan` : '/kabupaten/surat/setelan';
    const ctx = pageCtx(req, reply, await installation());
    return sendPage(reply, status, h(SetelanPage, { ctx, tingkat, action, setelan, state: st, contoh, tautan }));
  }

  async function simpan(req: FastifyRequest, reply: FastifyReply, lingkup: string, back: string) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const intent = SETELAN_INTENT.find((i) => i === body.intent);
    const t = teks(req).setelan;
    try {
      if (intent?.startsWith('bawaan_')) {
        await resetSetelan(d.db, actorOf(req), lingkup, intent.slice('bawaan_'.length) as KunciSetelan);
        setFlash(reply, t.dikembalikan);
        return redirect(reply, back);
      }
      const parsed = parseForm(SetelanFormSchema, body, req.m);
      if (!parsed.ok) return halaman(req, reply, lingkup, 400, parsed.state);
      if (parsed.data.intent === 'contoh') return halaman(req, reply, lingkup, 200, emptyForm(keepValues(body)));
      await saveSetelanSurat(d.db, actorOf(req), lingkup, parsed.data);
    } catch (error) {
      const failed = formStateFromError(error, body, req.m);
      if (!failed || failed.status === 404) throw error;
      const state = intent?.startsWith('bawaan_')
        ? { ...failed.state, values: nilaiSetelan(await readSetelanSurat(d.db, lingkup)) }
        : failed.state;
      return halaman(req, reply, lingkup, failed.status, state);
    }
    setFlash(reply, t.tersimpan);
    return redirect(reply, back);
  }

  const tahunDari = (req: FastifyRequest) => {
    const n = Number(query(req).tahun);
    return Number.isInteger(n) && n >= 2000 && n <= 9999 ? n : Number(todayIn().slice(0, 4));
  };

  async function cadangan(req: FastifyRequest, reply: FastifyReply, status: number, state: FormState, tahun: number) {
    const kode = param(req, 'kode');
    const [jenis, daftar] = await Promise.all([jenisUntukCadangan(d.db, kode), daftarCadangan(d.db, kode, tahun)]);
    const ctx = pageCtx(req, reply, await installation());
    return sendPage(reply, status, h(CadanganPage, { ctx, kode, tahun, jenis, ...daftar, state }));
  }

  return {
    async showDesa(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      return halaman(req, reply, kode, 200);
    },
    async saveDesa(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      return simpan(req, reply, kode, `/desa/${kode}/surat/setelan`);
    },
    showKabupaten: (req: FastifyRequest, reply: FastifyReply) => halaman(req, reply, kabupatenOf(req), 200),
    saveKabupaten: (req: FastifyRequest, reply: FastifyReply) =>
      simpan(req, reply, kabupatenOf(req), '/kabupaten/surat/setelan'),

    async showCadangan(req: FastifyRequest, reply: FastifyReply) {
      await getDesaProfile(d.db, param(req, 'kode'));
      return cadangan(req, reply, 200, emptyForm({ jumlah: '1', tanggal: todayIn() }), tahunDari(req));
    },
    async reserve(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      await getDesaProfile(d.db, kode);
      const tahun = Number(todayIn().slice(0, 4));
      const parsed = parseForm(CadanganFormSchema, req.body, req.m);
      if (!parsed.ok) return cadangan(req, reply, 400, parsed.state, tahun);
      try {
        const rows = await cadangkanNomor(d.db, actorOf(req), kode, parsed.data);
        setFlash(reply, teks(req).cadangan.dicadangkan(rows.map((r) => r.nomor)));
      } catch (error) {
        const failed = formStateFromError(error, req.body, req.m);
        if (!failed || failed.status === 404) throw error;
        return cadangan(req, reply, failed.status, failed.state, tahun);
      }
      return redirect(reply, `/desa/${kode}/surat/nomor-cadangan?tahun=${parsed.data.tanggal.slice(0, 4)}`);
    },
  };
}

/**
 * The settings side of letters: desa settings, reserved numbers and body texts ('setting:surat', the desa's
 * admin and kepala desa), kabupaten defaults and letter types ('manage:jenis-surat', the kabupaten admin).
 */
export function suratSetelanRouteDefs(d: Deps): RouteDef[] {
  const s = suratSetelanRoutes(d);
  const tp = suratTemplateRoutes(d);
  const j = suratJenisBaruRoutes(d);
  const desa = { access: 'setting:surat', target: regionTarget } as const;
  const kab = { access: 'manage:jenis-surat' } as const;
  return [
    { method: 'GET', url: '/desa/:kode/surat/setelan', ...desa, handler: s.showDesa },
    { method: 'POST', url: '/desa/:kode/surat/setelan', ...desa, handler: s.saveDesa },
    { method: 'GET', url: '/desa/:kode/surat/nomor-cadangan', ...desa, handler: s.showCadangan },
    { method: 'POST', url: '/desa/:kode/surat/nomor-cadangan', ...desa, handler: s.reserve },
    { method: 'GET', url: '/desa/:kode/surat/template', ...desa, handler: tp.list },
    { method: 'GET', url: '/desa/:kode/surat/template/:slug', ...desa, handler: tp.edit },
    { method: 'POST', url: '/desa/:kode/surat/template/:slug', ...desa, handler: tp.save },
    { method: 'POST', url: '/desa/:kode/surat/template/:slug/pratinjau', ...desa, handler: tp.preview },
    { method: 'GET', url: '/kabupaten/surat/setelan', ...kab, handler: s.showKabupaten },
    { method: 'POST', url: '/kabupaten/surat/setelan', ...kab, handler: s.saveKabupaten },
    { method: 'GET', url: '/kabupaten/surat/jenis', ...kab, handler: j.list },
    { method: 'GET', url: '/kabupaten/surat/jenis/baru', ...kab, handler: j.showNew },
    { method: 'POST', url: '/kabupaten/surat/jenis/baru', ...kab, handler: j.create },
    { method: 'POST', url: '/kabupaten/surat/jenis/pratinjau', ...kab, handler: j.preview },
    { method: 'GET', url: '/kabupaten/surat/jenis/:slug', ...kab, handler: j.show },
    { method: 'POST', url: '/kabupaten/surat/jenis/:slug', ...kab, handler: j.update },
  ];
}
