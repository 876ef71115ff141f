import { describe, expect, it } from 'vitest';
import { nextLocalDay, startOfLocalDay } from './time-zone.js';

describe('local days', () => {
  it('a WIB day starts at 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-11-27')).toBe('2026-11-26T17:00:00.000Z');
    expect(nextLocalDay('2026-12-31')).toBe('2026-12-31T17:00:00.000Z');
  });
  it('other zones use their own offset', () => {
    expect(startOfLocalDay('2026-11-27', 'Asia/Jayapura')).toBe('2026-11-26T15:00:00.000Z');
  });
});
