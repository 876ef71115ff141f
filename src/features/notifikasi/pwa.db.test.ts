import { describe, expect, it } from 'vitest';
import { get, useTestApp } from '../../../tests/support/app.js';

/** The installable app: manifest, icons, the service worker at /sw.js, the offline page. */
describe('PWA: manifest, service worker and offline page', () => {
  const t = useTestApp();

  it('serves the manifest with start_url /layanan-mandiri, standalone, and icons that exist', async () => {
    const res = await get(t.app, '/aset/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const m = JSON.parse(res.body) as {
      start_url: string;
      scope: string;
      display: string;
      name: string;
      icons: { src: string; sizes: string }[];
    };
    expect(m).toMatchObject({ start_url: '/layanan-mandiri', scope: '/layanan-mandiri', display: 'standalone' });
    expect(m.name).toBeTruthy();
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of m.icons) {
      const png = await get(t.app, icon.src);
      expect(png.statusCode, icon.src).toBe(200);
      expect(png.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('serves the service worker at /sw.js, never cached by the browser, and its registration script', async () => {
    const sw = await get(t.app, '/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/^text\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body).toContain("addEventListener('fetch'");
    const reg = await get(t.app, '/aset/pwa.js');
    expect(reg.statusCode).toBe(200);
    expect(reg.body).toContain("register('/sw.js', { scope: '/layanan-mandiri' })");
  });

  it('serves an offline page without any personal data or session token', async () => {
    const res = await get(t.app, '/layanan-mandiri/luring');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tidak ada sambungan');
    expect(res.body).not.toContain('_csrf');
    expect(res.body).not.toContain('/layanan-mandiri/keluar');
  });

  it('links the manifest and the registration script (external: the CSP allows no inline script) on resident pages', async () => {
    const res = await get(t.app, '/layanan-mandiri/masuk');
    expect(res.body).toContain('<link rel="manifest" href="/aset/manifest.webmanifest"/>');
    expect(res.body).toMatch(/<script src="\/aset\/pwa\.js" defer(="")?><\/script>/);
    expect(res.body).not.toMatch(/<script>/);
  });
});
