import type { ComponentChildren } from 'preact';
import type { Messages } from '#src/lib/i18n/messages.js';
import { type Situs, situsHref } from './situs-context.js';

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
  children: ComponentChildren;
}

/**
 * The shell of every public page: tiny, no JavaScript needed, one small stylesheet (/aset/situs.css), the site's
 * menu and footer. Pages of features that are not part of the site core (cameras, complaints, letter requests)
 * use it too, so a visitor never leaves the desa's site.
 */
export function SitusLayout(p: SitusLayoutProps) {
  const { situs, m } = p;
  const href = (path: string) => situsHref(situs, path);
  const menu: { path: string; label: string }[] =
    situs.level === 'desa'
      ? [
          { path: '/', label: m.situs.nav },
          { path: '/artikel', label: 'Berita' },
          { path: '/statistik', label: 'Statistik' },
          { path: '/pengaduan', label: 'Pengaduan' },
          { path: '/kamera', label: 'CCTV' },
        ]
      : [
          { path: '/', label: m.situs.nav },
          { path: '/statistik', label: 'Statistik' },
          { path: '/kamera', label: 'CCTV' },
        ];
  return (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · ${situs.nama}`}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        {p.canonical ? <link rel="canonical" href={p.canonical} /> : null}
        <meta property="og:title" content={p.title} />
        <meta property="og:site_name" content={situs.nama} />
        <meta property="og:type" content={p.ogType ?? 'website'} />
        {p.description ? <meta property="og:description" content={p.description} /> : null}
        {p.canonical ? <meta property="og:url" content={p.canonical} /> : null}
        {p.image ? <meta property="og:image" content={p.image} /> : null}
        <link rel="stylesheet" href="/aset/situs.css" />
        <link rel="icon" href="/aset/favicon.svg" type="image/svg+xml" />
        {p.head}
      </head>
      <body>
        <a class="skip" href="#isi">
          {m.nav.skip}
        </a>
        <header class="situs-top">
          <a class="situs-nama" href={href('/')}>
            {situs.nama}
          </a>
          <nav aria-label={m.nav.label}>
            <ul>
              {menu.map((item) => (
                <li key={item.path}>
                  <a href={href(item.path)}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="isi" tabIndex={-1}>
          {p.children}
        </main>
        <footer class="situs-kaki">
          <p>
            {situs.nama}
            {situs.induk ? ` · ${situs.induk.nama}` : ''}
          </p>
        </footer>
      </body>
    </html>
  );
}
