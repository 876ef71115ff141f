import { describe, expect, it } from 'vitest';
import { HEADERS, KODE_DATA, NO_UNIT, sheetName, TEXT_COLUMNS, toOpenSidRow, unitNamer } from './ekspor-baris.js';

describe('OpenSID export rows', () => {
  it('has the 43 template headers and marks the four 16-digit columns as text', () => {
    expect(HEADERS).toHaveLength(43);
    expect(HEADERS.slice(0, 7)).toEqual(['alamat', 'dusun', 'rw', 'rt', 'nama', 'no_kk', 'nik']);
    expect(HEADERS.at(-1)).toBe('lng');
    expect(TEXT_COLUMNS.map((i) => HEADERS[i])).toEqual(['no_kk', 'nik', 'ayah_nik', 'ibu_nik']);
  });

  it('writes codes as numbers, texts as texts, `0` for a missing NIK, `-` for a missing RW/RT', () => {
    const row = toOpenSidRow({
      person: { nik: null, nama: 'Ani', sex: 2, tanggallahir: '2001-02-03', lat: -6.5, suku: null },
      no_kk: '3317090101010001',
      alamat: 'Jl. Pantura',
      unit: { ...NO_UNIT, dusun: 'Krajan' },
    });
    const cell = (name: string) => row[HEADERS.indexOf(name)];
    expect(row).toHaveLength(43);
    expect(row.slice(0, 7)).toEqual(['Jl. Pantura', 'Krajan', '-', '-', 'Ani', '3317090101010001', '0']);
    expect(cell('sex')).toBe(2);
    expect(cell('tanggallahir')).toBe('2001-02-03');
    expect(cell('lat')).toBe(-6.5);
    expect(cell('suku')).toBeNull();
    expect(cell('agama_id')).toBeNull();
  });

  it('names each unit by walking up the tree once', () => {
    const name = unitNamer([
      { id: 1, tingkat: 'dusun', nama: 'Krajan', induk_id: null },
      { id: 2, tingkat: 'rw', nama: '001', induk_id: 1 },
      { id: 3, tingkat: 'rt', nama: '002', induk_id: 2 },
      { id: 4, tingkat: 'rt', nama: '005', induk_id: 1 },
    ]);
    expect(name(3)).toEqual({ dusun: 'Krajan', rw: '001', rt: '002' });
    expect(name(4)).toEqual({ dusun: 'Krajan', rw: '-', rt: '005' });
    expect(name(1)).toEqual({ dusun: 'Krajan', rw: '-', rt: '-' });
    expect(name(null)).toEqual(NO_UNIT);
  });
});

describe('sheet names', () => {
  it('fits Excel: ≤ 31 characters, none of []:*?/\\, unique, never "Kode Data"', () => {
    const used = new Set<string>();
    expect(sheetName('Meteseh', used)).toBe('Meteseh');
    expect(sheetName('meteseh', used)).toBe('meteseh (2)');
    expect(sheetName('Meteseh', used)).toBe('Meteseh (3)');
    expect(sheetName('A/B: [C]*?\\', used)).toBe('A B C');
    expect(sheetName("'Kutip'", used)).toBe('Kutip');
    const long = 'Desa Dengan Nama Yang Sangat Panjang Sekali';
    const first = sheetName(long, used);
    const second = sheetName(long, used);
    expect(first).toHaveLength(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(sheetName(KODE_DATA, used)).toBe('Kode Data (2)');
    expect(sheetName(':::', used)).toBe('Penduduk');
  });
});
