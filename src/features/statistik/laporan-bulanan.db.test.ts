import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Angka, jiwa, jumlahWna, laki, perempuan, slot } from '#src/domain/laporan-angka.js';
import { geserBulan } from '#src/domain/laporan-bulan.js';
import { GARIS, type Mutasi, selisihIdentitas } from '#src/domain/laporan-mutasi.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { DESA_A, DESA_B, KEC } from '../../../tests/support/builders.js';
import { laporanFixture } from '../../../tests/support/laporan-fixture.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { type LaporanBulanan, laporanBulanan, lupakanCacheLaporan } from './laporan-bulanan.service.js';
import { kolomRekap, rekapBulanan } from './rekap.service.js';
import { hariIni, lupakanCache, type StatistikContext, tabelWilayah } from './statistik.service.js';

const nol = [0, 0, 0, 0, 0, 0, 0];
const seimbang = (m: Mutasi) => expect(selisihIdentitas(m)).toEqual(nol);
const lpj = (a: Angka) => [laki(a), perempuan(a), jiwa(a)];

describe('Laporan Bulanan and the recap book', () => {
  let t: TestDatabase;
  let ctx: StatistikContext;
  const bulanIni = hariIni().slice(0, 7);
  const byMonth = new Map<string, LaporanBulanan>();
  let f: Awaited<ReturnType<typeof laporanFixture>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = { db: t.db, dialect: t.dialect };
    lupakanCache();
    lupakanCacheLaporan();
    f = await laporanFixture(t.db);
    for (let b = '2026-06'; b <= bulanIni; b = geserBulan(b, 1)) byMonth.set(b, await laporanBulanan(ctx, DESA_A, b));
  });
  afterAll(async () => t.close());

  const sep = () => byMonth.get('2026-09') as LaporanBulanan;
  const okt = () => byMonth.get('2026-10') as LaporanBulanan;

  it('balances every split, in total and in every dusun, every month; each start is the previous end', () => {
    let prev: LaporanBulanan | undefined;
    for (const l of byMonth.values()) {
      seimbang(l.total);
      for (const b of l.baris) seimbang(b.mutasi);
      if (prev) expect(slot(l.total.awal)).toEqual(slot(prev.total.akhir));
      if (prev)
        for (const [i, b] of l.baris.entries())
          expect(slot(b.mutasi.awal)).toEqual(slot(prev.baris[i]?.mutasi.akhir as Angka));
      prev = l;
    }
  });

  it('has no changes before the first event: start equals end', () => {
    const juni = byMonth.get('2026-06') as LaporanBulanan;
    expect(slot(juni.total.awal)).toEqual(slot(juni.total.akhir));
    for (const g of GARIS) expect(jiwa(juni.total.garis[g])).toBe(0);
    expect(jiwa(juni.total.awal)).toBe(9);
  });

  it('counts September by event date: a birth, two deaths (one reported late), missing, pergi; not the reversed death', () => {
    const m = sep().total;
    expect(lpj(m.awal)).toEqual([6, 4, 10]);
    expect(m.awal.kk).toBe(4);
    expect(jumlahWna(m.awal)).toBe(1);
    expect(lpj(m.garis.lahir)).toEqual([0, 1, 1]);
    expect(lpj(m.garis.mati)).toEqual([1, 1, 2]);
    expect(lpj(m.garis.hilang)).toEqual([0, 1, 1]);
    expect(lpj(m.garis.pergi)).toEqual([0, 1, 1]);
    expect(jiwa(m.garis.datang) + jiwa(m.garis.pindah)).toBe(0);
    expect(lpj(m.akhir)).toEqual([5, 2, 7]);
    // every family keeps a member: no KK line moves
    expect(GARIS.map((g) => m.garis[g].kk)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(m.akhir.kk).toBe(4);
    expect(sep().baris.map((b) => [b.nama, jiwa(b.mutasi.awal), jiwa(b.mutasi.akhir)])).toEqual([
      ['Krajan', 5, 5],
      ['Ngemplak', 5, 2],
    ]);
  });

  it('handles October: arrive-and-leave, born-and-died, a transfer out; lists the late death report', () => {
    const m = okt().total;
    expect(lpj(m.garis.datang)).toEqual([0, 1, 1]);
    expect(lpj(m.garis.lahir)).toEqual([1, 0, 1]);
    expect(lpj(m.garis.mati)).toEqual([1, 0, 1]);
    expect(lpj(m.garis.pindah)).toEqual([0, 2, 2]);
    expect(jiwa(m.pindahJenis['1'])).toBe(1);
    expect(jiwa(m.pindahJenis['2'])).toBe(1);
    expect([m.garis.datang.kk, m.garis.pindah.kk, m.garis.mati.kk]).toEqual([1, 1, 0]);
    expect(lpj(m.akhir)).toEqual([5, 1, 6]);
    expect(okt().susulan).toEqual([
      expect.objectContaining({
        nama: 'H Dua',
        kode: 2,
        tglPeristiwa: '2026-09-15',
        tglLapor: '2026-10-02',
        jenis: 'susulan',
      }),
    ]);
    // the transferred wife still counts in Krajan and in family 1 for September (her record now lives in desa B)
    expect(sep().baris[0]?.mutasi.akhir.kk).toBe(2);
  });

  it("ends the running month at today's register, equal to the dashboard, with today's correction listed", async () => {
    const now = byMonth.get(bulanIni) as LaporanBulanan;
    expect(now.rentang.berjalan).toBe(true);
    const jk = await tabelWilayah(ctx, DESA_A, 'jenis-kelamin');
    expect(jiwa(now.total.akhir)).toBe(jk.total.jumlah);
    expect([laki(now.total.akhir), perempuan(now.total.akhir)]).toEqual([jk.total.laki, jk.total.perempuan]);
    const kk = await tabelWilayah(ctx, DESA_A, 'hubungan-dalam-kk');
    expect(now.total.akhir.kk).toBe(kk.baris.find((b) => b.kode === '1')?.jumlah);
    expect(now.susulan).toContainEqual(
      expect.objectContaining({ nama: 'C Satu', jenis: 'pembatalan', tglPeristiwa: '2026-09-20' }),
    );
  });

  it('agrees with the dashboard at any past month end', async () => {
    for (const b of ['2026-08', '2026-09', '2026-10']) {
      const l = byMonth.get(b) as LaporanBulanan;
      const jk = await tabelWilayah(ctx, DESA_A, 'jenis-kelamin', l.rentang.akhir);
      expect(jiwa(l.total.akhir)).toBe(jk.total.jumlah);
    }
  });

  it('gives the kecamatan as the sum of its desa, the transfer being a move out of A and an arrival in B', async () => {
    const kec = await laporanBulanan(ctx, KEC, '2026-10');
    const b = await laporanBulanan(ctx, DESA_B, '2026-10');
    expect(lpj(b.total.garis.datang)).toEqual([0, 1, 1]);
    expect(b.total.garis.datang.kk).toBe(1);
    expect(kec.baris.map((r) => r.kode)).toEqual([DESA_A, DESA_B]);
    expect(slot(kec.total.akhir)).toEqual(
      slot(okt().total.akhir).map((n, i) => n + (slot(b.total.akhir)[i] as number)),
    );
    seimbang(kec.total);
  });

  it('makes the recap book of the same numbers: totals, dusun rows, 9 = 7 + 8', async () => {
    for (const b of ['2026-09', '2026-10']) {
      const rekap = await rekapBulanan(ctx, DESA_A, b);
      const l = byMonth.get(b) as LaporanBulanan;
      const total = kolomRekap(rekap.total.mutasi);
      expect(total).toEqual(kolomRekap(l.total));
      const sum = rekap.baris.map((r) => kolomRekap(r.mutasi)).reduce((a, r) => a.map((n, i) => n + (r[i] as number)));
      expect(sum).toEqual(total);
      // columns 3..32 → index 0..29: jiwa (9) = KK (7) + anggota (8); same at the end (30, 31, 32)
      expect(total[6]).toBe((total[4] as number) + (total[5] as number));
      expect(total[29]).toBe((total[27] as number) + (total[28] as number));
      expect(total[6]).toBe(jiwa(l.total.awal));
      // "Pindah" (columns 22–25 → index 19..22) in the book = moves out + missing + pergi
      const pindah = total.slice(19, 23).reduce((a, n) => a + n, 0);
      expect(pindah).toBe(
        jiwa(l.total.garis.pindah) +
          jiwa(l.total.garis.hilang) +
          jiwa(l.total.garis.pergi) -
          l.total.garis.pindah.wni.x -
          l.total.garis.pindah.wna.x,
      );
    }
  });

  it('follows a new late report at once: the closed month changes by event date, this month lists it', async () => {
    const before = await laporanBulanan(ctx, DESA_A, '2026-10');
    await recordLeavingEvent(t.db, systemActor('uji'), f.ids.h4, 2, {
      tgl_peristiwa: '2026-10-25',
      tgl_lapor: hariIni(),
      catatan: null,
      sebab: null,
      meninggal_di: null,
      jam_mati: null,
      penolong_mati: null,
      akta_mati: null,
      kepala_baru_id: f.ids.b3,
    });
    const after = await laporanBulanan(ctx, DESA_A, '2026-10');
    expect(jiwa(after.total.garis.mati)).toBe(jiwa(before.total.garis.mati) + 1);
    expect(jiwa(after.total.akhir)).toBe(jiwa(before.total.akhir) - 1);
    seimbang(after.total);
    const nov = await laporanBulanan(ctx, DESA_A, '2026-11');
    expect(slot(nov.total.awal)).toEqual(slot(after.total.akhir));
    const now = await laporanBulanan(ctx, DESA_A, bulanIni);
    expect(now.susulan).toContainEqual(
      expect.objectContaining({ nama: 'H Empat', jenis: 'susulan', tglPeristiwa: '2026-10-25' }),
    );
  });

  it('refuses a malformed month, a month to come, and a recap book of a kecamatan', async () => {
    await expect(laporanBulanan(ctx, DESA_A, '2026-13')).rejects.toMatchObject({ status: 400 });
    await expect(laporanBulanan(ctx, DESA_A, '2026-1')).rejects.toMatchObject({ status: 400 });
    await expect(laporanBulanan(ctx, DESA_A, geserBulan(bulanIni, 1))).rejects.toMatchObject({ status: 400 });
    await expect(rekapBulanan(ctx, KEC, '2026-10')).rejects.toMatchObject({ status: 404 });
    const lalu = await laporanBulanan(ctx, DESA_A);
    expect(lalu.rentang.bulan).toBe(geserBulan(bulanIni, -1));
  });
});
