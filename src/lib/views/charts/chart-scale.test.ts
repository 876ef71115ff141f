import { describe, expect, it } from 'vitest';
import { formatAngka, formatBulan, formatPersen, hitungan, r2, skalaRapi } from './chart-scale.js';

const isNiceStep = (step: number) => {
  const pangkat = 10 ** Math.floor(Math.log10(step));
  return [1, 2, 5].includes(Math.round(step / pangkat));
};

describe('skalaRapi', () => {
  it('gives round ticks from 0 just covering the largest value', () => {
    expect(skalaRapi(7)).toEqual({ max: 8, langkah: 2, tick: [0, 2, 4, 6, 8] });
    expect(skalaRapi(1234)).toEqual({ max: 1500, langkah: 500, tick: [0, 500, 1000, 1500] });
    expect(skalaRapi(100)).toEqual({ max: 100, langkah: 20, tick: [0, 20, 40, 60, 80, 100] });
    expect(skalaRapi(1).tick).toEqual([0, 1]);
    expect(skalaRapi(3).tick).toEqual([0, 1, 2, 3]);
  });

  it('holds for every value from 1 to 5000 and random large ones', () => {
    let seed = 42;
    const acak = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const nilai = [
      ...Array.from({ length: 5000 }, (_, i) => i + 1),
      ...Array.from({ length: 500 }, () => acak() * 1e12),
    ];
    for (const v of nilai) {
      const s = skalaRapi(v);
      expect(Number.isInteger(s.langkah) && isNiceStep(s.langkah), `step for ${v}`).toBe(true);
      expect(s.tick[0]).toBe(0);
      expect(s.tick.at(-1)).toBe(s.max);
      s.tick.forEach((t, i) => void expect(t).toBe(i * s.langkah));
      expect(s.max).toBeGreaterThanOrEqual(v);
      expect(s.max - s.langkah).toBeLessThan(v);
      const selang = s.tick.length - 1;
      expect(selang).toBeLessThanOrEqual(5);
      expect(selang).toBeGreaterThanOrEqual(Math.min(2, Math.ceil(v)));
    }
  });

  it('never divides by zero: empty, negative and broken input give an axis 0–1', () => {
    for (const v of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(skalaRapi(v)).toEqual({ max: 1, langkah: 1, tick: [0, 1] });
    }
  });

  it('respects a smaller tick target', () => {
    expect(skalaRapi(900, 3).tick).toEqual([0, 500, 1000]);
  });
});

describe('number formats', () => {
  it('writes thousands with dots and decimals with a comma', () => {
    expect(formatAngka(1234)).toBe('1.234');
    expect(formatAngka(1234567)).toBe('1.234.567');
    expect(formatAngka(1_000_000_000)).toBe('1.000.000.000');
    expect(formatAngka(0)).toBe('0');
    expect(formatAngka(12.345, 1)).toBe('12,3');
    expect(formatAngka(Number.NaN)).toBe('0');
  });

  it('writes shares as percentages with a comma', () => {
    expect(formatPersen(1, 8)).toBe('12,5%');
    expect(formatPersen(5, 5)).toBe('100%');
    expect(formatPersen(1, 3)).toBe('33,3%');
    expect(formatPersen(1, 100_000)).toBe('<0,1%');
    expect(formatPersen(0, 10)).toBe('0%');
    expect(formatPersen(3, 0)).toBe('0%');
    expect(formatPersen(-2, 10)).toBe('0%');
    expect(formatPersen(1, Number.NaN)).toBe('0%');
  });

  it('names months in Indonesian', () => {
    expect(formatBulan('2026-01')).toBe('Jan 2026');
    expect(formatBulan('2026-08-31')).toBe('Agu 2026');
    expect(formatBulan('2025-12')).toBe('Des 2025');
    expect(formatBulan('2026-13')).toBe('2026-13');
    expect(formatBulan('Triwulan I')).toBe('Triwulan I');
  });

  it('cleans counts and rounds coordinates', () => {
    expect([5, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, undefined].map(hitungan)).toEqual([5, 0, 0, 0, 0, 0]);
    expect(r2(1 / 3)).toBe(0.33);
  });
});
