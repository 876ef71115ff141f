import { describe, expect, it } from 'vitest';
import { isoToLocal, localToIso, tanggalDesa } from './konten-waktu.js';

describe('desa time in forms', () => {
  it('reads a datetime-local value as WIB (UTC+7) and back', () => {
    expect(localToIso('2026-12-01T08:30')).toBe('2026-12-01T01:30:00.000Z');
    expect(localToIso('2026-12-01T03:00')).toBe('2026-11-30T20:00:00.000Z');
    expect(isoToLocal('2026-11-30T20:00:00.000Z')).toBe('2026-12-01T03:00');
    expect(localToIso('2026-12-01T10:00', 'Asia/Jayapura')).toBe('2026-12-01T01:00:00.000Z');
    expect(isoToLocal(null)).toBe('');
  });

  it('refuses what is not a datetime-local value', () => {
    for (const bad of ['2026-12-01', '2026-12-01T24:00', '2026-12-01T08:60', 'kemarin', '2026-13-01T08:00'])
      expect(localToIso(bad), bad).toBeNull();
  });

  it('shows the date in desa time', () => {
    expect(tanggalDesa('2026-11-30T20:00:00.000Z', 'id')).toBe('1 Des 2026');
    expect(tanggalDesa(null, 'id')).toBe('');
  });
});
