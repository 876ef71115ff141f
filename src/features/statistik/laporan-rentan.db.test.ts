import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A } from '../../../tests/support/builders.js';
import { keluargaDi, unit } from '../../../tests/support/laporan-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { lupakanCacheLaporan } from './laporan-bulanan.service.js';
import { laporanRentan } from './laporan-rentan.service.js';
import { lupakanCache, type StatistikContext, tabelWilayah } from './statistik.service.js';

/** Ages are hand-counted at PER (bounds: 0, 5, 12, 15/13, 18, 61 fall on that very day). */
const PER = '2026-11-15';
const SEBELUM = '2026-09-30';

describe('Laporan Kelompok Rentan', () => {
  let t: TestDatabase;
  let ctx: StatistikContext;

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = { db: t.db, dialect: t.dialect };
    lupakanCache();
    lupakanCacheLaporan();
    await activate(t.db, DESA_A);
    const rt1 = await unit(t.db, DESA_A, 'Krajan', '1', '1');
    const rt2 = await unit(t.db, DESA_A, 'Krajan', '1', '2');
    const rt3 = await unit(t.db, DESA_A, 'Ngemplak', '2', '3');
    await keluargaDi(t.db, DESA_A, rt1, { nama: 'Kakek', tanggallahir: '1950-01-01', sex: 1, sakit_menahun_id: 14 }, [
      { nama: 'Nenek', tanggallahir: '1966-06-01', sex: 2, kkLevel: 3, cacat_id: 1 },
      { nama: 'Bayi', tanggallahir: '2026-03-01', sex: 2, kkLevel: 4 },
      { nama: 'Balita', tanggallahir: '2021-11-15', sex: 1, kkLevel: 4 },
    ]);
    await keluargaDi(
      t.db,
      DESA_A,
      rt2,
      { nama: 'Bapak', tanggallahir: '1990-01-01', sex: 1, cacat_id: 7, sakit_menahun_id: 12 },
      [
        { nama: 'Ibu', tanggallahir: '1992-01-01', sex: 2, kkLevel: 3, hamil: 1 },
        { nama: 'Anak', tanggallahir: '2014-11-15', sex: 1, kkLevel: 4 },
        { nama: 'Remaja', tanggallahir: '2011-11-16', sex: 2, kkLevel: 4 },
      ],
    );
    const f3 = await keluargaDi(
      t.db,
      DESA_A,
      rt3,
      { nama: 'Mbah', tanggallahir: '1965-11-15', sex: 2, cacat_id: 2, sakit_menahun_id: 3 },
      [
        { nama: 'Muda', tanggallahir: '2008-11-15', sex: 1, kkLevel: 4 },
        { nama: 'Dewasa', tanggallahir: '2007-11-14', sex: 1, kkLevel: 4 },
        { nama: 'Buyut', tanggallahir: '1930-01-01', sex: 2, kkLevel: 6, cacat_id: 4 },
      ],
    );
    await recordLeavingEvent(t.db, systemActor('uji'), f3.ids[2] as number, 2, {
      tgl_peristiwa: '2026-10-01',
      tgl_lapor: '2026-10-01',
      catatan: null,
      sebab: null,
      meninggal_di: null,
      jam_mati: null,
      penolong_mati: null,
      akta_mati: null,
      kepala_baru_id: null,
    });
  });
  afterAll(async () => t.close());

  it('counts each dusun by hand-checked numbers', async () => {
    const l = await laporanRentan(ctx, DESA_A, PER);
    expect(l.baris.map((b) => b.wilayah.dusun?.nama)).toEqual(['Krajan', 'Ngemplak']);
    const [krajan, ngemplak] = l.baris.map((b) => b.rentan);
    expect(krajan).toEqual({
      kk: 2,
      jiwa: 8,
      umur: { bayi: 1, balita: 1, anak: 1, remaja: 1, muda: 0, lansia: 1 },
      cacat: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 1 },
      sakitMenahun: 1,
      hamil: 1,
    });
    expect(ngemplak).toEqual({
      kk: 1,
      jiwa: 3,
      umur: { bayi: 0, balita: 0, anak: 0, remaja: 0, muda: 1, lansia: 1 },
      cacat: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 },
      sakitMenahun: 1,
      hamil: 0,
    });
    expect(l.total.jiwa).toBe(11);
    expect(l.total.kk).toBe(3);
  });

  it('includes someone who died after the date, with their disability and age group', async () => {
    const l = await laporanRentan(ctx, DESA_A, SEBELUM);
    const ngemplak = l.baris[1]?.rentan;
    // Buyut (96) is over 60; Mbah turns 61 only on 2026-11-15, so on SEBELUM she is 60: not counted
    expect(ngemplak && [ngemplak.jiwa, ngemplak.umur.lansia, ngemplak.cacat[4]]).toEqual([4, 1, 1]);
  });

  it('breaks down to RT rows that add up to the desa', async () => {
    const l = await laporanRentan(ctx, DESA_A, PER, 'rt');
    expect(l.baris.map((b) => [b.wilayah.dusun?.nama, b.wilayah.rw?.nama, b.wilayah.rt?.nama, b.rentan.jiwa])).toEqual([
      ['Krajan', '001', '001', 4],
      ['Krajan', '001', '002', 4],
      ['Ngemplak', '002', '003', 3],
    ]);
    expect(l.total).toEqual((await laporanRentan(ctx, DESA_A, PER)).total);
  });

  it('equals the dashboard where they overlap, today and at a past date', async () => {
    for (const per of [undefined, PER, SEBELUM]) {
      const l = await laporanRentan(ctx, DESA_A, per);
      const cacat = await tabelWilayah(ctx, DESA_A, 'penyandang-cacat', per);
      for (const b of cacat.baris) expect(l.total.cacat[Number(b.kode)]).toBe(b.jumlah);
      const hamil = await tabelWilayah(ctx, DESA_A, 'status-kehamilan', per);
      expect(l.total.hamil).toBe(hamil.baris.find((b) => b.kode === '1')?.jumlah);
      const sakit = await tabelWilayah(ctx, DESA_A, 'penyakit-menahun', per);
      expect(l.total.sakitMenahun).toBe(sakit.baris.filter((b) => b.kode !== '14').reduce((n, b) => n + b.jumlah, 0));
      const jk = await tabelWilayah(ctx, DESA_A, 'jenis-kelamin', per);
      expect(l.total.jiwa).toBe(jk.total.jumlah);
    }
  });

  it('refuses a date to come, a malformed date, and a kecamatan', async () => {
    await expect(laporanRentan(ctx, DESA_A, '2999-01-01')).rejects.toMatchObject({ status: 400 });
    await expect(laporanRentan(ctx, DESA_A, '2026-02-30')).rejects.toMatchObject({ status: 400 });
    await expect(laporanRentan(ctx, '33.17.09')).rejects.toMatchObject({ status: 404 });
  });
});
