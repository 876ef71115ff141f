import type { ComponentChildren } from 'preact';
import { asetUrl } from '#src/features/assets/assets.routes.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';
import { bahasa, type Situs, situsHref } from './situs-context.js';

export interface SitusLayoutProps {
  situs: Situs;
  m: Messages;
  /** the page's own title (the site name is appended) */
  title: string;
  /** meta description and Open Graph description */
  description?: string;
  /** absolute URL of this page (canonical link, og:url), when known */
  canonical?: string;
  /** absolute URL of a picture for og:image */
  image?: string;
  /** og:type; 'article' on articles */
  ogType?: 'website' | 'article';
  /** extra elements for <head> (RSS link, a page's own stylesheet) */
  head?: ComponentChildren;
  /** the menu entry of this page ('/', '/statistik', …), marked as current */
  aktif?: string;
  children: ComponentChildren;
}

function menuOf(situs: Situs, m: Messages): { path: string; label: string }[] {
  const t = m.situs.menu;
  if (situs.level === 'desa') {
    return [
      { path: '/', label: t.beranda },
      { path: '/profil', label: t.profil },
      { path: '/artikel', label: t.berita },
      { path: '/statistik', label: t.statistik },
      { path: '/pengaduan', label: t.pengaduan },
      { path: '/kamera', label: t.kamera },
      { path: '/kontak', label: t.kontak },
    ];
  }
  return [
    { path: '/', label: t.beranda },
    { path: '/statistik', label: t.statistik },
    { path: '/kamera', label: t.kamera },
  ];
}

/**
 * The shell of every public page: tiny, no JavaScript needed, one small stylesheet (situs.css under a hashed,
 * forever-cached URL), the site's menu and footer. Pages of features that are not part of the site core
 * (articles, cameras, complaints, letter requests) use it too, so a visitor never leaves the desa's site.
 * Charts inside read the page's language from the PageContext this layout provides.
 */
export function SitusLayout(p: SitusLayoutProps) {
  const { situs, m } = p;
  const href = (path: string) => situsHref(situs, path);
  const ctx: PageCtx = {
    m,
    lang: bahasa(m),
    user: null,
    csrf: null,
    flash: null,
    nav: [],
    path: '/',
    installation: null,
  };
  return (
    <html lang={bahasa(m)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · ${situs.nama}`}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        {p.canonical ? <link rel="canonical" href={p.canonical} /> : null}
        <meta property="og:title" content={p.title} />
        <meta property="og:site_name" content={situs.nama} />
        <meta property="og:type" content={p.ogType ?? 'website'} />
        <meta property="og:locale" content={bahasa(m) === 'en' ? 'en_US' : 'id_ID'} />
        {p.description ? <meta property="og:description" content={p.description} /> : null}
        {p.canonical ? <meta property="og:url" content={p.canonical} /> : null}
        {p.image ? <meta property="og:image" content={p.image} /> : null}
        <link rel="stylesheet" href={asetUrl('situs.css')} />
        <link rel="stylesheet" href={asetUrl('grafik.css')} />
        <link rel="icon" href={asetUrl('favicon.svg')} type="image/svg+xml" />
        {situs.level === 'desa' ? (
          <link rel="alternate" type="application/rss+xml" title={m.situs.kaki.rss} href={href('/rss.xml')} />
        ) : null}
        {p.head}
      </head>
      <body>
        <a class="skip" href="#isi">
          {m.nav.skip}
        </a>
        <header class="situs-top">
          <div class="situs-lebar">
            <a class="situs-nama" href={href('/')}>
              {situs.nama}
            </a>
            {situs.induk ? <span class="situs-induk">{situs.induk.nama}</span> : null}
            <nav aria-label={m.nav.label}>
              <ul>
                {menuOf(situs, m).map((item) => (
                  <li key={item.path}>
                    <a href={href(item.path)} aria-current={item.path === p.aktif ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="isi" tabIndex={-1}>
          <PageContext.Provider value={ctx}>{p.children}</PageContext.Provider>
        </main>
        <footer class="situs-kaki">
          <p>
            {situs.nama}
            {situs.induk ? ` · ${situs.induk.nama}` : ''}
          </p>
          <ul>
            {situs.level === 'desa' ? (
              <li>
                <a href={href('/rss.xml')}>{m.situs.kaki.rss}</a>
              </li>
            ) : null}
            <li>
              <a href={href('/sitemap.xml')}>{m.situs.kaki.peta}</a>
            </li>
            {situs.level === 'desa' ? (
              <li>
                <a href={href('/kontak#verifikasi')}>{m.situs.kaki.verifikasi}</a>
              </li>
            ) : null}
          </ul>
        </footer>
      </body>
    </html>
  );
}
