import { describe, expect, it } from 'vitest';
import { berlakuSampai } from './surat-waktu.js';

describe('letter validity', () => {
  it('one month from the letter date, the day before the same date next month', () => {
    expect(berlakuSampai('2026-11-28', 1, 'M')).toBe('2026-12-27');
    expect(berlakuSampai('2026-12-15', 1, 'M')).toBe('2027-01-14');
  });
  it('clamps at the end of a short month', () => {
    expect(berlakuSampai('2026-01-31', 1, 'M')).toBe('2026-02-27');
  });
  it('days, weeks, years; none when the type has no validity', () => {
    expect(berlakuSampai('2026-11-28', 1, 'd')).toBe('2026-11-28');
    expect(berlakuSampai('2026-11-28', 2, 'w')).toBe('2026-12-11');
    expect(berlakuSampai('2024-02-29', 1, 'y')).toBe('2025-02-27');
    expect(berlakuSampai('2026-11-28', null, null)).toBeNull();
  });
});
