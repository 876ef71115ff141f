import { describe, expect, it } from 'vitest';
import { NumberSet, RowBytes, RowInts, RowPlaces } from './impor-per-baris.js';

describe('per-row arrays', () => {
  it('keep a value per row across growth, 0 for rows never set, entries in row order', () => {
    const status = new RowBytes();
    const ids = new RowInts();
    for (let u = 1; u <= 5000; u += 2) {
      status.set(u, (u % 4) + 1);
      ids.set(u, 1_000_000 + u);
    }
    ids.set(2_000_000, 7);
    expect(status.get(4999)).toBe((4999 % 4) + 1);
    expect(status.get(2)).toBe(0);
    expect(status.get(10_000_000)).toBe(0);
    expect(ids.get(2_000_000)).toBe(7);
    expect(ids.last).toBe(2_000_000);
    const entries = [...status.entries()];
    expect(entries).toHaveLength(2500);
    expect(entries[0]).toEqual([1, 2]);
    expect(entries.every(([u], i) => i === 0 || u > (entries[i - 1] as [number, number])[0])).toBe(true);
    status.set(1, 0);
    expect([...status.entries()][0]?.[0]).toBe(3);
  });

  it('remember where each row was, with its sheet when there are several', () => {
    const places = new RowPlaces();
    places.add({ urut: 1, baris: 2 });
    places.add({ urut: 2, baris: 9, lembar: 'Dusun II' });
    places.add({ urut: 3, baris: 3, lembar: 'Dusun III' });
    places.add({ urut: 4, baris: 4, lembar: 'Dusun II' });
    expect(places.of(1)).toEqual({ baris: 2 });
    expect(places.of(2)).toEqual({ baris: 9, lembar: 'Dusun II' });
    expect(places.of(3)).toEqual({ baris: 3, lembar: 'Dusun III' });
    expect(places.of(4)).toEqual({ baris: 4, lembar: 'Dusun II' });
    expect(places.has(5)).toBe(false);
  });
});

describe('NumberSet', () => {
  it('finds the numbers on several rows, with their rows in file order', () => {
    const niks = new NumberSet();
    const nik = (i: number) => `33170${String(i).padStart(11, '0')}`;
    for (let i = 1; i <= 5000; i += 1) niks.add(nik(i), i);
    niks.add(nik(17), 5001);
    niks.add(nik(17), 5002);
    niks.add(nik(4000), 5003);
    niks.add('9499999999999999', 5004);
    niks.add('9499999999999998', 5005);
    const groups = niks.repeated().sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(groups).toEqual([
      [17, 5001, 5002],
      [4000, 5003],
    ]);
  });

  it('tells apart numbers beyond 2^53 that a float would merge; the same digits are the same number', () => {
    const niks = new NumberSet();
    niks.add('9400000000000001', 1);
    niks.add('9400000000000000', 2);
    niks.add('0012345678901234', 3);
    niks.add('0012345678901234', 4);
    expect(niks.repeated()).toEqual([[3, 4]]);
  });

  it('refuses what is not digits', () => {
    expect(() => new NumberSet().add('12a4', 1)).toThrow();
  });
});
