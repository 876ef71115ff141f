import { describe, expect, it } from 'vitest';
import { periksaPer, tanggalSah } from './statistik.schema.js';
import { type OrangRincian, perAnakWilayah, perDusun, tanggalTren } from './statistik-rincian.js';

const orang = (
  id: number,
  sex: number | null,
  lingkungan: number | null,
  keluarga: number | null,
  kk = 4,
): OrangRincian => ({
  id,
  sex,
  lingkungan_id: lingkungan,
  keluarga_id: keluarga,
  kk_level: kk,
});

describe('trend dates', () => {
  it('are the 11 previous month ends, then the date itself', () => {
    expect(tanggalTren('2026-11-28')).toEqual([
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-28',
    ]);
  });

  it('cross a year boundary and know leap years', () => {
    const t = tanggalTren('2024-03-01', 4);
    expect(t).toEqual(['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-01']);
    expect(tanggalTren('2026-01-31', 2)).toEqual(['2025-12-31', '2026-01-31']);
  });
});

describe('drill-down rows', () => {
  const dusunOf = (id: number | null) => (id === null ? null : id < 100 ? 1 : id < 200 ? 2 : null);

  it('count every resident once and every family once, in the dusun of its head', () => {
    const rows = perDusun(
      [
        orang(1, 1, 10, 7, 1), // head of family 7 in dusun 1
        orang(2, 2, 150, 7), // a member living in dusun 2
        orang(3, 2, 150, 8), // family 8 without its head counted: placed by its first member (id 3)
        orang(4, 1, 20, 8),
        orang(5, null, null, null), // not placed, no family, sex unknown
      ],
      dusunOf,
    );
    expect(rows.get(1)).toEqual({ penduduk: 2, laki: 2, perempuan: 0, keluarga: 1 });
    expect(rows.get(2)).toEqual({ penduduk: 2, laki: 0, perempuan: 2, keluarga: 1 });
    expect(rows.get(null)).toEqual({ penduduk: 1, laki: 0, perempuan: 0, keluarga: 0 });
    const sum = [...rows.values()].reduce((s, r) => s + r.keluarga, 0);
    expect(sum).toBe(2);
  });

  it('prefers the head wherever it comes in the list', () => {
    const rows = perDusun([orang(9, 2, 150, 3), orang(1, 2, 150, 3), orang(20, 1, 10, 3, 1)], dusunOf);
    expect(rows.get(1)?.keluarga).toBe(1);
    expect(rows.get(2)?.keluarga).toBe(0);
  });

  it('sum desa figures into the child region that prefixes their code', () => {
    const a = { penduduk: 3, laki: 1, perempuan: 2, keluarga: 1, rumahTangga: 1 };
    const map = perAnakWilayah(
      [
        { kode: '33.17.09.2001', angka: a },
        { kode: '33.17.09.2002', angka: a },
        { kode: '33.17.08.2001', angka: a },
      ],
      2,
    );
    expect(map.get('33.17.09')).toEqual({ penduduk: 6, laki: 2, perempuan: 4, keluarga: 2, rumahTangga: 2 });
    expect(map.get('33.17.08')?.penduduk).toBe(3);
    expect(perAnakWilayah([{ kode: '33.17.09.2001', angka: a }], 3).get('33.17.09.2001')).toEqual(a);
  });
});

describe('the "as of" date', () => {
  it('accepts real past days and today, refuses others with the reason', () => {
    expect(periksaPer(undefined, '2026-11-28')).toEqual({ tanggal: '2026-11-28', galat: null });
    expect(periksaPer('2026-11-28', '2026-11-28')).toEqual({ tanggal: '2026-11-28', galat: null });
    expect(periksaPer('2024-02-29', '2026-11-28')).toEqual({ tanggal: '2024-02-29', galat: null });
    expect(periksaPer('2026-02-30', '2026-11-28').galat).toBe('statistikTanggalSalah');
    expect(periksaPer('28-11-2026', '2026-11-28').galat).toBe('statistikTanggalSalah');
    expect(periksaPer('2026-11-29', '2026-11-28')).toEqual({ tanggal: '2026-11-28', galat: 'statistikTanggalNanti' });
    expect(tanggalSah('2025-02-29')).toBe(false);
  });
});
