import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A } from '../../../tests/support/builders.js';
import { keluargaDi, unit } from '../../../tests/support/laporan-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { daftarPemilih } from './dpt.service.js';
import { lupakanCacheLaporan } from './laporan-bulanan.service.js';
import { lupakanCache, type StatistikContext } from './statistik.service.js';

const PEMILU = '2027-04-14';
const LALU = '2026-09-01';

describe('DPT for an election date', () => {
  let t: TestDatabase;
  let ctx: StatistikContext;

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = { db: t.db, dialect: t.dialect };
    lupakanCache();
    lupakanCacheLaporan();
    await activate(t.db, DESA_A);
    const krajan = await unit(t.db, DESA_A, 'Krajan', '1', '1');
    const ngemplak = await unit(t.db, DESA_A, 'Ngemplak', '2', '3');
    await keluargaDi(t.db, DESA_A, krajan, { nama: 'Bapak Pemilih', tanggallahir: '1970-01-01', sex: 1 }, [
      { nama: 'Ibu Pemilih', tanggallahir: '1972-01-01', sex: 2, kkLevel: 3, status_kawin: 2 },
      { nama: 'Anak Tepat', tanggallahir: '2010-04-14', sex: 1, kkLevel: 4, status_kawin: 1 },
      { nama: 'Anak Besok', tanggallahir: '2010-04-15', sex: 2, kkLevel: 4, status_kawin: 1 },
      { nama: 'Anak Kemarin', tanggallahir: '2010-04-13', sex: 1, kkLevel: 4, status_kawin: 1 },
    ]);
    const f2 = await keluargaDi(
      t.db,
      DESA_A,
      ngemplak,
      { nama: 'Pak Tentara', tanggallahir: '1980-01-01', sex: 1, pekerjaan_id: 6 },
      [
        { nama: 'Bu Polisi', tanggallahir: '1982-01-01', sex: 2, kkLevel: 3, status_kawin: 2, pekerjaan_id: 7 },
        { nama: 'Menantu Muda', tanggallahir: '2010-12-01', sex: 2, kkLevel: 7, status_kawin: 2 },
        { nama: 'Tamu Asing', tanggallahir: '1985-01-01', sex: 1, kkLevel: 11, warganegara_id: 2, nik: null },
        { nama: 'Pekerja Musiman', tanggallahir: '1990-01-01', sex: 2, kkLevel: 11, status: 2 },
        { nama: 'Tanpa Tanggal', tanggallahir: '1991-01-01', sex: 1, kkLevel: 11 },
        { nama: 'Kakek Almarhum', tanggallahir: '1950-01-01', sex: 1, kkLevel: 6, status_kawin: 4 },
      ],
    );
    await t.db.updateTable('penduduk').set({ tanggallahir: null }).where('nama', '=', 'Tanpa Tanggal').execute();
    await recordLeavingEvent(t.db, systemActor('uji'), f2.ids[5] as number, 2, {
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

  it('applies the rules on the election date: 17th birthday before/on (in), after (out); married 16 (in)', async () => {
    const dpt = await daftarPemilih(ctx, DESA_A, PEMILU, true);
    expect(dpt.daftar.map((p) => p.nama).sort()).toEqual(
      ['Anak Kemarin', 'Anak Tepat', 'Bapak Pemilih', 'Ibu Pemilih', 'Menantu Muda'].sort(),
    );
    expect(dpt.daftar.find((p) => p.nama === 'Anak Tepat')?.umur).toBe(17);
    expect(dpt.daftar.find((p) => p.nama === 'Menantu Muda')?.umur).toBe(16);
    expect(dpt.bukan).toEqual({ tidakTetap: 1, bukanWni: 1, belumCukupUmur: 1, umurTidakDiketahui: 1, tniPolri: 2 });
    expect(dpt.total).toEqual({ laki: 3, perempuan: 2, jumlah: 5 });
    expect(dpt.perDusun.map((d) => [d.dusun?.nama, d.hitung.jumlah])).toEqual([
      ['Krajan', 4],
      ['Ngemplak', 1],
    ]);
    expect(dpt.perRt.map((r) => [r.wilayah.rt?.nama, r.hitung.laki, r.hitung.perempuan])).toEqual([
      ['001', 3, 1],
      ['003', 0, 1],
    ]);
    expect(dpt.per <= PEMILU).toBe(true);
  });

  it('takes presence at a past election date: someone who died after it is listed, ages at that date', async () => {
    const dpt = await daftarPemilih(ctx, DESA_A, LALU, true);
    const names = dpt.daftar.map((p) => p.nama);
    expect(names).toContain('Kakek Almarhum');
    expect(names).not.toContain('Anak Tepat');
    expect(names).toContain('Menantu Muda');
    expect(dpt.per).toBe(LALU);
    expect((await daftarPemilih(ctx, DESA_A, PEMILU, true)).daftar.map((p) => p.nama)).not.toContain('Kakek Almarhum');
  });

  it('masks the NIK for a viewer without read:nik and gives it whole otherwise', async () => {
    const full = await daftarPemilih(ctx, DESA_A, PEMILU, true);
    const masked = await daftarPemilih(ctx, DESA_A, PEMILU, false);
    for (const [i, p] of masked.daftar.entries()) {
      expect(p.nik).toMatch(/^\*{12}\d{4}$/);
      expect(full.daftar[i]?.nik).toMatch(/^\d{16}$/);
      expect(full.daftar[i]?.nik.endsWith(p.nik.slice(-4))).toBe(true);
    }
  });

  it('refuses a malformed election date and a kecamatan', async () => {
    await expect(daftarPemilih(ctx, DESA_A, '2027-02-30', true)).rejects.toMatchObject({ status: 400 });
    await expect(daftarPemilih(ctx, DESA_A, '', true)).rejects.toMatchObject({ status: 400 });
    await expect(daftarPemilih(ctx, '33.17.09', PEMILU, true)).rejects.toMatchObject({ status: 404 });
  });
});
