import { describe, expect, it } from 'vitest';
import { bungkusLabel, idGrafik } from './chart-label.js';

describe('bungkusLabel', () => {
  it('keeps a short label on one line', () => {
    expect(bungkusLabel('PETANI', 20)).toEqual({ baris: ['PETANI'], terpotong: false });
  });

  it('breaks at spaces and after a slash', () => {
    expect(bungkusLabel('BELUM/TIDAK BEKERJA', 12)).toEqual({ baris: ['BELUM/TIDAK', 'BEKERJA'], terpotong: false });
    expect(bungkusLabel('BELUM/TIDAK BEKERJA', 8)).toEqual({ baris: ['BELUM/', 'TIDAK…'], terpotong: true });
  });

  it('ends with an ellipsis when text is left over, every line within the width', () => {
    const label = 'KARYAWAN BADAN USAHA MILIK NEGARA (BUMN) DAN BADAN USAHA MILIK DAERAH';
    for (const lebar of [6, 10, 16, 24]) {
      const { baris, terpotong } = bungkusLabel(label, lebar);
      expect(terpotong).toBe(true);
      expect(baris).toHaveLength(2);
      for (const b of baris) expect(b.length).toBeLessThanOrEqual(lebar);
      expect(baris[1]?.endsWith('…')).toBe(true);
    }
  });

  it('cuts a word longer than a line', () => {
    expect(bungkusLabel('ABCDEFGHIJ', 4, 3)).toEqual({ baris: ['ABCD', 'EFGH', 'IJ'], terpotong: false });
    expect(bungkusLabel('ABCDEFGHIJ', 4, 1)).toEqual({ baris: ['ABC…'], terpotong: true });
  });

  it('survives empty text', () => {
    expect(bungkusLabel('   ', 10)).toEqual({ baris: [], terpotong: false });
  });
});

describe('idGrafik', () => {
  it('is stable, a valid id, and differs between titles', () => {
    const a = idGrafik('Penduduk menurut agama');
    expect(a).toBe(idGrafik('Penduduk menurut agama'));
    expect(a).toMatch(/^grafik-[a-z0-9-]+$/);
    expect(idGrafik('Penduduk menurut Agama')).not.toBe(a);
    expect(idGrafik('Umur (Rentang) — 2026')).toMatch(/^grafik-umur-rentang-2026-[a-z0-9]+$/);
    expect(idGrafik('')).toMatch(/^grafik-x-/);
  });

  it('uses the id the page gives', () => {
    expect(idGrafik('Agama', 'agama-rt-1')).toBe('agama-rt-1');
  });
});
