import { describe, expect, it } from 'vitest';
import { parseNik } from '#src/domain/nik.js';
import { chunkSizes } from '#src/lib/db/bulk.js';
import { dayOf, isoOf, yearsBetween } from './demo-dates.js';
import { BAND, NumberBand, nikDate } from './demo-numbers.js';
import { type DesaPlan, generateDesaPenduduk } from './demo-penduduk.js';
import { desaSizes, KABUPATEN_TOTAL } from './demo-plan.js';

const home = { kode: '33.17.09', kecamatan: 'Kaliori', kabupaten: 'Kab. Rembang', kota: 'Rembang', weight: 0 };
const plan = (desaKode: string, desaIndex: number): DesaPlan => ({
  desaKode,
  desaIndex,
  size: 400,
  units: [1, 2, 3].map((id) => ({ id, dusun: 'Krajan', rw: '001', rt: `00${id}` })),
  home,
  origins: [{ kode: '33.18.01', kecamatan: 'Sukolilo', kabupaten: 'Kab. Pati', kota: 'Pati', weight: 1 }],
  coastal: true,
  today: '2026-11-27',
});

describe('demo numbers', () => {
  it('encodes the birth date with day + 40 for women', () => {
    expect(nikDate('1985-03-07', 1)).toBe('070385');
    expect(nikDate('1985-03-07', 2)).toBe('470385');
  });

  it('gives each desa its own serial band: never 0000, never shared, null when full', () => {
    const a = new NumberBand(0);
    const b = new NumberBand(1);
    const fromA = Array.from({ length: BAND - 1 }, () => a.next('331709', '070385'));
    const fromB = Array.from({ length: BAND - 1 }, () => b.next('331709', '070385'));
    expect(a.next('331709', '070385')).toBeNull();
    const all = [...fromA, ...fromB] as string[];
    expect(new Set(all).size).toBe(all.length);
    for (const nik of all) expect(parseNik(nik).ok).toBe(true);
    expect(new NumberBand(293).next('331709', '070385')?.slice(12)).toBe('9963');
    expect(() => new NumberBand(294)).toThrow();
    expect(new NumberBand(5, new Set(['3317090703850171'])).next('331709', '070385')).toBe('3317090703850172');
  });

  it('converts days and dates without Date objects', () => {
    for (let day = -30_000; day < 30_000; day += 7)
      expect(isoOf(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    expect(dayOf('2000-02-29')).toBe(11_016);
    expect(yearsBetween(dayOf('2000-02-29'), dayOf('2026-02-28'))).toBe(25);
  });
});

describe('demo residents generator', () => {
  it('is a pure function of the plan; another desa gives other people', () => {
    const one = generateDesaPenduduk(plan('33.17.09.2001', 170));
    expect(generateDesaPenduduk(plan('33.17.09.2001', 170))).toEqual(one);
    const other = generateDesaPenduduk(plan('33.17.09.2002', 171));
    expect(other.persons.map((p) => p.nama)).not.toEqual(one.persons.map((p) => p.nama));
    const niks = new Set([...one.persons, ...other.persons].map((p) => p.nik));
    expect(niks.size).toBe(one.persons.length + other.persons.length);
  });

  it('sizes the kabupaten at ~650,000: 3,000–6,000 in each desa of Kaliori', () => {
    const codes = [
      ...Array.from({ length: 23 }, (_, i) => `33.17.09.${2001 + i}`),
      ...Array.from({ length: 264 }, (_, i) => `33.17.${String(1 + (i % 8)).padStart(2, '0')}.${2001 + i}`),
      ...Array.from({ length: 7 }, (_, i) => `33.17.10.${1001 + i}`),
    ];
    const sizes = desaSizes(codes);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    expect(Math.abs(total - KABUPATEN_TOTAL)).toBeLessThan(300);
    for (const [kode, n] of sizes) if (kode.startsWith('33.17.09.')) expect(n >= 3000 && n <= 6000).toBe(true);
    expect(desaSizes(codes)).toEqual(sizes);
  });
});

describe('bulk statement sizes', () => {
  it('fills full batches, then powers of two, so that few distinct statements are needed', () => {
    expect(chunkSizes(1000, 642)).toEqual([642, 256, 64, 32, 4, 2]);
    expect(chunkSizes(1284, 642)).toEqual([642, 642]);
    expect(chunkSizes(0, 642)).toEqual([]);
    for (const n of [1, 7, 641, 643, 5000]) expect(chunkSizes(n, 642).reduce((a, b) => a + b, 0)).toBe(n);
  });
});
