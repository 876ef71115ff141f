import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useTestApp } from '../support/app.js';
import { activate, DESA_A, DESA_B, insertFamily, KAB, KEC, makeNik } from '../support/builders.js';

/**
 * Privacy of the public sites (UU 27/2022): a crawler walks every public page reachable from the desa site,
 * the kecamatan and kabupaten portals (links, sitemap, feeds) and greps each answer for the residents' NIK and
 * KK numbers — as stored, and broken up in groups as people write them — and for any run of 16 digits.
 */
const SIXTEEN = /(?<![\d.])\d{16}(?![\d.])/;
const MAX_PAGES = 400;

function linksIn(body: string): string[] {
  const found = [...body.matchAll(/\b(?:href|src|action)="([^"#]*)"/g), ...body.matchAll(/<loc>([^<]+)<\/loc>/g)];
  return found.map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

describe('public pages never show a NIK or KK number', () => {
  const t = useTestApp();
  const secrets: string[] = [];

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    for (const [i, desa] of [DESA_A, DESA_A, DESA_B].entries()) {
      const born = `19${70 + i}-0${i + 1}-1${i}`;
      await insertFamily(t.db, desa, { nama: `Kepala Rayap ${i}`, tanggallahir: born, sex: 1, nik: makeNik(born, 1) }, [
        { nama: `Anak Rayap ${i}`, tanggallahir: '2010-05-05', sex: 2, kkLevel: 4 },
      ]);
    }
    const people = await t.db.selectFrom('penduduk').select(['nik', 'ayah_nik', 'ibu_nik']).execute();
    const families = await t.db.selectFrom('keluarga').select('no_kk').execute();
    for (const p of people) for (const n of [p.nik, p.ayah_nik, p.ibu_nik]) if (n) secrets.push(n);
    for (const f of families) if (f.no_kk) secrets.push(f.no_kk);
    expect(secrets.length).toBeGreaterThan(5);
  });

  it('crawls the desa sites and portals without finding one', async () => {
    const queue = [`/situs/${DESA_A}`, `/situs/${DESA_B}`, `/situs/${KEC}`, `/situs/${KAB}`];
    const seen = new Set<string>();
    const leaks: string[] = [];
    const errors: string[] = [];
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await t.app.inject({ method: 'GET', url, headers: { host: 'localhost', origin: ORIGIN } });
      if (res.statusCode >= 500) errors.push(`${url}: ${res.statusCode}`);
      const type = String(res.headers['content-type'] ?? '');
      if (!/html|xml|json|text/.test(type)) continue;
      const body = res.body;
      for (const n of secrets) {
        const grouped = n.replace(/(\d{4})(?=\d)/g, '$1 ');
        if (body.includes(n) || body.includes(grouped)) leaks.push(`${url} shows ${n.slice(-4)}`);
      }
      if (SIXTEEN.test(body)) leaks.push(`${url} has a 16-digit number`);
      for (const link of linksIn(body)) {
        let path = link;
        if (/^https?:\/\//.test(link)) {
          const u = new URL(link);
          if (u.host !== 'localhost') continue;
          path = u.pathname + u.search;
        }
        if (path.startsWith('/situs/') && !seen.has(path)) queue.push(path);
      }
    }
    expect(errors).toEqual([]);
    expect(leaks).toEqual([]);
    // the crawl must really have walked the sites, not stopped at a 404
    expect(seen.size).toBeGreaterThan(10);
  });
});
