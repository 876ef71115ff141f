import { describe, expect, it } from 'vitest';
import { bulanRomawi, hariTanggal, jamTeks, namaHari, tanggalPanjang, usiaPada } from './surat-nilai-tanggal.js';

describe('dates on letters', () => {
  it('writes dates and weekdays in Indonesian', () => {
    expect(tanggalPanjang('1985-08-17')).toBe('17 Agustus 1985');
    expect(tanggalPanjang('2026-01-05')).toBe('5 Januari 2026');
    expect(tanggalPanjang('2024-02-29')).toBe('29 Februari 2024');
    expect(namaHari('1945-08-17')).toBe('Jumat');
    expect(hariTanggal('2026-11-30')).toBe('Senin, 30 November 2026');
  });

  it('leaves what is not a date alone, and empty empty', () => {
    expect(tanggalPanjang('2023-02-29')).toBe('2023-02-29');
    expect(tanggalPanjang('kemarin')).toBe('kemarin');
    expect(tanggalPanjang(null)).toBe('');
    expect(namaHari('2023-02-29')).toBe('');
    expect(hariTanggal('')).toBe('');
  });

  it('roman months', () => {
    expect([1, 4, 9, 11, 12].map(bulanRomawi)).toEqual(['I', 'IV', 'IX', 'XI', 'XII']);
    expect(() => bulanRomawi(13)).toThrow(RangeError);
  });

  it('age on the letter date: years, else months, else days', () => {
    expect(usiaPada('1985-08-17', '2026-08-16')).toBe('40 tahun');
    expect(usiaPada('1985-08-17', '2026-08-17')).toBe('41 tahun');
    expect(usiaPada('2026-01-31', '2026-03-30')).toBe('1 bulan');
    expect(usiaPada('2026-11-20', '2026-11-28')).toBe('8 hari');
    expect(usiaPada('2026-11-28', '2026-11-28')).toBe('0 hari');
    expect(usiaPada('2026-12-01', '2026-11-28')).toBe('');
    expect(usiaPada(null, '2026-11-28')).toBe('');
  });

  it('times with a dot', () => {
    expect(jamTeks('8:05')).toBe('08.05');
    expect(jamTeks('21:30:00')).toBe('21.30');
    expect(jamTeks('')).toBe('');
  });
});
