import type { ComponentChildren } from 'preact';
import { CsrfInput } from './components.js';
import { PageContext, type PageCtx } from './page-context.js';

interface LayoutProps {
  ctx: PageCtx;
  title: string;
  children: ComponentChildren;
  /** breadcrumb-like line above the title */
  above?: ComponentChildren;
  /** reload the page every N seconds (progress of background work, without JavaScript) */
  refreshSeconds?: number;
}

/** The page shell: works without JavaScript, mobile-first, one small stylesheet, no inline script or style. */
export function Layout({ ctx, title, children, above, refreshSeconds }: LayoutProps) {
  const { m, user, nav, path, lang } = ctx;
  return (
    <PageContext.Provider value={ctx}>
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
          <title>{`${title} · ${m.app.name}`}</title>
          <link rel="stylesheet" href="/aset/app.css" />
          <link rel="stylesheet" href="/aset/grafik.css" />
          <link rel="icon" href="/aset/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a class="skip" href="#isi">
            {m.nav.skip}
          </a>
          <header class="top">
            <a class="brand" href="/">
              {m.app.name}
              <span class="tagline">{ctx.installation ?? m.app.tagline}</span>
            </a>
            {user && nav.length > 0 && (
              <nav aria-label={m.nav.label}>
                <ul>
                  {nav.map((item) => (
                    <li key={item.href}>
                      <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </header>
          <main id="isi" tabIndex={-1}>
            {ctx.flash && (
              <p class="flash" role="status">
                {ctx.flash}
              </p>
            )}
            {above}
            <h1>{title}</h1>
            {children}
          </main>
          <footer class="bottom">
            {user && (
              <div class="who">
                <span>
                  {m.nav.masukSebagai} <strong>{user.username}</strong>
                </span>
                <form method="post" action="/keluar" class="inline">
                  <CsrfInput />
                  <button type="submit" class="link">
                    {m.nav.keluar}
                  </button>
                </form>
              </div>
            )}
            <form method="post" action="/bahasa" class="inline lang">
              <input type="hidden" name="kembali" value={path} />
              <label for="bahasa">{m.nav.bahasa}</label>{' '}
              <select id="bahasa" name="bahasa">
                <option value="id" selected={lang === 'id'}>
                  Bahasa Indonesia
                </option>
                <option value="en" selected={lang === 'en'}>
                  English
                </option>
              </select>{' '}
              <button type="submit" class="secondary">
                OK
              </button>
            </form>
          </footer>
        </body>
      </html>
    </PageContext.Provider>
  );
}
