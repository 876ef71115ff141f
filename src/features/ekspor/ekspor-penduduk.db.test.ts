import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOLOM_PENDUDUK } from '#src/features/impor/impor-kolom.js';
import { type PendudukListQuery, PendudukListQuerySchema } from '#src/features/penduduk/penduduk-list.schema.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B, KEC } from '../../../tests/support/builders.js';
import { buildEksporDesa, collect, sheetRows } from '../../../tests/support/ekspor-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { exportPendudukOpenSid, planEkspor, writeEkspor } from './ekspor-penduduk.service.js';

const HEADERS = KOLOM_PENDUDUK.map((k) => k.nama);
const col = (name: string) => HEADERS.indexOf(name);
const actor = systemActor('uji-ekspor');

describe('OpenSID-format resident export', () => {
  let t: TestDatabase;
  let a: Awaited<ReturnType<typeof buildEksporDesa>>;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    a = await buildEksporDesa(t.db, DESA_A, '331709010101');
    await buildEksporDesa(t.db, DESA_B, '331709020101');
  });
  afterAll(async () => t.close());

  async function run(kode: string, query: Record<string, string> = {}, lingkunganId: number | null = null) {
    const out = collect();
    const filters = PendudukListQuerySchema.parse(query) as PendudukListQuery;
    const result = await exportPendudukOpenSid(t.db, actor, { kode, filters, lingkunganId }, out.stream);
    return { result, wb: await out.workbook() };
  }

  it('writes the 43 columns in template order, sorted by No. KK then SHDK, living residents with a KK only', async () => {
    const { result, wb } = await run(DESA_A);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Meteseh', 'Kode Data']);
    const [header, ...rows] = sheetRows(wb.getWorksheet('Meteseh') as never);
    expect(header).toEqual(HEADERS);
    expect(header).toHaveLength(43);
    // the temporary-KK family (`0…` sorts first), family 1 (head, wife, child; the dead grandfather left
    // out), family 2
    expect(rows.map((r) => r[col('nama')])).toEqual([
      'Keluarga Sementara',
      'Budi Santoso',
      'Sri Wahyuni',
      'Anak Sementara',
      '\'=HYPERLINK("http://x")',
      'Dewi',
    ]);
    expect(result).toEqual({ rows: 6, tanpaKk: 1, desa: 1 });
    expect(rows.map((r) => r[col('kk_level')])).toEqual([1, 1, 3, 4, 1, 4]);
  });

  it('keeps numbers as text, codes as numbers, dates as YYYY-MM-DD, and the family and unit as stored', async () => {
    const { wb } = await run(DESA_A);
    const ws = wb.getWorksheet('Meteseh') as NonNullable<ReturnType<typeof wb.getWorksheet>>;
    const [, temp, head, wife, child, odd, dewi] = sheetRows(ws) as unknown[][];
    if (!head || !wife || !child || !odd || !dewi || !temp) throw new Error('rows');
    const people = await t.db.selectFrom('penduduk').selectAll().where('desa_kode', '=', DESA_A).execute();
    const budi = people.find((p) => p.nama === 'Budi Santoso');
    expect(head[col('nik')]).toBe(budi?.nik);
    expect(head[col('no_kk')]).toBe('3317090101010001');
    expect(ws.getCell(3, col('nik') + 1).type).toBe(3); // ValueType.String
    expect(ws.getColumn(col('nik') + 1).numFmt).toBe('@');
    expect(ws.getColumn(col('no_kk') + 1).numFmt).toBe('@');
    expect(head.slice(0, 4)).toEqual(["'+62 812 3456", 'Krajan', '001', '002']);
    expect(head[col('sex')]).toBe(1);
    expect(head[col('agama_id')]).toBe(1);
    expect(head[col('pekerjaan_id')]).toBe(9);
    expect(head[col('status_kawin')]).toBe(2);
    expect(head[col('warganegara_id')]).toBe(1);
    expect(head[col('ktp_el')]).toBe(2);
    expect(head[col('status_rekam')]).toBe(3);
    expect(head[col('id_asuransi')]).toBe(2);
    expect(head[col('status_dasar')]).toBe(1);
    expect(head[col('tanggallahir')]).toBe('1970-01-01');
    expect(head[col('tanggalperkawinan')]).toBe('1995-06-01');
    expect(head[col('akta_perkawinan')]).toBe('12/1995');
    expect(head[col('no_asuransi')]).toBe('0001234');
    expect(head[col('lat')]).toBeCloseTo(-6.7012345, 7);
    expect(head[col('lng')]).toBeCloseTo(111.3456789, 7);
    // a temporary number is `0`; parents' NIKs as text
    expect(child[col('nik')]).toBe('0');
    expect(child[col('ayah_nik')]).toBe(budi?.nik);
    expect(typeof child[col('ibu_nik')]).toBe('string');
    expect(wife[col('hamil')]).toBe(1);
    // dusun without RW/RT: `-`; formula-like texts neutralised, a lone `-` kept
    expect(odd.slice(0, 4)).toEqual(["'@foo", 'Ngemplak', '-', '-']);
    expect(dewi[col('alamat_sekarang')]).toBe("'-1+1");
    expect(dewi[col('suku')]).toBe('-');
    // the temporary KK number, as stored, and an empty address
    expect(temp[col('no_kk')]).toMatch(/^0331709200100001$/);
    expect(temp[col('alamat')]).toBeNull();
  });

  it('adds the "Kode Data" sheet: label and code of every coded column', async () => {
    const { wb } = await run(DESA_A);
    const rows = sheetRows(wb.getWorksheet('Kode Data') as never);
    const coded = KOLOM_PENDUDUK.filter((k) => k.kind === 'kode').map((k) => k.nama);
    expect(rows[0]).toEqual(coded.flatMap((n) => [n, 'kode']));
    expect(rows[1]?.slice(0, 2)).toEqual(['LAKI-LAKI', 1]);
    expect(rows[2]?.slice(0, 2)).toEqual(['PEREMPUAN', 2]);
    const pekerjaan = rows.slice(1).filter((r) => r[col2(coded, 'pekerjaan_id')] !== null);
    expect(pekerjaan).toHaveLength(89);
  });

  it('applies the list filters and an operator’s own unit', async () => {
    const all = await run(DESA_A, { status_dasar: 'semua' });
    expect(all.result.rows).toBe(7);
    const dusun = await run(DESA_A, { lingkungan: String(a.ngemplak) });
    expect(dusun.result).toMatchObject({ rows: 2, tanpaKk: 0 });
    const women = await run(DESA_A, { sex: '2' });
    expect(women.result.rows).toBe(3);
    const own = await run(DESA_A, {}, a.ngemplak);
    expect(own.result.rows).toBe(2);
    // a unit filter outside the operator's unit gives nothing
    const outside = await run(DESA_A, { lingkungan: String(a.rt) }, a.ngemplak);
    expect(outside.result.rows).toBe(0);
  });

  it('exports a kecamatan as one sheet per active desa, each audited with its row count', async () => {
    const { result, wb } = await run(KEC);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Meteseh', 'Maguan', 'Kode Data']);
    expect(result).toEqual({ rows: 12, tanpaKk: 2, desa: 2 });
    const maguan = sheetRows(wb.getWorksheet('Maguan') as never);
    expect(maguan[0]).toEqual(HEADERS);
    expect(maguan.map((r) => r[col('no_kk')])).toContain('3317090201010001');
    const logged = await t.db
      .selectFrom('audit_log')
      .select(['desa_kode', 'alasan', 'username'])
      .where('aksi', '=', 'ekspor')
      .where('username', '=', 'uji-ekspor')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(logged.map((l) => l.desa_kode).sort()).toEqual([DESA_A, DESA_B]);
    expect(logged[0]?.alasan).toBe('format OpenSID; 6 baris; nomor lengkap; 1 tanpa KK tidak diekspor');
  });

  it('reads in keyset pages without losing or repeating a row (pages of 2 rows here)', async () => {
    // someone without an SHDK sorts last in their family
    await t.db.updateTable('penduduk').set({ kk_level: null }).where('id', '=', a.childId).execute();
    const filters = PendudukListQuerySchema.parse({ status_dasar: 'semua' }) as PendudukListQuery;
    const plan = await planEkspor(t.db, actor, { kode: DESA_A, filters });
    const out = collect();
    expect(await writeEkspor(t.db, plan, out.stream, 2)).toBe(7);
    const rows = sheetRows((await out.workbook()).getWorksheet('Meteseh') as never).slice(1);
    expect(rows.map((r) => r[col('nama')])).toEqual([
      'Keluarga Sementara',
      'Budi Santoso',
      'Sri Wahyuni',
      'Mbah Almarhum',
      'Anak Sementara',
      '\'=HYPERLINK("http://x")',
      'Dewi',
    ]);
    expect(rows.map((r) => r[col('status_dasar')])).toEqual([1, 1, 1, 2, 1, 1, 1]);
    await t.db.updateTable('penduduk').set({ kk_level: 4 }).where('id', '=', a.childId).execute();
  });

  it('refuses a code without an active desa', async () => {
    await expect(run('33.17.10')).rejects.toMatchObject({ status: 404, key: 'eksporTanpaDesa' });
  });
});

function col2(coded: string[], name: string) {
  return coded.indexOf(name) * 2;
}
