import { describe, expect, it } from 'vitest';
import { terbilang, terbilangTeks } from './terbilang.js';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [15, 'lima belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [1000000, 'satu juta'],
    [1001000, 'satu juta seribu'],
    [1250000, 'satu juta dua ratus lima puluh ribu'],
    [2000000000, 'dua miliar'],
    [1000000001, 'satu miliar satu'],
    [3000000000000, 'tiga triliun'],
    [-75, 'minus tujuh puluh lima'],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('rejects fractions and numbers out of range', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(1e15)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
  });
});

describe('terbilangTeks', () => {
  it('reads amounts as operators type them', () => {
    expect(terbilangTeks('1.250.000')).toBe('satu juta dua ratus lima puluh ribu');
    expect(terbilangTeks('Rp 1.500.000,00')).toBe('satu juta lima ratus ribu');
    expect(terbilangTeks(' 12 ')).toBe('dua belas');
  });

  it('gives null for text that is not a whole number', () => {
    expect(terbilangTeks('')).toBeNull();
    expect(terbilangTeks('dua juta')).toBeNull();
    expect(terbilangTeks('1,5')).toBeNull();
    expect(terbilangTeks('9999999999999999')).toBeNull();
  });
});
