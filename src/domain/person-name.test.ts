import { describe, expect, it } from 'vitest';
import { ageOn } from './age.js';
import { checkLeaving, jenisPindah, statusAfterReversal } from './peristiwa.js';
import { isValidPersonName, normaliseName } from './person-name.js';

describe('names', () => {
  it("accepts Unicode letters and . , ' -, refuses digits and symbols", () => {
    for (const ok of [
      'Siti Aminah',
      "Ma'ruf",
      'Ni Luh Putu Ayu',
      'R.A. Kartini',
      'Nguyễn Văn An',
      'Abdul-Rahman, S.Pd.',
    ]) {
      expect(isValidPersonName(ok), ok).toBe(true);
    }
    for (const bad of ['', ' ', 'Budi2', 'Siti@', '<script>', '-Budi', 'x'.repeat(101)])
      expect(isValidPersonName(bad), bad).toBe(false);
  });

  it('normalises for search: case, accents, punctuation and spacing', () => {
    expect(normaliseName('  SITI   Aminah ')).toBe('siti aminah');
    expect(normaliseName("Ma'ruf Amin")).toBe('ma ruf amin');
    expect(normaliseName('Nguyễn Văn')).toBe('nguyen van');
    expect(normaliseName('R.A. Kartini')).toBe('r a kartini');
  });
});

describe('ages', () => {
  it('counts whole years on a reference date', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('1985-03-12', '1985-03-12')).toBe(0);
  });
});

describe('event transitions', () => {
  it('only a living person may die, move out, go missing; only non-permanent residents may "pergi"', () => {
    expect(checkLeaving(2, { status_dasar: 1, status: 1 })).toBeNull();
    expect(checkLeaving(3, { status_dasar: 1, status: 1 })).toBeNull();
    expect(checkLeaving(4, { status_dasar: 1, status: 1 })).toBeNull();
    expect(checkLeaving(6, { status_dasar: 1, status: 1 })).toBe('pergiHanyaTidakTetap');
    expect(checkLeaving(6, { status_dasar: 1, status: 2 })).toBeNull();
    for (const status of [2, 3, 4, 6, 9])
      expect(checkLeaving(2, { status_dasar: status, status: 1 })).toBe('statusBukanHidup');
  });

  it('a reversal restores the previous status; a reversed birth or arrival makes the record invalid', () => {
    expect(statusAfterReversal(2, 1)).toBe(1);
    expect(statusAfterReversal(1, null)).toBe(9);
    expect(statusAfterReversal(5, null)).toBe(9);
  });

  it('tells the kind of move from the desa codes', () => {
    expect(jenisPindah('33.17.09.2001', '33.17.09.2002')).toBe(1);
    expect(jenisPindah('33.17.09.2001', '33.17.10.2001')).toBe(2);
    expect(jenisPindah('33.17.09.2001', '33.18.01.2001')).toBe(3);
    expect(jenisPindah('33.17.09.2001', '35.07.01.2001')).toBe(4);
  });
});
