import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { levelOf } from '#src/domain/region-code.js';
import { findGrant, grantsWith } from '#src/lib/auth/grants.js';
import type { NavItem, PageCtx } from '#src/lib/views/page-context.js';
import { takeFlash } from './flash.js';

/** Navigation for the signed-in user: only what their roles allow. */
export function navFor(req: FastifyRequest): NavItem[] {
  const auth = req.auth;
  if (!auth) return [];
  const { m } = req;
  const g = auth.grants;
  const items: NavItem[] = [{ href: '/', label: m.nav.dashboard }];
  if (findGrant(g, 'read:wilayah', null)) items.push({ href: '/wilayah', label: m.nav.wilayah });
  const desaGrant = grantsWith(g, 'read:desa').find((x) => levelOf(x.lingkupKode) === 3);
  if (desaGrant) items.push({ href: `/desa/${desaGrant.lingkupKode}`, label: m.nav.desa });
  const lingGrant = grantsWith(g, 'read:lingkungan').find(
    (x) => levelOf(x.lingkupKode) === 3 && x.lingkunganId === null,
  );
  if (lingGrant) items.push({ href: `/desa/${lingGrant.lingkupKode}/lingkungan`, label: m.nav.lingkungan });
  const pendudukGrant = grantsWith(g, 'read:penduduk').find((x) => levelOf(x.lingkupKode) === 3);
  if (pendudukGrant) items.push({ href: `/desa/${pendudukGrant.lingkupKode}/penduduk`, label: m.pendudukUi.nav });
  const suratGrant = grantsWith(g, 'read:surat').find((x) => levelOf(x.lingkupKode) === 3);
  if (suratGrant) items.push({ href: `/desa/${suratGrant.lingkupKode}/surat`, label: m.surat.nav });
  const permohonanGrant = grantsWith(g, 'process:permohonan').find((x) => levelOf(x.lingkupKode) === 3);
  if (permohonanGrant) items.push({ href: `/desa/${permohonanGrant.lingkupKode}/permohonan`, label: m.permohonan.nav });
  // the desa's services to residents and visitors: accounts, complaints, its website, cameras
  const desaOf = (p: Parameters<typeof grantsWith>[1]) =>
    grantsWith(g, p).find((x) => levelOf(x.lingkupKode) === 3 && x.lingkunganId === null)?.lingkupKode;
  const mandiriDesa = desaOf('manage:mandiri');
  if (mandiriDesa) items.push({ href: `/desa/${mandiriDesa}/mandiri`, label: m.mandiri.nav });
  const anjunganDesa = desaOf('manage:anjungan');
  if (anjunganDesa) items.push({ href: `/desa/${anjunganDesa}/anjungan`, label: m.anjungan.nav });
  const pengaduanDesa = desaOf('manage:pengaduan');
  if (pengaduanDesa) items.push({ href: `/desa/${pengaduanDesa}/pengaduan`, label: m.layanan.pengaduan.judul });
  const webDesa = desaOf('write:web');
  if (webDesa) items.push({ href: `/desa/${webDesa}/web/artikel`, label: m.konten.nav });
  const temuan = grantsWith(g, 'review:konten').find((x) => x.lingkunganId === null);
  if (temuan) {
    const kode = temuan.lingkupKode;
    items.push({ href: levelOf(kode) === 3 ? `/desa/${kode}/web/temuan` : '/kabupaten/web/temuan', label: m.jaga.nav });
  }
  const kamera = grantsWith(g, 'manage:kamera').find((x) => x.lingkunganId === null);
  if (kamera) items.push({ href: `/wilayah/${kamera.lingkupKode}/kamera`, label: m.layanan.kamera.judul });
  // statistics of the user's own region: a desa's, else the kecamatan's or kabupaten's (dusun/RW/RT roles: none)
  const statGrant = grantsWith(g, 'read:dashboard').find((x) => x.lingkunganId === null);
  if (statGrant) {
    const kode = statGrant.lingkupKode;
    const href = levelOf(kode) === 3 ? `/desa/${kode}/statistik` : `/statistik/${kode}`;
    items.push({ href, label: m.statistik.nav });
  }
  // population reports (monthly report, recap book, vulnerable groups, voter list) of the user's desa
  if (pendudukGrant && pendudukGrant.lingkunganId === null)
    items.push({ href: `/desa/${pendudukGrant.lingkupKode}/laporan`, label: m.laporan.nav });
  if (grantsWith(g, 'manage:jenis-surat').some((x) => levelOf(x.lingkupKode) < 3))
    items.push({ href: '/kabupaten/surat/jenis', label: m.surat.navJenis });
  // kecamatan and kabupaten staff search residents across their desa, and the kabupaten reviews duplicates across desa
  if (grantsWith(g, 'read:penduduk').some((x) => levelOf(x.lingkupKode) < 3))
    items.push({ href: '/penduduk', label: m.pendudukUi.cari.title });
  if (grantsWith(g, 'review:duplikat').some((x) => levelOf(x.lingkupKode) < 3))
    items.push({ href: '/duplikat', label: m.registry.antrian.duplikatJudul });
  if (findGrant(g, 'read:pengguna', null)) items.push({ href: '/pengguna', label: m.nav.pengguna });
  if (findGrant(g, 'read:audit', null)) items.push({ href: '/audit', label: m.nav.audit });
  items.push({ href: '/akun/sandi', label: m.nav.akun });
  return items;
}

export function pageCtx(req: FastifyRequest, reply: FastifyReply, installation: string | null = null): PageCtx {
  return {
    m: req.m,
    lang: req.lang,
    user: req.auth?.user ?? null,
    csrf: req.auth?.session?.csrf ?? null,
    flash: takeFlash(req, reply),
    nav: navFor(req),
    path: req.url.split('?')[0] ?? '/',
    installation,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any page component's props
export function sendPage(reply: FastifyReply, status: number, page: VNode<any>) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${renderToString(page)}`);
}
