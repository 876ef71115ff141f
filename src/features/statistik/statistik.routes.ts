import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { levelOf, lineageOf } from '#src/domain/region-code.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { placeTarget } from '#src/features/lingkungan/lingkungan.service.js';
import { listScope } from '#src/features/penduduk/penduduk-scope.js';
import { findRegionsByCodes } from '#src/features/wilayah/wilayah.repository.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import { findGrant, type Target } from '#src/lib/auth/grants.js';
import { nowIso } from '#src/lib/db/time.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { grantsOf, param, query, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { localise } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import { periksaPer, StatistikQuerySchema } from './statistik.schema.js';
import { hariIni, type StatistikContext } from './statistik.service.js';
import { dashboardWilayah } from './statistik-dashboard.service.js';
import { DashboardPage } from './statistik-dashboard.views.js';
import { kategoriHalaman } from './statistik-kategori.service.js';
import { KategoriCetakPage, KategoriPage } from './statistik-kategori.views.js';
import { basisStatistik, teksStatistik } from './statistik-tampil.js';
import { kirimXlsx } from './statistik-xlsx.js';

/**
 * The statistics pages behind login (aggregates only, never persons): a region's dashboard and, per category,
 * the reference table with its chart, a workbook and a print version. A desa lives under /desa/<kode>/statistik
 * (its category pages may be limited to a dusun/RW/RT with ?lingkungan=), a kecamatan or kabupaten under
 * /statistik/<kode>. Everyone who reads dashboards sees them for their own region; figures of parts of a desa
 * (dusun rows, ?lingkungan=) need `read:lingkungan` there, so a web editor sees desa totals only.
 */
export function statistikPageRouteDefs(d: Deps): RouteDef[] {
  const ctx: StatistikContext = { db: d.db, dialect: d.dialect };
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;
  const bacaQuery = (req: FastifyRequest) => StatistikQuerySchema.parse(query(req));
  const cariQuery = (req: FastifyRequest) => {
    const i = req.url.indexOf('?');
    return i < 0 ? '' : req.url.slice(i);
  };

  /** A desa's category pages: the asked unit's (or the user's own unit's) place, else the desa. */
  async function unitTarget(req: FastifyRequest): Promise<Target> {
    const kode = param(req, 'kode');
    const unit = bacaQuery(req).lingkungan ?? listScope(grantsOf(req), 'read:dashboard', kode);
    return unit === null ? { kode } : placeTarget(d.db, kode, unit);
  }

  /** /desa/:kode/… takes desa codes only; /statistik/:kode/… sends a desa on to its own address. */
  function arah(req: FastifyRequest, reply: FastifyReply, desa: boolean, rest = ''): FastifyReply | null {
    const kode = param(req, 'kode');
    if (desa && levelOf(kode) !== 3) throw notFound();
    if (!desa && levelOf(kode) === 3) return redirect(reply, `${basisStatistik(kode)}${rest}${cariQuery(req)}`);
    return null;
  }

  /** Breadcrumbs: the enclosing regions whose statistics the user may read. */
  async function jejak(req: FastifyRequest, kode: string) {
    const grants = grantsOf(req);
    const atas = lineageOf(kode)
      .slice(1, -1)
      .filter((k) => findGrant(grants, 'read:dashboard', { kode: k }));
    const regions = await findRegionsByCodes(d.db, atas);
    const t = teksStatistik(req.lang);
    return regions
      .sort((a, b) => a.kode.length - b.kode.length)
      .map((r) => ({ href: basisStatistik(r.kode), label: t.judulDashboard(regionTitle(req.m, r.tingkat, r.nama)) }));
  }

  const dashboard = (desa: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const pindah = arah(req, reply, desa);
    if (pindah) return pindah;
    const kode = param(req, 'kode');
    const q = bacaQuery(req);
    const today = hariIni();
    const { tanggal, galat } = periksaPer(q.per, today);
    const dusun = desa && findGrant(grantsOf(req), 'read:lingkungan', { kode }) !== null;
    const data = await dashboardWilayah(ctx, kode, tanggal, { dusun });
    const props = {
      ctx: pageCtx(req, reply, await installation()),
      data,
      hariIni: today,
      perInput: q.per,
      galat: galat ? localise(galat, req.m) : null,
      jejak: await jejak(req, kode),
    };
    return sendPage(reply, galat ? 400 : 200, h(DashboardPage, props));
  };

  /** The category asked for, at the asked date (invalid date: today, with the reason). */
  async function muat(req: FastifyRequest) {
    const kode = param(req, 'kode');
    const q = bacaQuery(req);
    const today = hariIni();
    const { tanggal, galat } = periksaPer(q.per, today);
    const grants = grantsOf(req);
    const data = await kategoriHalaman(ctx, {
      kode,
      slug: param(req, 'kategori'),
      tanggal,
      lingkungan: q.lingkungan,
      unitSendiri: levelOf(kode) === 3 ? listScope(grants, 'read:dashboard', kode) : null,
      bolehBagian: (path) => findGrant(grants, 'read:lingkungan', { kode, lingkungan: path }) !== null,
    });
    return { data, q, today, galat };
  }

  const kategori = (desa: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const pindah = arah(req, reply, desa, `/${param(req, 'kategori')}`);
    if (pindah) return pindah;
    const { data, q, today, galat } = await muat(req);
    const ctxPage = pageCtx(req, reply, await installation());
    const props = { ctx: ctxPage, data, hariIni: today, perInput: q.per, galat: galat ? localise(galat, req.m) : null };
    return sendPage(reply, galat ? 400 : 200, h(KategoriPage, props));
  };

  const cetak = (desa: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const pindah = arah(req, reply, desa, `/${param(req, 'kategori')}/cetak`);
    if (pindah) return pindah;
    const { data, today, galat } = await muat(req);
    if (galat) throw badRequest(galat);
    const dicetak = formatDateTime(nowIso(), req.lang);
    return sendPage(reply, 200, h(KategoriCetakPage, { ctx: pageCtx(req, reply), data, hariIni: today, dicetak }));
  };

  const xlsx = (desa: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const pindah = arah(req, reply, desa, `/${param(req, 'kategori')}.xlsx`);
    if (pindah) return pindah;
    const { data, galat } = await muat(req);
    if (galat) throw badRequest(galat);
    return kirimXlsx(req, reply, data);
  };

  const read = { access: 'read:dashboard' as const };
  return [
    // a desa: dashboard (desa-wide), categories (the desa, or one of its dusun/RW/RT)
    { method: 'GET', url: '/desa/:kode/statistik', ...read, target: regionTarget, handler: dashboard(true) },
    { method: 'GET', url: '/desa/:kode/statistik/:kategori.xlsx', ...read, target: unitTarget, handler: xlsx(true) },
    { method: 'GET', url: '/desa/:kode/statistik/:kategori/cetak', ...read, target: unitTarget, handler: cetak(true) },
    { method: 'GET', url: '/desa/:kode/statistik/:kategori', ...read, target: unitTarget, handler: kategori(true) },
    // a kecamatan or kabupaten (a desa code is sent on to /desa/<kode>/statistik…)
    { method: 'GET', url: '/statistik/:kode', ...read, target: regionTarget, handler: dashboard(false) },
    { method: 'GET', url: '/statistik/:kode/:kategori.xlsx', ...read, target: regionTarget, handler: xlsx(false) },
    { method: 'GET', url: '/statistik/:kode/:kategori/cetak', ...read, target: regionTarget, handler: cetak(false) },
    { method: 'GET', url: '/statistik/:kode/:kategori', ...read, target: regionTarget, handler: kategori(false) },
  ];
}
