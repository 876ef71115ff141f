import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '#src/domain/age.js';
import { get, login, type Session, SIXTEEN_DIGITS, urlsIn, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, KAB, KEC, PASSWORD } from '../../../tests/support/builders.js';
import { buildEksporDesa, readWorkbook, sheetRows } from '../../../tests/support/ekspor-fixture.js';

describe('OpenSID-format export over HTTP', () => {
  const t = useTestApp();
  const s = {} as Record<'operator' | 'kab' | 'kec' | 'unit', Session>;
  let ngemplak = 0;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    ngemplak = (await buildEksporDesa(t.db, DESA_A, '331709010101')).ngemplak;
    await buildEksporDesa(t.db, DESA_B, '331709020101');
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kab', 'admin-kabupaten', KAB);
    await insertUser(t.db, 'kec', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'dusun.a', 'operator-wilayah', DESA_A, { lingkungan: ngemplak });
    s.operator = await login(t.app, 'op.a', PASSWORD);
    s.kab = await login(t.app, 'kab', PASSWORD);
    s.kec = await login(t.app, 'kec', PASSWORD);
    s.unit = await login(t.app, 'dusun.a', PASSWORD);
  });

  const day = () => todayIn().replaceAll('-', '');

  it('streams a desa as .xlsx with a dated file name, the list filters applied', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid`, s.operator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="penduduk-${DESA_A}-${day()}.xlsx"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-balai-tanpa-kk']).toBe('1');
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Meteseh', 'Kode Data']);
    expect(sheetRows(wb.getWorksheet('Meteseh') as never)).toHaveLength(7);

    const filtered = await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid?lingkungan=${ngemplak}`, s.operator);
    const rows = sheetRows((await readWorkbook(filtered.rawPayload)).getWorksheet('Meteseh') as never);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['-', '-']);
    expect(filtered.headers['x-balai-baris']).toBe('2');
  });

  it('shows the link beside the existing export, with the filters but never a NIK, and the no-KK count', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/penduduk?sex=2&q=3317094101700001`, s.operator);
    expect(res.statusCode).toBe(200);
    const links = urlsIn(res.body).filter((u) => u.includes('/ekspor'));
    expect(links).toEqual([
      `/desa/${DESA_A}/penduduk/ekspor.xlsx?sex=2`,
      `/desa/${DESA_A}/penduduk/ekspor-opensid?sex=2`,
    ]);
    expect(links.some((u) => SIXTEEN_DIGITS.test(u))).toBe(false);
    expect(res.body).toContain('Unduh format OpenSID (.xlsx)');
    const all = await get(t.app, `/desa/${DESA_A}/penduduk`, s.operator);
    expect(all.body).toContain('1 penduduk tanpa KK tidak ikut dalam unduhan format OpenSID');
    // staff who see masked numbers get neither the link nor the file
    const kec = await get(t.app, `/desa/${DESA_A}/penduduk`, s.kec);
    expect(kec.body).not.toContain('ekspor-opensid');
  });

  it('exports a kecamatan or the kabupaten for kabupaten staff, one sheet per desa, linked from the region page', async () => {
    const res = await get(t.app, `/wilayah/${KEC}/penduduk/ekspor-opensid`, s.kab);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="penduduk-${KEC}-${day()}.xlsx"`);
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Meteseh', 'Maguan', 'Kode Data']);
    const kab = await get(t.app, `/wilayah/${KAB}/penduduk/ekspor-opensid`, s.kab);
    expect(kab.statusCode).toBe(200);
    expect(kab.headers['x-balai-baris']).toBe('12');
    const page = await get(t.app, `/wilayah/${KEC}`, s.kab);
    expect(urlsIn(page.body)).toContain(`/wilayah/${KEC}/penduduk/ekspor-opensid`);
  });

  it('never lets a desa operator export another desa or a region', async () => {
    for (const url of [
      `/desa/${DESA_B}/penduduk/ekspor-opensid`,
      `/wilayah/${DESA_B}/penduduk/ekspor-opensid`,
      `/wilayah/${KEC}/penduduk/ekspor-opensid`,
      `/wilayah/${KAB}/penduduk/ekspor-opensid`,
    ]) {
      const res = await get(t.app, url, s.operator);
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.headers['content-disposition'], url).toBeUndefined();
    }
    // its own desa through the region URL: the same single sheet
    const own = await get(t.app, `/wilayah/${DESA_A}/penduduk/ekspor-opensid`, s.operator);
    expect(own.statusCode).toBe(200);
  });

  it('refuses roles without export:penduduk (kecamatan staff, dusun operators) and anonymous users', async () => {
    expect((await get(t.app, `/wilayah/${KEC}/penduduk/ekspor-opensid`, s.kec)).statusCode).toBe(403);
    expect((await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid`, s.kec)).statusCode).toBe(403);
    expect((await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid`, s.unit)).statusCode).toBe(403);
    const anonymous = await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/masuk\?lanjut=/);
  });

  it('records the export in the audit trail with the user and the row count', async () => {
    await get(t.app, `/desa/${DESA_A}/penduduk/ekspor-opensid`, s.operator);
    const row = await t.db
      .selectFrom('audit_log')
      .select(['username', 'peran', 'alasan', 'desa_kode', 'entitas'])
      .where('aksi', '=', 'ekspor')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      username: 'op.a',
      peran: 'operator-desa',
      alasan: 'format OpenSID; 6 baris; nomor lengkap; 1 tanpa KK tidak diekspor',
      desa_kode: DESA_A,
      entitas: 'penduduk',
    });
  });
});
