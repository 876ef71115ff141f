import { describe, expect, it } from 'vitest';
import { isRegionCode, lineageOf, parentOf, regionCovers, tingkatOf } from './region-code.js';

describe('region codes', () => {
  it('accepts the four official shapes and nothing else', () => {
    for (const ok of ['33', '33.17', '33.17.09', '33.17.09.2001']) expect(isRegionCode(ok)).toBe(true);
    for (const bad of ['', '3', '33.1', '33.17.9', '33.17.09.201', '33.17.09.20011', '33-17', 'ab', '33.17.09.2001.']) {
      expect(isRegionCode(bad)).toBe(false);
    }
  });

  it('tells kabupaten from kota and desa from kelurahan by the code', () => {
    expect(tingkatOf('33')).toBe('provinsi');
    expect(tingkatOf('33.17')).toBe('kabupaten');
    expect(tingkatOf('33.74')).toBe('kota');
    expect(tingkatOf('33.17.09')).toBe('kecamatan');
    expect(tingkatOf('33.17.09.2001')).toBe('desa');
    expect(tingkatOf('33.17.01.1001')).toBe('kelurahan');
    expect(tingkatOf('51.03.01.3001')).toBe('desa');
  });

  it('walks parents and lineage', () => {
    expect(parentOf('33.17.09.2001')).toBe('33.17.09');
    expect(parentOf('33')).toBeNull();
    expect(lineageOf('33.17.09.2001')).toEqual(['33', '33.17', '33.17.09', '33.17.09.2001']);
  });

  it('covers only its own subtree, never a sibling that shares a prefix', () => {
    expect(regionCovers('33.17', '33.17.09.2001')).toBe(true);
    expect(regionCovers('33.17.09', '33.17.09')).toBe(true);
    expect(regionCovers('33.1', '33.17')).toBe(false);
    expect(regionCovers('33.17.09.2001', '33.17.09.20011')).toBe(false);
    expect(regionCovers('33.17.09', '33.17.10.2001')).toBe(false);
  });
});
