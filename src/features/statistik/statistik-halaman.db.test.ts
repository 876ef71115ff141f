import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, type Session, useTestApp } from '../../../tests/support/app.js';
import { DESA_A, DESA_B, KEC, PASSWORD } from '../../../tests/support/builders.js';
import {
  buildStatFixture,
  dataPribadi,
  matikanNenek,
  type StatFixture,
  tabelDi,
} from '../../../tests/support/statistik-fixture.js';

describe('statistics category pages', () => {
  const t = useTestApp();
  let f: StatFixture;
  const s = {} as Record<'admA' | 'admB' | 'web' | 'ow' | 'camat', Session>;
  const page = (url: string, who: Session) => get(t.app, url, who);

  beforeAll(async () => {
    f = await buildStatFixture(t.db);
    s.admA = await login(t.app, 'adm.a', PASSWORD);
    s.admB = await login(t.app, 'adm.b', PASSWORD);
    s.web = await login(t.app, 'web.a', PASSWORD);
    s.ow = await login(t.app, 'ow.a', PASSWORD);
    s.camat = await login(t.app, 'camat', PASSWORD);
  });

  it('shows the reference table: coded rows, JUMLAH, BELUM MENGISI, TOTAL, shares of TOTAL', async () => {
    const res = await page(`/desa/${DESA_A}/statistik/jenis-kelamin`, s.admA);
    expect(res.statusCode).toBe(200);
    const { head, body, foot } = tabelDi(res.body, 'referensi');
    expect(head).toEqual([
      ['No', 'Kelompok', 'Jumlah', 'Laki-laki', 'Perempuan'],
      ['n', '%', 'n', '%', 'n', '%'],
    ]);
    expect(body).toEqual([
      ['1', 'LAKI-LAKI', '3', '50,00%', '3', '50,00%', '0', '0,00%'],
      ['2', 'PEREMPUAN', '3', '50,00%', '0', '0,00%', '3', '50,00%'],
    ]);
    expect(foot).toEqual([
      ['', 'JUMLAH', '6', '100,00%', '3', '50,00%', '3', '50,00%'],
      ['', 'BELUM MENGISI', '0', '0,00%', '0', '0,00%', '0', '0,00%'],
      ['', 'TOTAL', '6', '100,00%', '3', '50,00%', '3', '50,00%'],
    ]);
    expect(res.body).toContain('id="g-kategori"'); // a donut for two rows, with its own data table
    expect(res.body).toContain('class="chart grafik-donat"');
    // every category to switch to: 25 + families + households
    const nav = /<nav class="subnav kategori-statistik"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? '';
    expect([...nav.matchAll(/<li>/g)]).toHaveLength(27);
    expect(nav).toContain('aria-current="page">Jenis kelamin');
    for (const x of await dataPribadi(t.db)) expect(res.body).not.toContain(x);
  });

  it('counts ages in buckets with "belum mengisi" left empty, and shows thirds with two decimals', async () => {
    const res = await page(`/desa/${DESA_A}/statistik/kategori-umur`, s.admA);
    const { body, foot } = tabelDi(res.body, 'referensi');
    const by = Object.fromEntries(body.map((r) => [r[1], r.slice(2)]));
    expect(by.BALITA).toEqual(['1', '16,67%', '0', '0,00%', '1', '16,67%']);
    expect(by['ANAK-ANAK']).toEqual(['1', '16,67%', '1', '16,67%', '0', '0,00%']);
    expect(by.TUA?.[0]).toBe('4');
    expect(foot[2]?.slice(1, 3)).toEqual(['TOTAL', '6']);
    // many rows → bars; the kecamatan page sums its desa
    const kec = await page(`/statistik/${KEC}/pekerjaan`, s.camat);
    expect(kec.statusCode).toBe(200);
    expect(tabelDi(kec.body, 'referensi').foot[2]?.[2]).toBe('8');
    expect(kec.body).toContain('class="chart grafik-batang"');
  });

  it('limits a desa category to a dusun with ?lingkungan=, choosing among the desa units', async () => {
    const res = await page(`/desa/${DESA_A}/statistik/jenis-kelamin?lingkungan=${f.kulon}`, s.admA);
    expect(res.statusCode).toBe(200);
    const { foot } = tabelDi(res.body, 'referensi');
    expect(foot[2]).toEqual(['', 'TOTAL', '2', '100,00%', '2', '100,00%', '0', '0,00%']);
    expect(res.body).toContain(`<option value="${f.kulon}" selected>Dusun Kulon</option>`);
    expect(res.body).toContain('Hanya Dusun Kulon.');
    const rt = await page(`/desa/${DESA_A}/statistik/jenis-kelamin?lingkungan=${f.rtKrajan}`, s.admA);
    expect(tabelDi(rt.body, 'referensi').foot[2]?.[2]).toBe('4');
    // a unit of another desa, a unit id that does not exist
    expect((await page(`/desa/${DESA_A}/statistik/agama?lingkungan=${f.unitB}`, s.admA)).statusCode).toBe(404);
    expect((await page(`/desa/${DESA_A}/statistik/agama?lingkungan=999999`, s.admA)).statusCode).toBe(404);
    // a kecamatan has no dusun
    expect((await page(`/statistik/${KEC}/agama?lingkungan=${f.kulon}`, s.camat)).statusCode).toBe(404);
  });

  it("gives a dusun operator their own dusun's figures only, and a web editor desa totals only", async () => {
    const own = await page(`/desa/${DESA_A}/statistik/jenis-kelamin`, s.ow);
    expect(own.statusCode).toBe(200);
    expect(tabelDi(own.body, 'referensi').foot[2]?.[2]).toBe('4');
    expect(own.body).not.toContain('Seluruh desa');
    expect((await page(`/desa/${DESA_A}/statistik/jenis-kelamin?lingkungan=${f.kulon}`, s.ow)).statusCode).toBe(404);
    const web = await page(`/desa/${DESA_A}/statistik/jenis-kelamin`, s.web);
    expect(web.statusCode).toBe(200);
    expect(tabelDi(web.body, 'referensi').foot[2]?.[2]).toBe('6');
    expect(web.body).not.toContain('name="lingkungan"');
    expect((await page(`/desa/${DESA_A}/statistik/jenis-kelamin?lingkungan=${f.krajan}`, s.web)).statusCode).toBe(404);
  });

  it("answers 404 to another desa's user and for an unknown category", async () => {
    expect((await page(`/desa/${DESA_A}/statistik/agama`, s.admB)).statusCode).toBe(404);
    expect((await page(`/desa/${DESA_A}/statistik/agama.xlsx`, s.admB)).statusCode).toBe(404);
    expect((await page(`/desa/${DESA_A}/statistik/agama/cetak`, s.admB)).statusCode).toBe(404);
    expect((await page(`/desa/${DESA_B}/statistik/agama?lingkungan=${f.unitB}`, s.admA)).statusCode).toBe(404);
    expect((await page(`/desa/${DESA_A}/statistik/bukan-kategori`, s.admA)).statusCode).toBe(404);
  });

  it('downloads the table as a workbook that opens, with the same figures', async () => {
    const res = await page(`/desa/${DESA_A}/statistik/jenis-kelamin.xlsx`, s.admA);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`statistik-jenis-kelamin-${DESA_A}-`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.slice(0, 4)).toEqual(['No', 'Kode', 'Kelompok', 'Jumlah']);
    expect(rows[1]).toEqual([1, '1', 'LAKI-LAKI', 3, 50, 3, 50, 0, 0]);
    expect(rows[5]?.slice(1, 5)).toEqual(['888', 'TOTAL', 6, 100]);
    expect(rows.some((r) => r.includes('Desa Meteseh'))).toBe(true);
  });

  it('offers a print version without menu, forms or script', async () => {
    const res = await page(`/desa/${DESA_A}/statistik/agama/cetak?lingkungan=${f.krajan}`, s.admA);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<body class="print-page">');
    expect(res.body).not.toContain('aria-label="Menu utama"');
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain('<form');
    expect(res.body).toContain('Dusun Krajan');
    expect(tabelDi(res.body, 'referensi').foot[2]?.[2]).toBe('4');
  });

  it('counts the deceased as of a date before the death, not after; refuses a bad date', async () => {
    await matikanNenek(t.db, f);
    const now = await page(`/desa/${DESA_A}/statistik/jenis-kelamin`, s.admA);
    expect(tabelDi(now.body, 'referensi').foot[2]?.[2]).toBe('5');
    const before = await page(`/desa/${DESA_A}/statistik/jenis-kelamin?per=${f.sebelumMati}`, s.admA);
    expect(tabelDi(before.body, 'referensi').foot[2]?.[2]).toBe('6');
    expect(before.body).toContain(`value="${f.sebelumMati}"`);
    // links keep the date
    expect(before.body).toContain(`/desa/${DESA_A}/statistik/agama?per=${f.sebelumMati}`);
    const onDay = await page(`/desa/${DESA_A}/statistik/jenis-kelamin?per=${f.tanggalMati}`, s.admA);
    expect(tabelDi(onDay.body, 'referensi').foot[2]?.[2]).toBe('5');
    const dusun = await page(
      `/desa/${DESA_A}/statistik/jenis-kelamin?per=${f.sebelumMati}&lingkungan=${f.krajan}`,
      s.admA,
    );
    expect(tabelDi(dusun.body, 'referensi').foot[2]?.[2]).toBe('4');
    const xlsx = await page(`/desa/${DESA_A}/statistik/akta-kematian.xlsx?per=${f.sebelumMati}`, s.admA);
    expect(xlsx.statusCode).toBe(200);
    const bad = await page(`/desa/${DESA_A}/statistik/jenis-kelamin?per=kemarin`, s.admA);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Tanggal harus berbentuk TTTT-BB-HH');
    expect((await page(`/desa/${DESA_A}/statistik/jenis-kelamin.xlsx?per=2999-01-01`, s.admA)).statusCode).toBe(400);
  });
});
