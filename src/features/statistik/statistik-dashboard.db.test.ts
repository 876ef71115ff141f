import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '#src/domain/age.js';
import { tabelDari } from '#src/domain/statistik-hitung.js';
import { get, login, type Session, SIXTEEN_DIGITS, urlsIn, useTestApp } from '../../../tests/support/app.js';
import { DESA_A, DESA_B, KAB, KEC, PASSWORD } from '../../../tests/support/builders.js';
import {
  buildStatFixture,
  dataPribadi,
  geser,
  matikanNenek,
  OTHER_KEC,
  type StatFixture,
  tabelDi,
} from '../../../tests/support/statistik-fixture.js';
import { desaDi, kategoriDef, statistikWilayah } from './statistik.service.js';
import { jumlahPadaTanggal } from './statistik-tren.service.js';

const angka = (s: string) => Number(s.replace(/\./g, ''));
/** The key figures block: label → number. */
function angkaPokok(html: string): Record<string, number> {
  const block = /<dl class="stats angka-pokok">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((x) => [x[1], angka(x[2] ?? '')]),
  );
}

describe('statistics dashboards', () => {
  const t = useTestApp();
  let f: StatFixture;
  const s = {} as Record<'admA' | 'admB' | 'web' | 'ow' | 'camat' | 'camatLain' | 'kab', Session>;

  beforeAll(async () => {
    f = await buildStatFixture(t.db);
    s.admA = await login(t.app, 'adm.a', PASSWORD);
    s.admB = await login(t.app, 'adm.b', PASSWORD);
    s.web = await login(t.app, 'web.a', PASSWORD);
    s.ow = await login(t.app, 'ow.a', PASSWORD);
    s.camat = await login(t.app, 'camat', PASSWORD);
    s.camatLain = await login(t.app, 'camat.lain', PASSWORD);
    s.kab = await login(t.app, 'kab', PASSWORD);
  });

  it("shows a desa's hand-counted totals, charts with tables, and the drill-down by dusun", async () => {
    const res = await get(t.app, `/desa/${DESA_A}/statistik`, s.admA);
    expect(res.statusCode).toBe(200);
    expect(angkaPokok(res.body)).toEqual({
      Penduduk: 6,
      'Laki-laki': 3,
      Perempuan: 3,
      'Keluarga (KK)': 2,
      'Rumah tangga': 0,
    });
    for (const id of ['g-piramida', 'g-jenis-kelamin', 'g-agama', 'g-pendidikan', 'g-pekerjaan', 'g-tren'])
      expect(res.body).toContain(`id="${id}"`);
    expect(res.body).toContain('role="img"');
    expect(res.body).toContain('Dihitung dari riwayat peristiwa menurut tanggal kejadian');
    const { body, foot } = tabelDi(res.body, 'rincian');
    expect(body).toEqual([
      ['Krajan', '1', '1', '3', '4'],
      ['Kulon', '1', '2', '0', '2'],
    ]);
    expect(foot).toEqual([['Jumlah seluruhnya', '2', '3', '3', '6']]);
    expect(res.body).toContain(`/desa/${DESA_A}/statistik/rentang-umur?lingkungan=${f.kulon}`);
    // the menu leads here; aggregates only: no names, no NIK or KK numbers
    expect(res.body).toContain(`href="/desa/${DESA_A}/statistik"`);
    const pribadi = await dataPribadi(t.db);
    expect(pribadi.length).toBeGreaterThan(8);
    for (const x of pribadi) expect(res.body).not.toContain(x);
    for (const u of urlsIn(res.body)) expect(u).not.toMatch(SIXTEEN_DIGITS);
  });

  it("sums a kecamatan's desa rows to its own total, and lists desa not yet using Balai", async () => {
    const res = await get(t.app, `/statistik/${KEC}`, s.camat);
    expect(res.statusCode).toBe(200);
    const { body, foot } = tabelDi(res.body, 'rincian');
    expect(body.length).toBeGreaterThan(2);
    const a = body.find((r) => r[0]?.startsWith('Meteseh'));
    const b = body.find((r) => r[0]?.startsWith('Maguan'));
    expect(a?.slice(1)).toEqual(['2', '3', '3', '6']);
    expect(b?.slice(1)).toEqual(['1', '1', '1', '2']);
    expect(body.filter((r) => r[0]?.includes('belum memakai Balai')).length).toBe(body.length - 2);
    const sum = (i: number) => body.reduce((n, r) => n + angka(r[i] ?? '0'), 0);
    expect(foot[0]?.slice(1)).toEqual([sum(1), sum(2), sum(3), sum(4)].map(String));
    expect(foot[0]?.[4]).toBe('8');
    expect(angkaPokok(res.body).Penduduk).toBe(8);
    expect(res.body).toContain(`href="/desa/${DESA_A}/statistik"`);
    expect(res.body).toContain(`href="/statistik/${KEC}"`); // the menu entry
  });

  it('gives the kabupaten its kecamatan rows adding up to the kabupaten total', async () => {
    const res = await get(t.app, `/statistik/${KAB}`, s.kab);
    expect(res.statusCode).toBe(200);
    const { body, foot } = tabelDi(res.body, 'rincian');
    expect(body).toHaveLength(14);
    const kaliori = body.find((r) => r[0]?.startsWith('Kaliori'));
    expect(kaliori?.slice(1)).toEqual(['3', '4', '4', '8']);
    expect(foot[0]?.slice(1)).toEqual(['3', '4', '4', '8']);
    expect(res.body).toContain(`href="/statistik/${KEC}"`);
  });

  it('keeps each office to its own region (others: 404)', async () => {
    expect((await get(t.app, `/desa/${DESA_A}/statistik`, s.admB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/statistik`, s.admA)).statusCode).toBe(404);
    expect((await get(t.app, `/statistik/${OTHER_KEC}`, s.camat)).statusCode).toBe(404);
    expect((await get(t.app, `/statistik/${KAB}`, s.camat)).statusCode).toBe(404);
    expect((await get(t.app, `/statistik/${KEC}`, s.camatLain)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_A}/statistik`, s.camatLain)).statusCode).toBe(404);
    expect((await get(t.app, `/statistik/${OTHER_KEC}`, s.camatLain)).statusCode).toBe(200);
    // a dusun operator has no desa-wide dashboard
    expect((await get(t.app, `/desa/${DESA_A}/statistik`, s.ow)).statusCode).toBe(404);
    const anon = await get(t.app, `/desa/${DESA_A}/statistik`);
    expect(anon.statusCode).toBe(303);
  });

  it('shows a web editor the desa totals but not the dusun rows', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/statistik`, s.web);
    expect(res.statusCode).toBe(200);
    expect(angkaPokok(res.body).Penduduk).toBe(6);
    expect(res.body).not.toContain('class="statistik rincian"');
    expect(res.body).not.toContain('Krajan');
  });

  it('sends a desa code under /statistik on to the desa address, keeping the query', async () => {
    const res = await get(t.app, `/statistik/${DESA_A}/agama?per=2026-01-31`, s.admA);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desa/${DESA_A}/statistik/agama?per=2026-01-31`);
    expect((await get(t.app, `/desa/${KEC}/statistik`, s.camat)).statusCode).toBe(404);
  });

  it('rebuilds the past: before a death the person counts, the trend shows the drop', async () => {
    await matikanNenek(t.db, f);
    const now = await get(t.app, `/desa/${DESA_A}/statistik`, s.admA);
    expect(angkaPokok(now.body)).toMatchObject({ Penduduk: 5, Perempuan: 2 });
    const before = await get(t.app, `/desa/${DESA_A}/statistik?per=${f.sebelumMati}`, s.admA);
    expect(before.statusCode).toBe(200);
    expect(angkaPokok(before.body)).toMatchObject({ Penduduk: 6, Perempuan: 3 });
    expect(tabelDi(before.body, 'rincian').foot[0]?.[4]).toBe('6');
    // trend (its data table): 12 months, the oldest before the death, the last one today
    const tren = /id="g-tren"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(now.body)?.[1] ?? '';
    const rows = [...tren.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1]),
    );
    expect(rows).toHaveLength(12);
    expect(rows[0]?.[1]).toBe('6');
    expect(rows[11]?.[1]).toBe('5');
    // the kecamatan follows its desa
    const kec = await get(t.app, `/statistik/${KEC}`, s.camat);
    expect(angkaPokok(kec.body).Penduduk).toBe(7);
  });

  it('draws trend points equal to the full statistics at those dates (same presence rule)', async () => {
    const ctx = { db: t.db, dialect: t.dialect };
    const kodes = await desaDi(t.db, KEC);
    const tanggal = [f.sebelumMati, geser(f.tanggalMati, -1), f.tanggalMati, geser(todayIn(), -1)];
    const titik = await jumlahPadaTanggal(ctx, kodes, tanggal, todayIn());
    for (const [i, tgl] of tanggal.entries()) {
      const jk = tabelDari(
        kategoriDef('jenis-kelamin'),
        (await statistikWilayah(ctx, KEC, tgl)).hitungan.get('jenis-kelamin'),
      );
      expect(titik[i]).toEqual({ penduduk: jk.total.jumlah, laki: jk.total.laki, perempuan: jk.total.perempuan });
    }
    expect(titik.map((x) => x.penduduk)).toEqual([8, 8, 7, 7]);
  });

  it('speaks English when asked, numbers and official labels unchanged', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/desa/${DESA_A}/statistik`,
      headers: { cookie: `${s.admA.cookie}; balai_bahasa=en` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Key figures');
    expect(res.body).toContain('Breakdown by Hamlet');
    expect(tabelDi(res.body, 'rincian').foot[0]?.[4]).toBe('5');
  });

  it('reports a malformed or future date next to the field (400) and shows today', async () => {
    const bad = await get(t.app, `/desa/${DESA_A}/statistik?per=2026-02-30`, s.admA);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Tanggal harus berbentuk TTTT-BB-HH');
    expect(bad.body).toContain('value="2026-02-30"');
    const later = await get(t.app, `/statistik/${KEC}?per=2999-01-01`, s.camat);
    expect(later.statusCode).toBe(400);
    expect(later.body).toContain('Tanggal tidak boleh melewati hari ini');
  });
});
