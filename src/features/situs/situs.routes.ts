import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Deps } from '#src/deps.js';
import { beritaTerbaru, type ItemKonten } from '#src/features/konten/konten.public.js';
import { kategoriDef, type StatistikContext, statistikWilayah } from '#src/features/statistik/statistik.service.js';
import { angkaPokok } from '#src/features/statistik/statistik-rincian.js';
import { notFound } from '#src/lib/errors.js';
import { param } from '#src/lib/http/request.js';
import * as repo from './situs.repository.js';
import { absolut, hostIni, resolveSitus } from './situs.service.js';
import { BerandaDesaPage, PortalPage } from './situs-beranda.views.js';
import type { Situs } from './situs-context.js';
import { halamanInti, robotsDesa, robotsUtama, rssBerita, sitemap } from './situs-feed.js';
import { berandaDesa, portalWilayah, profilDesa, tabelWilayah } from './situs-halaman.service.js';
import { KontakPage, ProfilPage } from './situs-profil.views.js';
import { createHalamanCache, type Jawaban } from './situs-simpan.js';
import { StatistikIndexPage, StatistikKategoriPage } from './situs-statistik.views.js';

/** Paths linked from every desa site's menu that other features serve (articles, complaints, cameras). */
const MENU_LAIN = ['/artikel', '/pengaduan', '/kamera'];

/**
 * The public sites' own pages: desa home, profile, contact, statistics, RSS, sitemap and robots.txt, and the
 * kecamatan/kabupaten portals. Everything here is public and the same for every visitor (cacheable, ETag).
 */
export function situsRoutes(d: Deps) {
  const ctx: StatistikContext = { db: d.db, dialect: d.dialect };
  const min = d.env.BALAI_STATISTIK_SEL_MIN;

  /** The site and the absolute-URL maker of this request (canonical links on the desa's own host when it has one). */
  async function situsOf(req: FastifyRequest) {
    const situs = await resolveSitus(d, req);
    const host =
      situs.level === 'desa' && situs.base !== '' ? ((await repo.listHosts(d.db, situs.kode))[0] ?? null) : null;
    const abs = (path: string) => absolut(req, situs, path, host);
    return { situs, abs };
  }

  const { sajikan } = createHalamanCache(d.env.BALAI_SITUS_CACHE_DETIK);
  // biome-ignore lint/suspicious/noExplicitAny: any page component's props
  const halaman = (page: VNode<any>): Jawaban => ({
    body: `<!doctype html>${renderToString(page)}`,
    type: 'text/html; charset=utf-8',
  });
  const teks = (body: string, type: string, maxAge: number): Jawaban => ({ body, type, opsi: { maxAge } });

  const hanyaDesa = (situs: Situs) => {
    if (situs.level !== 'desa') throw notFound();
  };

  return {
    beranda: sajikan(async (req) => {
      const { situs, abs } = await situsOf(req);
      const common = { situs, m: req.m, canonical: abs('/'), min };
      if (situs.level === 'desa') {
        const data = await berandaDesa(ctx, situs.kode);
        return halaman(h(BerandaDesaPage, { ...common, data }));
      }
      const data = await portalWilayah(ctx, situs, req.protocol);
      return halaman(h(PortalPage, { ...common, data }));
    }),

    profil: sajikan(async (req) => {
      const { situs, abs } = await situsOf(req);
      hanyaDesa(situs);
      const data = await profilDesa(d.db, situs.kode);
      return halaman(h(ProfilPage, { situs, m: req.m, canonical: abs('/profil'), data }));
    }),

    kontak: sajikan(async (req) => {
      const { situs, abs } = await situsOf(req);
      hanyaDesa(situs);
      const data = await profilDesa(d.db, situs.kode);
      return halaman(h(KontakPage, { situs, m: req.m, canonical: abs('/kontak'), data }));
    }),

    statistik: sajikan(async (req) => {
      const { situs, abs } = await situsOf(req);
      const s = await statistikWilayah(ctx, situs.kode);
      const page = h(StatistikIndexPage, {
        situs,
        m: req.m,
        canonical: abs('/statistik'),
        min,
        tanggal: s.tanggal,
        angka: angkaPokok(s.hitungan),
      });
      return halaman(page);
    }),

    kategori: sajikan(async (req) => {
      const def = kategoriDef(param(req, 'kategori'));
      const { situs, abs } = await situsOf(req);
      const tabel = await tabelWilayah(ctx, situs.kode, def.slug);
      const page = h(StatistikKategoriPage, {
        situs,
        m: req.m,
        canonical: abs(`/statistik/${def.slug}`),
        min,
        tanggal: tabel.tanggal,
        def,
        tabel,
      });
      return halaman(page);
    }),

    rss: sajikan(async (req) => {
      const { situs, abs } = await situsOf(req);
      // a portal's feed carries its desa's news, each linking to its own desa's site
      const desa = situs.level === 'desa' ? null : await repo.listDesaAktif(d.db, situs.kode);
      const items = await beritaTerbaru(d.db, desa ? desa.map((x) => x.kode) : [situs.kode], 20);
      const hosts = new Map((desa ?? []).map((x) => [x.kode, x.host]));
      const link = (it: ItemKonten) => {
        if (!desa) return abs(it.href);
        const host = hosts.get(it.desaKode);
        return host
          ? `${req.protocol}://${host}${it.href}`
          : `${req.protocol}://${hostIni(req)}/situs/${it.desaKode}${it.href}`;
      };
      const deskripsi = req.m.situs.beranda.deskripsi(situs.nama, situs.induk?.nama ?? '');
      const body = rssBerita(situs, items, { link, home: abs('/'), self: abs('/rss.xml'), deskripsi });
      return teks(body, 'application/rss+xml; charset=utf-8', 300);
    }),

    sitemap: sajikan(async (req) => {
      const { situs, abs } = await situsOf(req);
      const paths: { path: string; lastmod?: string | null }[] = halamanInti(situs).map((path) => ({ path }));
      if (situs.level === 'desa') {
        paths.push(...MENU_LAIN.map((path) => ({ path })));
        const berita = await beritaTerbaru(d.db, situs.kode, 500);
        paths.push(...berita.map((b) => ({ path: b.href, lastmod: b.tanggal })));
      } else {
        paths.push({ path: '/kamera' });
      }
      return teks(sitemap(paths, abs), 'application/xml; charset=utf-8', 300);
    }),

    /** robots.txt of a desa's own host (rewritten here) or of /situs/{kode} (harmless there). */
    robots: sajikan(async (req) => {
      const { abs } = await situsOf(req);
      return teks(robotsDesa(abs('/sitemap.xml')), 'text/plain; charset=utf-8', 3600);
    }),

    robotsUtama: sajikan(async () => teks(robotsUtama(), 'text/plain; charset=utf-8', 3600)),
  };
}
