import { describe, expect, it } from 'vitest';
import { findGrant, type Grant, grantCovers } from './grants.js';

const kab: Grant = { peran: 'admin-kabupaten', lingkupKode: '33.17', lingkunganId: null };
const opA: Grant = { peran: 'operator-desa', lingkupKode: '33.17.09.2001', lingkunganId: null };
const rw: Grant = { peran: 'operator-wilayah', lingkupKode: '33.17.09.2001', lingkunganId: 7 };

describe('grants', () => {
  it('a kabupaten grant covers its desa but not another kabupaten', () => {
    expect(grantCovers(kab, { kode: '33.17.09.2002' })).toBe(true);
    expect(grantCovers(kab, { kode: '33.18.01.2001' })).toBe(false);
  });

  it('a desa grant does not reach the neighbouring desa', () => {
    expect(grantCovers(opA, { kode: '33.17.09.2001' })).toBe(true);
    expect(grantCovers(opA, { kode: '33.17.09.2002' })).toBe(false);
    expect(grantCovers(opA, { kode: '33.17.09' })).toBe(false);
  });

  it('a dusun/RW/RT grant needs the target inside its subtree', () => {
    expect(grantCovers(rw, { kode: '33.17.09.2001' })).toBe(false);
    expect(grantCovers(rw, { kode: '33.17.09.2001', lingkungan: [3, 7, 9] })).toBe(true);
    expect(grantCovers(rw, { kode: '33.17.09.2001', lingkungan: [3, 8] })).toBe(false);
  });

  it('finds a grant only when the role carries the permission', () => {
    expect(findGrant([opA], 'update:lingkungan', { kode: '33.17.09.2001' })).toBe(opA);
    expect(findGrant([opA], 'activate:desa', { kode: '33.17.09.2001' })).toBeNull();
    expect(findGrant([opA, kab], 'activate:desa', { kode: '33.17.09.2001' })).toBe(kab);
    expect(findGrant([opA], 'read:desa', null)).toBe(opA);
  });
});
