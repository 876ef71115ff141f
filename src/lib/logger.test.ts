import { describe, expect, it } from 'vitest';
import { maskUrl } from './logger.js';

describe('log URLs', () => {
  it('drop the query string and mask setup tokens', () => {
    expect(maskUrl('/audit?pengguna=budi&dari=2026-01-01')).toBe('/audit');
    expect(maskUrl('/setup/abcDEF123')).toBe('/setup/***');
    expect(maskUrl('/desa/33.17.09.2001')).toBe('/desa/33.17.09.2001');
  });
});
