import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, postForm, type Session, SIXTEEN_DIGITS, urlsIn, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  KAB,
  KEC,
  PASSWORD,
} from '../../../tests/support/builders.js';

/**
 * No NIK or KK number anywhere on a page: not as 16 digits in a row (attributes included), not broken up by
 * spaces or dots in its text, not in any link. Charts are left out of the text check: SVG path data is numbers
 * separated by spaces. Tags become a separator, so that figures of adjacent table cells do not join.
 */
function expectNoPersonalNumbers(html: string, where: string) {
  expect(html, where).not.toMatch(/\d{16}/);
  const text = html.replace(/<svg[\s\S]*?<\/svg>/g, '|').replace(/<[^>]*>/g, '|');
  expect(text, where).not.toMatch(SIXTEEN_DIGITS);
  for (const url of urlsIn(html)) expect(url, where).not.toMatch(SIXTEEN_DIGITS);
}

/** A page as a visitor on some host sees it. */
function onHost(t: ReturnType<typeof useTestApp>, host: string, url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers: { host, ...headers } });
}

describe('public desa sites and portals', () => {
  const t = useTestApp({ BALAI_SITUS_CACHE_DETIK: '0' });
  let admin: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    // Meteseh: 4 men and 2 women (a small cell); Maguan: one family with a name that must stay on Maguan's site
    await insertFamily(t.db, DESA_A, { nama: 'Slamet Riyadi', tanggallahir: '1970-01-01', sex: 1 }, [
      { nama: 'Sri Wahyuni', tanggallahir: '1972-02-02', sex: 2, kkLevel: 3 },
      { nama: 'Budi Santoso', tanggallahir: '2000-03-03', sex: 1, kkLevel: 4 },
    ]);
    await insertFamily(t.db, DESA_A, { nama: 'Ahmad Fauzi', tanggallahir: '1980-04-04', sex: 1 }, [
      { nama: 'Dewi Lestari', tanggallahir: '1982-05-05', sex: 2, kkLevel: 3 },
      { nama: 'Rizki Pratama', tanggallahir: '2010-06-06', sex: 1, kkLevel: 4 },
    ]);
    await insertFamily(t.db, DESA_B, { nama: 'Warga Rahasia Maguan', tanggallahir: '1990-07-07', sex: 2 });
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    admin = await login(t.app, 'admin.a', PASSWORD);
  });

  it('serves a desa home page with its key figures, small counts hidden, no personal numbers', async () => {
    const res = await get(t.app, `/situs/${DESA_A}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Desa Meteseh');
    expect(res.body).toContain('Kecamatan Kaliori');
    expect(res.body).toMatch(/<dt>Penduduk<\/dt><dd>6<\/dd>/);
    expect(res.body).toMatch(/<dt>Laki-laki<\/dt><dd>4<\/dd>/);
    expect(res.body).toMatch(/<dt>Perempuan<\/dt><dd>&lt;3<\/dd>/);
    expect(res.body).toContain('<meta property="og:title"');
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost/situs/${DESA_A}"`);
    expectNoPersonalNumbers(res.body, 'home');
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain('style=');
  });

  it('has a personal-number check that catches numbers in text, attributes and links', () => {
    for (const html of [
      '<td>3317090101700001</td>',
      '<p>3317 0901 0170 0001</p>',
      '<a href="/x?nik=3317.0901.0170.0001">x</a>',
      '<meta content="3317090101700001"/>',
    ]) {
      expect(() => expectNoPersonalNumbers(html, 'sample')).toThrow();
    }
    expectNoPersonalNumbers('<td>1.234</td><td>5.678</td><td>9.012</td><td>3.456</td><td>7.890</td>', 'cells');
  });

  it('answers 404 for unknown, malformed, not-activated desa and for regions without an active desa', async () => {
    for (const url of [
      '/situs/33.17.09.2003', // a real desa of Kaliori, not activated
      '/situs/33.17.09.2999',
      '/situs/bukan-kode',
      '/situs/33.17.01', // a kecamatan without any active desa
      '/situs/33.17.09.2003/profil',
      '/situs/33.17.09.2003/statistik/jenis-kelamin',
      `/situs/${DESA_A}/statistik/tidak-ada`,
      `/situs/${KEC}/profil`,
    ]) {
      const res = await get(t.app, url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('shows statistics with small cells as "<3", drawn only from groups big enough', async () => {
    const res = await get(t.app, `/situs/${DESA_A}/statistik/jenis-kelamin`);
    expect(res.statusCode).toBe(200);
    const tabel = res.body.slice(res.body.indexOf('<table class="statistik">'));
    expect(tabel).toMatch(/<th scope="row">LAKI-LAKI<\/th><td class="angka">4<\/td>/i);
    expect(tabel).toMatch(/<th scope="row">PEREMPUAN<\/th><td class="angka">&lt;3<\/td><td class="angka">–<\/td>/i);
    // the chart's own table lists the drawn groups only
    const grafik = res.body.slice(res.body.indexOf('<figure'), res.body.indexOf('</figure>'));
    expect(grafik).toMatch(/laki-laki/i);
    expect(grafik).not.toMatch(/perempuan/i);
    const index = await get(t.app, `/situs/${DESA_A}/statistik`);
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`/situs/${DESA_A}/statistik/pendidikan-dalam-kk`);
  });

  it('shows every category page on each level without personal numbers', async () => {
    const index = await get(t.app, `/situs/${DESA_A}/statistik`);
    const links = [...index.body.matchAll(/href="(\/situs\/[^"]+\/statistik\/[^"]+)"/g)].map((x) => x[1] as string);
    expect(links.length).toBeGreaterThanOrEqual(25);
    for (const url of [...links, ...links.map((l) => l.replace(DESA_A, KEC)), `/situs/${KAB}/statistik/agama`]) {
      const res = await get(t.app, url);
      expect(res.statusCode, url).toBe(200);
      expectNoPersonalNumbers(res.body, url);
    }
  });

  it('lists the active desa on the kecamatan and kabupaten portals with live sums', async () => {
    for (const kode of [KEC, KAB]) {
      const res = await get(t.app, `/situs/${kode}`);
      expect(res.statusCode, kode).toBe(200);
      expect(res.body).toContain(`href="/situs/${DESA_A}"`);
      expect(res.body).toContain(`href="/situs/${DESA_B}"`);
      expect(res.body).toMatch(/<dt>Penduduk<\/dt><dd>7<\/dd>/);
      expect(res.body).toContain(`/situs/${kode}/kamera`);
      expect(res.body).not.toContain('Warga Rahasia Maguan');
    }
  });

  it('sends ETags, answers 304 when unchanged, compresses, and never caches a page for one visitor', async () => {
    const first = await get(t.app, `/situs/${DESA_A}/profil`);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await t.app.inject({
      method: 'GET',
      url: `/situs/${DESA_A}/profil`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const zipped = await t.app.inject({
      method: 'GET',
      url: `/situs/${DESA_A}`,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toContain('Desa Meteseh');
    const missing = await get(t.app, '/situs/33.17.09.2003');
    expect(missing.headers.etag).toBeUndefined();
  });

  it('serves the same site on the desa host name, never another desa, and keeps the office off that host', async () => {
    const saved = await postForm(t.app, `/desa/${DESA_A}`, admin, {
      sebutan: 'desa',
      sebutan_dusun: 'dusun',
      hosts: 'meteseh.example',
    });
    expect(saved.statusCode).toBe(303);
    // the map is reloaded after the profile form is saved

    const home = await onHost(t, 'meteseh.example', '/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Desa Meteseh');
    expect(home.body).toContain('href="/profil"');
    expect(home.body).not.toContain('/situs/');
    expect(home.body).toContain('<link rel="canonical" href="http://meteseh.example/"');
    const withPort = await onHost(t, 'Meteseh.Example:8080', '/statistik/agama');
    expect(withPort.statusCode).toBe(200);
    expect(withPort.body).toContain('Desa Meteseh');

    for (const url of [
      `/situs/${DESA_B}`,
      `/situs/${DESA_B}/statistik/jenis-kelamin`,
      `/desa/${DESA_A}`,
      `/desa/${DESA_B}/penduduk`,
      '/masuk',
      '/wilayah',
      `/api/v1/statistik/${DESA_B}/jenis-kelamin`,
    ]) {
      const res = await onHost(t, 'meteseh.example', url, { cookie: admin.cookie });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Maguan');
    }
    expect((await onHost(t, 'meteseh.example', '/aset/situs.css')).statusCode).toBe(200);

    // the main host still serves the office and every site by path; the canonical address is the desa's host
    expect((await get(t.app, `/desa/${DESA_A}`, admin)).statusCode).toBe(200);
    const byPath = await get(t.app, `/situs/${DESA_A}`);
    expect(byPath.body).toContain('<link rel="canonical" href="http://meteseh.example/"');
    const maguan = await get(t.app, `/situs/${DESA_B}`);
    expect(maguan.statusCode).toBe(200);
    expect(maguan.body).toContain('Desa Maguan');
    const portal = await get(t.app, `/situs/${KEC}`);
    expect(portal.body).toContain('href="http://meteseh.example/"');

    const robots = await onHost(t, 'meteseh.example', '/robots.txt');
    expect(robots.body).toContain('Sitemap: http://meteseh.example/sitemap.xml');
    const mainRobots = await get(t.app, '/robots.txt');
    expect(mainRobots.body).toContain('Disallow: /\n');
    const map = await onHost(t, 'meteseh.example', '/sitemap.xml');
    expect(map.headers['content-type']).toContain('application/xml');
    expect(map.body).toContain('<loc>http://meteseh.example/statistik/jenis-kelamin</loc>');
  });

  it("shows each desa's own news, announcements and agenda; portals and feeds link to the desa's site", async () => {
    const now = new Date();
    const iso = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
    const artikel = (
      desa: string,
      jenis: 'berita' | 'pengumuman' | 'agenda',
      judul: string,
      slug: string,
      extra = {},
    ) => ({
      desa_kode: desa,
      jenis,
      kategori_id: null,
      judul,
      slug,
      ringkasan: `Ringkasan ${judul}`,
      isi_html: '<p>isi</p>',
      isi_mentah: '<p>isi</p>',
      status: 'terbit' as const,
      terbit_pada: iso(-1),
      agenda_mulai: null,
      agenda_selesai: null,
      agenda_tempat: null,
      hukum_jenis: null,
      hukum_nomor: null,
      hukum_tahun: null,
      ppid_kategori: null,
      gambar_id: null,
      lampiran_id: null,
      dibuat_oleh: 'uji',
      dibuat_pada: iso(-1),
      diperbarui_oleh: 'uji',
      diperbarui_pada: iso(-1),
      ...extra,
    });
    await t.db
      .insertInto('artikel')
      .values([
        artikel(DESA_A, 'berita', 'Panen raya jagung', 'panen-raya-jagung'),
        artikel(DESA_A, 'pengumuman', 'Pembagian bibit', 'pembagian-bibit'),
        artikel(DESA_A, 'agenda', 'Musyawarah desa', 'musyawarah-desa', { agenda_mulai: iso(3) }),
        artikel(DESA_A, 'berita', 'Draf belum terbit', 'draf', { status: 'draf', terbit_pada: null }),
        artikel(DESA_B, 'berita', 'Lomba perahu Maguan', 'lomba-perahu'),
      ])
      .execute();

    const home = await get(t.app, `/situs/${DESA_A}`);
    expect(home.body).toContain('href="/situs/33.17.09.2001/artikel/panen-raya-jagung"');
    expect(home.body).toContain('Pembagian bibit');
    expect(home.body).toContain('Musyawarah desa');
    expect(home.body).not.toContain('Draf belum terbit');
    expect(home.body).not.toContain('Lomba perahu');
    const onOwnHost = await onHost(t, 'meteseh.example', '/');
    expect(onOwnHost.body).toContain('href="/artikel/panen-raya-jagung"');

    const portal = await get(t.app, `/situs/${KEC}`);
    expect(portal.body).toContain('href="http://meteseh.example/artikel/panen-raya-jagung"');
    expect(portal.body).toContain(`href="/situs/${DESA_B}/artikel/lomba-perahu"`);
    expect(portal.body).toContain('Desa Maguan · ');

    const rss = await get(t.app, `/situs/${DESA_A}/rss.xml`);
    expect(rss.body).toContain('<link>http://meteseh.example/artikel/panen-raya-jagung</link>');
    expect(rss.body).not.toContain('Lomba perahu');
    const kecRss = await get(t.app, `/situs/${KEC}/rss.xml`);
    expect(kecRss.body).toContain(`<link>http://localhost/situs/${DESA_B}/artikel/lomba-perahu</link>`);
    const map = await get(t.app, `/situs/${DESA_A}/sitemap.xml`);
    expect(map.body).toContain('<loc>http://meteseh.example/artikel/panen-raya-jagung</loc><lastmod>');
  });

  it('publishes an RSS feed per desa and per portal', async () => {
    for (const kode of [DESA_A, KEC]) {
      const res = await get(t.app, `/situs/${kode}/rss.xml`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/rss+xml');
      expect(res.body).toContain('<rss version="2.0"');
    }
  });

  it('serves hashed asset URLs as immutable and plain names for a day', async () => {
    const page = await get(t.app, `/situs/${DESA_A}/kontak`);
    const css = /href="(\/aset\/situs\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
    expect(css).toBeDefined();
    const hashed = await t.app.inject({ method: 'GET', url: css as string, headers: { 'accept-encoding': 'gzip' } });
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['content-encoding']).toBe('gzip');
    const plain = await get(t.app, '/aset/situs.css');
    expect(plain.headers['cache-control']).toBe('public, max-age=86400');
    expect(plain.body).toContain('.situs-top');
    const stale = await get(t.app, '/aset/situs.0000000000.css');
    expect(stale.statusCode).toBe(200);
    expect(stale.headers['cache-control']).toBe('public, max-age=86400');
    expect((await get(t.app, '/aset/tidak-ada.0000000000.css')).statusCode).toBe(404);
  });
});

describe('rendered public pages kept for a few seconds', () => {
  const t = useTestApp({ BALAI_SITUS_CACHE_DETIK: '1' });

  it('serves the kept page until it expires, then renders the change; never keeps a 404', async () => {
    await activate(t.db, DESA_A);
    const first = await get(t.app, `/situs/${DESA_A}/kontak`);
    expect(first.statusCode).toBe(200);
    await t.db
      .insertInto('situs_pengaturan')
      .values({
        desa_kode: DESA_A,
        tentang: null,
        jam_layanan: 'Sabtu 09.00',
        kontak: null,
        diperbarui_pada: '2026-11-28',
      })
      .execute();
    const kept = await get(t.app, `/situs/${DESA_A}/kontak`);
    expect(kept.body).toBe(first.body);
    expect(kept.headers.etag).toBe(first.headers.etag);
    await new Promise((r) => setTimeout(r, 1_100));
    const fresh = await get(t.app, `/situs/${DESA_A}/kontak`);
    expect(fresh.body).toContain('Sabtu 09.00');

    expect((await get(t.app, `/situs/${DESA_B}`)).statusCode).toBe(404);
    await activate(t.db, DESA_B);
    expect((await get(t.app, `/situs/${DESA_B}`)).statusCode).toBe(200);
  });
});
