import type { ItemKonten } from '#src/features/konten/konten.public.js';
import { SEMUA_KATEGORI } from '#src/features/statistik/statistik.service.js';
import type { Situs } from './situs-context.js';

/** The machine-readable files of a site: RSS of its news, its sitemap, robots.txt. */

export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

const rfc822 = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toUTCString();
};

/** RSS 2.0 of the newest news: `link` gives each item's absolute URL, `home` and `self` the site's and the feed's. */
export function rssBerita(
  situs: Pick<Situs, 'nama'>,
  items: readonly ItemKonten[],
  o: { link: (item: ItemKonten) => string; home: string; self: string; deskripsi: string },
) {
  const entries = items.map((it) => {
    const link = escapeXml(o.link(it));
    return [
      '<item>',
      `<title>${escapeXml(it.judul)}</title>`,
      `<link>${link}</link>`,
      `<guid isPermaLink="true">${link}</guid>`,
      it.tanggal ? `<pubDate>${rfc822(it.tanggal)}</pubDate>` : '',
      it.ringkasan ? `<description>${escapeXml(it.ringkasan)}</description>` : '',
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    `<title>${escapeXml(situs.nama)}</title>`,
    `<link>${escapeXml(o.home)}</link>`,
    `<description>${escapeXml(o.deskripsi)}</description>`,
    '<language>id</language>',
    `<atom:link href="${escapeXml(o.self)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    '</channel></rss>',
  ].join('\n');
}

/** The site-relative paths of the pages this module serves for a site (other features add theirs). */
export function halamanInti(situs: Pick<Situs, 'level'>): string[] {
  const statistik = ['/statistik', ...SEMUA_KATEGORI.map((k) => `/statistik/${k.slug}`)];
  if (situs.level === 'desa') return ['/', '/profil', '/kontak', ...statistik];
  return ['/', ...statistik];
}

export function sitemap(paths: readonly { path: string; lastmod?: string | null }[], abs: (path: string) => string) {
  const urls = paths.map(
    (p) =>
      `<url><loc>${escapeXml(abs(p.path))}</loc>${p.lastmod ? `<lastmod>${p.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
  ].join('\n');
}

/** robots.txt of a desa's own host: everything may be crawled; the sitemap is named. */
export function robotsDesa(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\nSitemap: ${sitemapUrl}\n`;
}

/** robots.txt of the installation's own host: the public sites may be crawled, the office may not. */
export function robotsUtama(): string {
  return 'User-agent: *\nAllow: /situs/\nAllow: /aset/\nDisallow: /\n';
}
