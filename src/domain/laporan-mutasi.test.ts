import { describe, expect, it } from 'vitest';
import { jiwa, jumlahWna } from './laporan-angka.js';
import { geserBulan, hariTerakhir, rentangBulan } from './laporan-bulan.js';
import {
  cekIdentitas,
  hitungMutasi,
  type MutasiInput,
  mutasiKosong,
  type OrangMutasi,
  type PeristiwaMutasi,
  selisihIdentitas,
} from './laporan-mutasi.js';
import { perPenduduk } from './statistik-kehadiran.js';

const DESA = '33.17.09.2001';
type Orang = OrangMutasi & { keluarga: number | null; grup: string };

let nextId = 1;
function ev(penduduk_id: number, kode: number, tgl: string, extra: Partial<PeristiwaMutasi> = {}): PeristiwaMutasi {
  return {
    id: nextId++,
    penduduk_id,
    desa_kode: DESA,
    kode,
    tgl_peristiwa: tgl,
    tgl_lapor: tgl,
    membatalkan_id: null,
    keluarga_id: null,
    ref_pindah: null,
    tujuan_desa_kode: null,
    ...extra,
  };
}
const orang = (id: number, o: Partial<Orang> = {}): Orang => ({
  id,
  desa_kode: DESA,
  status_dasar: 1,
  sex: 1,
  warganegara_id: 1,
  keluarga: 1,
  grup: 'a',
  ...o,
});

function hitung(people: Orang[], events: PeristiwaMutasi[], bulan = '2026-09') {
  const r = rentangBulan(bulan, '2026-11-28');
  const input: MutasiInput<string, Orang> = {
    desaKode: DESA,
    awal: r.awal,
    akhir: r.akhir,
    orang: people,
    peristiwa: perPenduduk(events) as Map<number, PeristiwaMutasi[]>,
    keluargaOf: (o) => o.keluarga,
    kelompokOrang: (o) => o.grup,
    kelompokKeluarga: (f) => (f === 2 ? 'b' : 'a'),
  };
  return hitungMutasi(input);
}

describe('the monthly changes', () => {
  it('counts a birth and a death in the same month on both lines; the family stays (no KK line)', () => {
    const people = [orang(1), orang(2, { sex: 2, status_dasar: 2 })];
    const h = hitung(people, [ev(2, 1, '2026-09-03'), ev(2, 2, '2026-09-20')]);
    const a = h.kelompok.get('a');
    expect(a && [jiwa(a.awal), jiwa(a.garis.lahir), jiwa(a.garis.mati), jiwa(a.akhir)]).toEqual([1, 1, 1, 1]);
    expect(a?.garis.lahir.wni.p).toBe(1);
    expect(a && [a.awal.kk, a.garis.lahir.kk, a.garis.mati.kk, a.akhir.kk]).toEqual([1, 0, 0, 1]);
  });

  it('counts someone who arrives and leaves in the same month with their own family as a KK in and out', () => {
    const people = [orang(3, { keluarga: 2, grup: 'b', status_dasar: 3, warganegara_id: 2 })];
    const h = hitung(people, [ev(3, 5, '2026-09-02'), ev(3, 3, '2026-09-28', { ref_pindah: 3 })]);
    const b = h.kelompok.get('b');
    expect(b && [jiwa(b.garis.datang), jiwa(b.garis.pindah), b.garis.datang.kk, b.garis.pindah.kk]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(b && jumlahWna(b.garis.datang)).toBe(1);
    expect(b && jiwa(b.pindahJenis['3'])).toBe(1);
    expect(b && [jiwa(b.awal), jiwa(b.akhir), b.awal.kk, b.akhir.kk]).toEqual([0, 0, 0, 0]);
  });

  it('takes the kind of move from the destination when ref_pindah is not recorded', () => {
    const h = hitung([orang(4, { status_dasar: 3 })], [ev(4, 3, '2026-09-10', { tujuan_desa_kode: '33.17.01.2001' })]);
    expect(h.kelompok.get('a')?.pindahJenis['2'].wni.l).toBe(1);
  });

  it('uses events before the month for the start and ignores those after the end', () => {
    const people = [orang(5), orang(6, { status_dasar: 2 })];
    const h = hitung(people, [ev(5, 5, '2026-08-31'), ev(6, 2, '2026-10-01')]);
    const a = h.kelompok.get('a');
    expect(a && [jiwa(a.awal), jiwa(a.akhir), jiwa(a.garis.datang), jiwa(a.garis.mati)]).toEqual([2, 2, 0, 0]);
  });

  it('drops a reversed event and its reversal', () => {
    const death = ev(7, 2, '2026-09-10');
    const undo = ev(7, 2, '2026-09-10', { membatalkan_id: death.id, tgl_lapor: '2026-11-01' });
    const h = hitung([orang(7)], [death, undo]);
    const a = h.kelompok.get('a');
    expect(a && [jiwa(a.awal), jiwa(a.garis.mati), jiwa(a.akhir)]).toEqual([1, 0, 1]);
  });

  it('lists an event that changes nobody (a second arrival) without counting it, and never counts a void record', () => {
    const people = [orang(8), orang(9, { status_dasar: 9 })];
    const h = hitung(people, [ev(8, 5, '2026-08-01'), ev(8, 5, '2026-09-05'), ev(9, 1, '2026-09-06')]);
    expect(h.tanpaPengaruh.map((e) => e.penduduk_id).sort()).toEqual([8, 9]);
    const a = h.kelompok.get('a');
    expect(a && [jiwa(a.awal), jiwa(a.garis.datang), jiwa(a.garis.lahir), jiwa(a.akhir)]).toEqual([1, 0, 0, 1]);
  });

  it('counts a family in its own row while its member counts in theirs; each row balances', () => {
    // person 10 lives in row 'a' but belongs to family 2, whose row is 'b'; they die: the family ends
    const h = hitung([orang(10, { keluarga: 2, status_dasar: 2 })], [ev(10, 2, '2026-09-15')]);
    const a = h.kelompok.get('a');
    const b = h.kelompok.get('b');
    expect(a && [jiwa(a.awal), jiwa(a.garis.mati), a.awal.kk, a.garis.mati.kk]).toEqual([1, 1, 0, 0]);
    expect(b && [jiwa(b.awal), b.awal.kk, b.garis.mati.kk, b.akhir.kk]).toEqual([0, 1, 1, 0]);
    for (const m of h.kelompok.values()) expect(selisihIdentitas(m)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses an unbalanced report', () => {
    const m = mutasiKosong();
    m.akhir.wni.l = 1;
    expect(() => cekIdentitas(m, 'uji')).toThrow(/tidak seimbang/);
  });
});

describe('report months', () => {
  it('knows month ends, leap years and the running month', () => {
    expect(hariTerakhir('2028-02')).toBe('2028-02-29');
    expect(hariTerakhir('2026-02')).toBe('2026-02-28');
    expect(geserBulan('2026-01', -1)).toBe('2025-12');
    expect(geserBulan('2026-12', 1)).toBe('2027-01');
    expect(rentangBulan('2026-03', '2026-11-28')).toMatchObject({
      awal: '2026-02-28',
      akhir: '2026-03-31',
      berjalan: false,
    });
    expect(rentangBulan('2026-11', '2026-11-28')).toMatchObject({
      awal: '2026-10-31',
      akhir: '2026-11-28',
      berjalan: true,
    });
  });
});
