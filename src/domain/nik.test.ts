import { describe, expect, it } from 'vitest';
import {
  birthDateFromNik,
  isPersonalNumber,
  isTemporaryNumber,
  maskNumber,
  nikWarnings,
  parseNik,
  parseNoKk,
  temporaryNumber,
} from './nik.js';

const known = new Set(['33', '33.17.09', '33.17.01', '35.07.10']);
const regionExists = (k: string) => known.has(k);

describe('NIK rules', () => {
  it.each([
    ['3317091203850001', { kecamatan: '33.17.09', day: 12, month: 3, yy: 85, female: false }],
    ['3317095203850002', { kecamatan: '33.17.09', day: 12, month: 3, yy: 85, female: true }],
    ['3317 0912 0385 0003', { day: 12, female: false }],
    ['3317.0971.1299.0004', { day: 31, month: 12, female: true }],
    ['3317092902000005', { day: 29, month: 2, yy: 0 }],
    ['3317096902960006', { day: 29, month: 2, yy: 96, female: true }],
  ])('accepts %s', (nik, expected) => {
    const r = parseNik(nik);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it.each([
    ['', 'nikFormat'],
    ['331709120385000', 'nikFormat'],
    ['33170912038500011', 'nikFormat'],
    ['33170912038500O1', 'nikFormat'],
    ['-317091203850001', 'nikFormat'],
    ['3317090003850001', 'nikTanggalMustahil'],
    ['3317093203850001', 'nikTanggalMustahil'],
    ['3317094003850001', 'nikTanggalMustahil'],
    ['3317097203850001', 'nikTanggalMustahil'],
    ['3317091200850001', 'nikTanggalMustahil'],
    ['3317091213850001', 'nikTanggalMustahil'],
    ['3317093102850001', 'nikTanggalMustahil'],
    ['3317093104850001', 'nikTanggalMustahil'],
    ['3317092902010001', 'nikTanggalMustahil'],
    ['3317091203850000', 'nikSerialNol'],
  ])('rejects %s (%s)', (nik, problem) => {
    expect(parseNik(nik)).toEqual({ ok: false, problem });
  });

  it('warns, never rejects, on region and date/sex mismatches', () => {
    const p = (nik: string) => {
      const r = parseNik(nik);
      if (!r.ok) throw new Error(r.problem);
      return r.value;
    };
    expect(nikWarnings(p('3317091203850001'), { tanggallahir: '1985-03-12', sex: 1, regionExists })).toEqual([]);
    expect(nikWarnings(p('3317095203850001'), { tanggallahir: '1985-03-12', sex: 2, regionExists })).toEqual([]);
    expect(nikWarnings(p('3317995203850001'), { regionExists })).toEqual(['nikWilayahTidakDikenal']);
    expect(nikWarnings(p('9917995203850001'), { regionExists })).toEqual(['nikProvinsiTidakDikenal']);
    expect(nikWarnings(p('3317091203850001'), { tanggallahir: '1985-03-13', sex: 1, regionExists })).toEqual([
      'nikTanggalLahirBeda',
    ]);
    expect(nikWarnings(p('3317091203850001'), { tanggallahir: '1885-03-12', regionExists })).toEqual([]);
    expect(nikWarnings(p('3317091203850001'), { tanggallahir: '1986-03-12', regionExists })).toEqual([
      'nikTanggalLahirBeda',
    ]);
    expect(nikWarnings(p('3317091203850001'), { sex: 2, regionExists })).toEqual(['nikJenisKelaminBeda']);
    expect(nikWarnings(p('3317095203850001'), { sex: 1, regionExists })).toEqual(['nikJenisKelaminBeda']);
  });

  it('reads the birth date with the century that is not in the future', () => {
    const today = new Date('2026-11-27T00:00:00Z');
    const p = (nik: string) => {
      const r = parseNik(nik);
      if (!r.ok) throw new Error(r.problem);
      return r.value;
    };
    expect(birthDateFromNik(p('3317091203850001'), today)).toBe('1985-03-12');
    expect(birthDateFromNik(p('3317095203200001'), today)).toBe('2020-03-12');
    expect(birthDateFromNik(p('3317095203300001'), today)).toBe('1930-03-12');
  });
});

describe('KK numbers and temporary numbers', () => {
  it('accepts 16 digits, not starting with 0', () => {
    expect(parseNoKk('3317 0901 0120 0001')).toEqual({ ok: true, value: '3317090101200001' });
    expect(parseNoKk('331709010120000')).toEqual({ ok: false, problem: 'kkFormat' });
    expect(parseNoKk('0331709000100001')).toEqual({ ok: false, problem: 'kkFormat' });
  });

  it('makes temporary numbers that can never be a real NIK', () => {
    const t = temporaryNumber('33.17.09.2001', 7);
    expect(t).toBe('0331709200100007');
    expect(isTemporaryNumber(t)).toBe(true);
    expect(parseNik(t).ok).toBe(false);
    expect(isTemporaryNumber('3317091203850001')).toBe(false);
  });

  it('tells a typed NIK or KK number (temporary ones too) from a name', () => {
    expect(isPersonalNumber('3317 0912.0385 0001')).toBe(true);
    expect(isPersonalNumber('0331709200100007')).toBe(true);
    expect(isPersonalNumber('331709120385000')).toBe(false);
    expect(isPersonalNumber('Slamet 3317091203850001')).toBe(false);
  });

  it('masks all but the last 4 digits', () => {
    expect(maskNumber('3317091203850001')).toBe('************0001');
    expect(maskNumber(null)).toBe('');
  });
});
