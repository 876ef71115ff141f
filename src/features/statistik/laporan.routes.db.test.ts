import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jiwa } from '#src/domain/laporan-angka.js';
import { get, login, type Session, SIXTEEN_DIGITS, useTestApp } from '../../../tests/support/app.js';
import { DESA_A, insertUser, KEC, PASSWORD } from '../../../tests/support/builders.js';
import { laporanFixture } from '../../../tests/support/laporan-fixture.js';
import { laporanBulanan, lupakanCacheLaporan } from './laporan-bulanan.service.js';
import { laporanRentan } from './laporan-rentan.service.js';
import { selRentan } from './laporan-rentan.views.js';
import { kolomRekap, rekapBulanan } from './rekap.service.js';
import { lupakanCache } from './statistik.service.js';

async function workbook(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet | undefined, n: number) =>
  ((ws?.getRow(n).values as unknown[]) ?? []).slice(1);

describe('report routes', () => {
  const t = useTestApp();
  const s = {} as Record<'op' | 'camat' | 'ow' | 'web', Session>;
  const base = `/desa/${DESA_A}/laporan`;

  beforeAll(async () => {
    lupakanCache();
    lupakanCacheLaporan();
    const f = await laporanFixture(t.db);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'camat', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'ow.a', 'operator-wilayah', DESA_A, { lingkungan: f.krajan });
    await insertUser(t.db, 'web.a', 'editor-web', DESA_A);
    s.op = await login(t.app, 'op.a', PASSWORD);
    s.camat = await login(t.app, 'camat', PASSWORD);
    s.ow = await login(t.app, 'ow.a', PASSWORD);
    s.web = await login(t.app, 'web.a', PASSWORD);
  });

  it('shows every report page of the desa to its operator, printable and without scripts', async () => {
    for (const url of [
      base,
      `${base}/bulanan?bulan=2026-10`,
      `${base}/rekap?bulan=2026-10`,
      `${base}/rentan?per=2026-10-31&tingkat=rt`,
      `${base}/dpt?pemilu=2027-04-14`,
      `${base}/dpt`,
    ]) {
      const res = await get(t.app, url, s.op);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain('<script');
    }
    const bulanan = await get(t.app, `${base}/bulanan?bulan=2026-10`, s.op);
    expect(bulanan.body).toContain('H Dua');
    expect(bulanan.body).toContain('laporan terlambat');
    expect(bulanan.body).toContain(`${base}/bulanan.xlsx?bulan=2026-10`);
  });

  it('answers a malformed month or date with 400 and the form, no report', async () => {
    const res = await get(t.app, `${base}/bulanan?bulan=2026-13`, s.op);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('name="bulan"');
    expect(res.body).toContain('Bulan harus berbentuk TTTT-BB');
    expect(res.body).not.toContain('bulanan.xlsx');
    expect((await get(t.app, `${base}/rentan?per=2026-02-30`, s.op)).statusCode).toBe(400);
    const dpt = await get(t.app, `${base}/dpt?pemilu=kemarin`, s.op);
    expect(dpt.statusCode).toBe(400);
    expect(dpt.body).toContain('Tanggal pemilihan harus tanggal yang benar');
    expect((await get(t.app, `${base}/rekap?bulan=2999-01`, s.op)).body).toContain('tidak boleh melewati bulan ini');
  });

  it('downloads the monthly report and the recap book with the service numbers', async () => {
    const ctx = { db: t.db, dialect: t.dialect };
    const l = await laporanBulanan(ctx, DESA_A, '2026-10');
    const res = await get(t.app, `${base}/bulanan.xlsx?bulan=2026-10`, s.op);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`laporan-bulanan-${DESA_A}-2026-10.xlsx`);
    const wb = await workbook(res.rawPayload);
    const main = wb.worksheets[0];
    const akhir = main?.getRows(2, 20)?.find((r) => String(r.getCell(1).value).startsWith('Penduduk akhir'));
    expect(akhir?.getCell(8).value).toBe(jiwa(l.total.akhir));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Laporan Bulanan', 'Per wilayah', 'Laporan terlambat']);
    expect(rowValues(wb.worksheets[2], 2)[0]).toBe('H Dua');

    const rekap = await rekapBulanan(ctx, DESA_A, '2026-10');
    const rb = await workbook((await get(t.app, `${base}/rekap.xlsx?bulan=2026-10`, s.op)).rawPayload);
    const sheet = rb.worksheets[0];
    expect(rowValues(sheet, 1)).toHaveLength(33);
    const total = rowValues(sheet, rekap.baris.length + 2);
    expect(total.slice(2, 32)).toEqual(kolomRekap(rekap.total.mutasi));
    expect(total.slice(2, 32)).toEqual(kolomRekap(l.total));
  });

  it('downloads the vulnerable-groups workbook', async () => {
    const res = await get(t.app, `${base}/rentan.xlsx?per=2026-10-31`, s.op);
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res.rawPayload);
    // area, KK, jiwa, 6 age groups, 7 disability codes, chronic illness, pregnant
    expect(rowValues(wb.worksheets[0], 1)).toHaveLength(18);
    expect(rowValues(wb.worksheets[0], 2)[0]).toBe('Krajan');
    const l = await laporanRentan({ db: t.db, dialect: t.dialect }, DESA_A, '2026-10-31');
    expect(rowValues(wb.worksheets[0], l.baris.length + 2)).toEqual(['JUMLAH DESA', ...selRentan(l.total)]);
  });

  it('gives the operator the DPT with whole NIKs and an audited download', async () => {
    const page = await get(t.app, `${base}/dpt?pemilu=2027-04-14`, s.op);
    expect(page.body).toMatch(/<code>\d{16}<\/code>/);
    const res = await get(t.app, `${base}/dpt.xlsx?pemilu=2027-04-14`, s.op);
    expect(res.statusCode).toBe(200);
    const ws = (await workbook(res.rawPayload)).worksheets[0];
    const niks = (ws?.getColumn(3).values ?? []).slice(2).filter(Boolean);
    expect(niks.length).toBeGreaterThan(0);
    for (const nik of niks) expect(String(nik)).toMatch(/^\d{16}$/);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['alasan', 'desa_kode'])
      .where('aksi', '=', 'ekspor')
      .execute();
    expect(audited).toEqual([{ alasan: expect.stringContaining('DPT pemilihan 2027-04-14'), desa_kode: DESA_A }]);
  });

  it('masks NIKs for kecamatan staff and refuses them the list download', async () => {
    const page = await get(t.app, `${base}/dpt?pemilu=2027-04-14`, s.camat);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<code>\*{12}\d{4}<\/code>/);
    expect(page.body).not.toMatch(SIXTEEN_DIGITS);
    expect(page.body).not.toContain('dpt.xlsx');
    expect((await get(t.app, `${base}/dpt.xlsx?pemilu=2027-04-14`, s.camat)).statusCode).toBe(403);
  });

  it('gives the kecamatan monthly report per desa, page and workbook', async () => {
    const res = await get(t.app, `/statistik/${KEC}/laporan-bulanan?bulan=2026-10`, s.camat);
    expect(res.statusCode).toBe(200);
    const xlsx = await get(t.app, `/statistik/${KEC}/laporan-bulanan.xlsx?bulan=2026-10`, s.camat);
    const rows = (await workbook(xlsx.rawPayload)).worksheets[1];
    expect(rowValues(rows, 1)[0]).toBe('Desa/Kelurahan');
    expect(rows?.rowCount).toBe(4);
  });

  it('keeps others out: a unit operator (404), a web editor (403), the desa operator at the kecamatan (404), anonymous (login)', async () => {
    expect((await get(t.app, `${base}/bulanan`, s.ow)).statusCode).toBe(404);
    expect((await get(t.app, `${base}/dpt?pemilu=2027-04-14`, s.web)).statusCode).toBe(403);
    expect((await get(t.app, `/statistik/${KEC}/laporan-bulanan`, s.op)).statusCode).toBe(404);
    const anon = await get(t.app, `${base}/rekap`);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/masuk');
  });
});
