import { describe, expect, it } from 'vitest';
import { bulanRomawi, checkFormat, FORMAT_NOMOR_BAWAAN, formatNomor } from './nomor-surat.js';

const nilai = { kodeSurat: 'S-41', urut: 7, kodeDesa: '2001', tanggal: '2026-11-30' };

describe('formatNomor', () => {
  it('fills the default format', () => {
    expect(formatNomor(FORMAT_NOMOR_BAWAAN, nilai)).toBe('S-41/007/2001/XI/2026');
  });

  it('writes every month I–XII in Roman numerals, and [bulan] with two digits', () => {
    const romawi = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
    for (let m = 1; m <= 12; m += 1) {
      const tanggal = `2026-${String(m).padStart(2, '0')}-15`;
      expect(formatNomor('[bulan_romawi]|[bulan]', { ...nilai, tanggal })).toBe(
        `${romawi[m - 1]}|${String(m).padStart(2, '0')}`,
      );
    }
    expect(() => bulanRomawi(0)).toThrow(RangeError);
    expect(() => bulanRomawi(13)).toThrow(RangeError);
  });

  it('pads to N digits, never cuts a longer number, and leaves [nomor_surat] unpadded', () => {
    expect(formatNomor('[nomor_surat, 3]', { ...nilai, urut: 1 })).toBe('001');
    expect(formatNomor('[nomor_surat, 3]', { ...nilai, urut: 999 })).toBe('999');
    expect(formatNomor('[nomor_surat, 3]', { ...nilai, urut: 1000 })).toBe('1000');
    expect(formatNomor('[nomor_surat,5]', { ...nilai, urut: 42 })).toBe('00042');
    expect(formatNomor('[nomor_surat]', { ...nilai, urut: 5 })).toBe('5');
  });

  it('keeps literal text and unknown brackets as written; names are case-insensitive', () => {
    expect(formatNomor('470/[NOMOR_SURAT, 3]/Ds.Meteseh/[Tahun]', nilai)).toBe('470/007/Ds.Meteseh/2026');
    expect(formatNomor('[nomor_surat]/[unit]/[tahun]', nilai)).toBe('7/[unit]/2026');
  });

  it('refuses a bad sequence number or date', () => {
    expect(() => formatNomor(FORMAT_NOMOR_BAWAAN, { ...nilai, urut: 0 })).toThrow(RangeError);
    expect(() => formatNomor(FORMAT_NOMOR_BAWAAN, { ...nilai, urut: 1.5 })).toThrow(RangeError);
    expect(() => formatNomor(FORMAT_NOMOR_BAWAAN, { ...nilai, tanggal: '2026-02-30' })).toThrow(RangeError);
    expect(() => formatNomor(FORMAT_NOMOR_BAWAAN, { ...nilai, tanggal: '30-11-2026' })).toThrow(RangeError);
  });
});

describe('checkFormat', () => {
  it('accepts the default and other formats in use', () => {
    expect(checkFormat(FORMAT_NOMOR_BAWAAN, { perJenis: true })).toEqual([]);
    expect(checkFormat('470/[nomor_surat, 3]/Ds.Meteseh/[tahun]')).toEqual([]);
    expect(checkFormat('[nomor_surat]/[kode_surat]-[kode_desa]/[bulan]/[tahun]')).toEqual([]);
  });

  it('requires [nomor_surat] exactly once', () => {
    expect(checkFormat('[kode_surat]/[tahun]')).toEqual([
      'Format harus memuat [nomor_surat] atau [nomor_surat, N] (N = jumlah digit).',
    ]);
    expect(checkFormat('[nomor_surat]/[nomor_surat, 3]/[tahun]')).toEqual([
      '[nomor_surat] muncul 2 kali; harus tepat satu kali.',
    ]);
  });

  it('names unknown placeholders once each, and a bad digit count', () => {
    expect(checkFormat('[nomor_surat, 0]/[unit]/[unit]/[tahun]/[kode surat]')).toEqual([
      'Jumlah digit di [nomor_surat, 0] harus 1 sampai 10.',
      'Kode [unit] tidak dikenal.',
      'Kode [kode surat] tidak dikenal.',
    ]);
    expect(checkFormat('[nomor_surat, 11]/[tahun]')).toEqual(['Jumlah digit di [nomor_surat, 11] harus 1 sampai 10.']);
  });

  it('refuses formats longer than 200 characters and unpaired brackets', () => {
    const panjang = `[nomor_surat]/[tahun]/${'x'.repeat(190)}`;
    expect(checkFormat(panjang)).toEqual([
      `Format nomor terlalu panjang: ${panjang.length} karakter, paling banyak 200.`,
    ]);
    expect(checkFormat(`[nomor_surat]/[tahun]/${'x'.repeat(178)}`)).toEqual([]);
    expect(checkFormat('[nomor_surat]/[tahun/[x')).toEqual(
      expect.arrayContaining(['Ada tanda kurung siku [ atau ] yang tidak berpasangan.']),
    );
    expect(checkFormat('[nomor_surat]/[tahun]]')).toEqual(['Ada tanda kurung siku [ atau ] yang tidak berpasangan.']);
  });

  it('requires the year (yearly reset), and the letter code when each type has its own sequence', () => {
    expect(checkFormat('[kode_surat]/[nomor_surat, 3]')).toEqual([
      'Format harus memuat [tahun]: nomor urut mulai lagi dari 1 setiap tahun, jadi tanpa tahun nomor bisa kembar.',
    ]);
    expect(checkFormat('470/[nomor_surat, 3]/[tahun]', { perJenis: true })).toEqual([
      'Dengan penomoran per jenis surat, format harus memuat [kode_surat] agar nomor dua jenis surat tidak kembar.',
    ]);
  });
});
