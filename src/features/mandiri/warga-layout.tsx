import type { ComponentChildren } from 'preact';
import { type KioskCtx, KioskHead, kioskBody } from '#src/features/anjungan/anjungan-layout.js';
import { PostForm } from '#src/lib/views/components.js';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';

/** The resident's menu (layanan mandiri); each page marks itself current by its path. */
export const WARGA_MENU = [
  { path: '/layanan-mandiri', key: 'beranda' },
  { path: '/layanan-mandiri/surat', key: 'surat' },
  { path: '/layanan-mandiri/biodata', key: 'biodata' },
  { path: '/layanan-mandiri/dokumen', key: 'dokumen' },
  { path: '/layanan-mandiri/pesan', key: 'pesan' },
  { path: '/layanan-mandiri/bantuan', key: 'bantuan' },
  { path: '/layanan-mandiri/akses', key: 'akses' },
  { path: '/layanan-mandiri/akun', key: 'akun' },
] as const;

export type WargaMenuKey = (typeof WARGA_MENU)[number]['key'];

export const WARGA_LABEL: Record<WargaMenuKey, string> = {
  beranda: 'Beranda',
  surat: 'Surat',
  biodata: 'Data saya',
  dokumen: 'Dokumen',
  pesan: 'Pesan',
  bantuan: 'Bantuan',
  akses: 'Siapa membuka data saya',
  akun: 'Akun & PIN',
};

/**
 * The shell of the resident's pages: the public sites' small stylesheet, no script, a menu of plain links and
 * a sign-out form. `signedIn` false: the login page (no menu).
 */
export function WargaLayout(props: {
  ctx: PageCtx;
  title: string;
  signedIn: boolean;
  /** the resident's desa, shown under the title */
  desa?: string;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const { m } = ctx;
  // opened at a kiosk (ctx.anjungan, see KioskCtx): touch styles, the idle timer back to the kiosk's home
  const kiosk = (ctx as PageCtx & KioskCtx).anjungan;
  const idle = kiosk ? { idleDetik: kiosk.idleDetik, pulang: '/anjungan/selesai' } : null;
  return (
    <PageContext.Provider value={ctx}>
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · ${m.mandiri.judul}`}</title>
          <link rel="stylesheet" href="/aset/situs.css" />
          <link rel="icon" href="/aset/favicon.svg" type="image/svg+xml" />
          <link rel="manifest" href="/aset/manifest.webmanifest" />
          <script src="/aset/pwa.js" defer />
          {idle && <KioskHead {...idle} />}
        </head>
        <body {...(idle ? kioskBody(idle) : {})}>
          <a class="skip" href="#isi">
            {m.nav.skip}
          </a>
          <header class="situs-top">
            <a class="situs-nama" href="/layanan-mandiri">
              {m.mandiri.judul}
            </a>
            {props.desa ? <span class="situs-sub"> · {props.desa}</span> : null}
            {props.signedIn && (
              <nav aria-label={m.nav.label}>
                <ul>
                  {WARGA_MENU.map((item) => (
                    <li key={item.path}>
                      <a href={item.path} aria-current={ctx.path === item.path ? 'page' : undefined}>
                        {WARGA_LABEL[item.key]}
                      </a>
                    </li>
                  ))}
                  <li>
                    <PostForm action="/layanan-mandiri/keluar" class="inline">
                      <button type="submit" class="link">
                        {m.mandiri.keluar}
                      </button>
                    </PostForm>
                  </li>
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
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    </PageContext.Provider>
  );
}
