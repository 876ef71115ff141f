import type { ComponentChildren } from 'preact';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';

/**
 * What a resident page's context carries when it is opened at a kiosk (the resident's session was opened at
 * the kiosk whose browser asks): WargaLayout then renders its kiosk variant. See `kioskCtx`.
 */
export interface KioskCtx {
  anjungan?: { idleDetik: number };
}

/** The kiosk part of a resident page's context: set only for a session opened at this very kiosk. */
export function kioskCtx(
  req: { warga: { anjunganId: number | null } | null; anjungan: { id: number } | null },
  idleDetik: number,
): KioskCtx {
  const diSini = req.warga?.anjunganId != null && req.warga.anjunganId === req.anjungan?.id;
  return diSini ? { anjungan: { idleDetik } } : {};
}

/**
 * What turns a page into a kiosk page: the kiosk stylesheet and its small script (idle timer, keeping the
 * card field focused, the PIN pad, printing). Without JavaScript, a refresh after the same idle time goes to
 * `pulang` instead (inside <noscript>, so it never fires when the script runs the timer).
 */
export function KioskHead(p: { idleDetik: number; pulang: string }) {
  return (
    <>
      <link rel="stylesheet" href="/aset/anjungan.css" />
      <script src="/aset/anjungan.js" defer />
      <noscript>
        <meta http-equiv="refresh" content={`${p.idleDetik};url=${p.pulang}`} />
      </noscript>
    </>
  );
}

/** Attributes of <body> the script reads: after `idle` seconds without a touch it goes to `pulang`. */
export const kioskBody = (p: { idleDetik: number; pulang: string }) => ({
  class: 'anjungan',
  'data-idle': String(p.idleDetik),
  'data-pulang': p.pulang,
});

/** The shell of every kiosk page: full screen, big type, one big "back to start" button, no small links. */
export function AnjunganLayout(props: {
  ctx: PageCtx;
  title: string;
  idleDetik: number;
  /** where the kiosk goes when nobody touches it: home, ending a resident's session on the way */
  pulang?: string;
  /** the desa's name, in the top bar */
  desa?: string;
  /** a ticket page: no top bar in print */
  kelas?: string;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const { m } = ctx;
  const idle = { idleDetik: props.idleDetik, pulang: props.pulang ?? '/anjungan/selesai' };
  const body = kioskBody(idle);
  return (
    <PageContext.Provider value={ctx}>
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · ${m.anjungan.judul}`}</title>
          <link rel="icon" href="/aset/favicon.svg" type="image/svg+xml" />
          <KioskHead {...idle} />
        </head>
        <body {...body} class={props.kelas ? `${body.class} ${props.kelas}` : body.class}>
          <header class="anj-top">
            <span class="anj-nama">{props.desa ?? m.anjungan.judul}</span>
            <a class="anj-tombol anj-pulang" href="/anjungan/selesai">
              {m.anjungan.idle}
            </a>
          </header>
          <main id="isi" tabIndex={-1}>
            {ctx.flash && (
              <p class="anj-flash" role="status">
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
