import { describe, expect, it } from 'vitest';
import { kartuHash, normalisasiUid } from './anjungan-kartu.js';

describe('e-KTP card UID', () => {
  it('normalises what different readers type for the same card', () => {
    for (const raw of ['04a1b2c3d4e5f6', ' 04:A1:B2:C3:D4:E5:F6 ', '04-a1-b2-c3-d4-e5-f6', '04 A1 B2 C3 D4 E5 F6\n'])
      expect(normalisasiUid(raw)).toBe('04A1B2C3D4E5F6');
    expect(kartuHash(normalisasiUid('04a1b2c3d4e5f6') as string)).toBe(
      kartuHash(normalisasiUid('04:A1:B2:C3:D4:E5:F6') as string),
    );
  });

  it('accepts a decimal UID and refuses what is not a UID', () => {
    expect(normalisasiUid('0012345678')).toBe('0012345678');
    for (const bad of ['', '   ', '1234', 'XYZ12345678', '04A1B2C3D4E5F6A7B8C9D0E1', "1' OR 1=1"])
      expect(normalisasiUid(bad)).toBeNull();
  });

  it('hashes to 64 hex digits and never keeps the UID', () => {
    const h = kartuHash('04A1B2C3D4E5F6');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain('04A1B2');
  });
});
