import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '#src/lib/paths.js';

type Keputusan = (url: string, mode: string, method: string, origin: string) => string;

/** Loads public/sw.js in a sandbox with a stand-in `self`, and returns its decision function and listeners. */
function loadSw() {
  const listeners: string[] = [];
  const self: Record<string, unknown> = { addEventListener: (type: string) => listeners.push(type) };
  runInNewContext(readFileSync(join(PUBLIC_DIR, 'sw.js'), 'utf8'), { self, URL });
  return { keputusan: self.balaiKeputusan as Keputusan, listeners };
}

const O = 'https://sid.contoh.go.id';

describe('service worker: what it caches', () => {
  const { keputusan, listeners } = loadSw();

  it('listens for install, activate and fetch', () => {
    expect(listeners.sort()).toEqual(['activate', 'fetch', 'install']);
  });

  it('caches only the listed static files and the offline page', () => {
    for (const p of [
      '/aset/situs.css',
      '/aset/ikon-192.png',
      '/aset/ikon-512.png',
      '/aset/favicon.svg',
      '/layanan-mandiri/luring',
    ])
      expect(keputusan(`${O}${p}`, 'no-cors', 'GET', O), p).toBe('statis');
  });

  it('never caches personal pages, API answers, documents or other sites', () => {
    for (const p of [
      '/layanan-mandiri/surat/12',
      '/layanan-mandiri/dokumen/3/unduh',
      '/layanan-mandiri/biodata',
      '/aset/app.css',
      '/aset/situs.css?v=2',
      '/api/v1/penduduk',
    ])
      expect(keputusan(`${O}${p}`, 'cors', 'GET', O), p).toBe('lewat');
    expect(keputusan('https://cdn.lain.id/aset/situs.css', 'no-cors', 'GET', O)).toBe('lewat');
    expect(keputusan(`${O}/aset/situs.css`, 'no-cors', 'POST', O)).toBe('lewat');
  });

  it('sends page navigations to the network (the offline page only when that fails)', () => {
    expect(keputusan(`${O}/layanan-mandiri/biodata`, 'navigate', 'GET', O)).toBe('halaman');
    expect(keputusan(`${O}/layanan-mandiri/masuk`, 'navigate', 'POST', O)).toBe('lewat');
  });
});
