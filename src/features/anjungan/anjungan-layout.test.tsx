import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { WargaLayout } from '#src/features/mandiri/warga-layout.js';
import { id } from '#src/lib/i18n/id.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { kioskCtx } from './anjungan-layout.js';

const ctx: PageCtx = { m: id, lang: 'id', user: null, csrf: 'x', flash: null, nav: [], path: '/', installation: null };
const page = (c: PageCtx) =>
  renderToString(h(WargaLayout, { ctx: c, title: 'Surat', signedIn: true, children: 'isi' }));

describe("the resident's pages at a kiosk", () => {
  it('get the kiosk look, the idle timer and its no-JavaScript refresh only for a session opened at this kiosk', () => {
    const diSini = kioskCtx({ warga: { anjunganId: 4 }, anjungan: { id: 4 } }, 45);
    expect(diSini).toEqual({ anjungan: { idleDetik: 45 } });
    const html = page({ ...ctx, ...diSini } as PageCtx);
    expect(html).toContain('/aset/anjungan.css');
    expect(html).toContain('data-idle="45"');
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="45;url=/anjungan/selesai"/></noscript>');

    for (const req of [
      { warga: { anjunganId: null }, anjungan: { id: 4 } },
      { warga: { anjunganId: 3 }, anjungan: { id: 4 } },
      { warga: { anjunganId: 4 }, anjungan: null },
      { warga: null, anjungan: { id: 4 } },
    ])
      expect(kioskCtx(req, 45)).toEqual({});
    const phone = page(ctx);
    expect(phone).not.toContain('anjungan');
    expect(phone).not.toContain('http-equiv');
  });
});
