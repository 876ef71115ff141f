import { describe, expect, it } from 'vitest';
import { bolehDibatalkan, statusEfektif } from './permohonan-status.js';

describe('request status', () => {
  it('is ready (3) once the letter of a request awaiting signature is issued, and only then', () => {
    expect(statusEfektif(2, 'selesai')).toBe(3);
    expect(statusEfektif(2, 'diajukan')).toBe(2);
    expect(statusEfektif(2, 'draf')).toBe(2);
    expect(statusEfektif(2, 'dibatalkan')).toBe(2);
    expect(statusEfektif(2, null)).toBe(2);
    // other statuses never move by the letter: a cancelled request stays cancelled, a picked-up one picked up
    expect(statusEfektif(5, 'selesai')).toBe(5);
    expect(statusEfektif(4, 'selesai')).toBe(4);
    expect(statusEfektif(1, 'selesai')).toBe(1);
  });

  it('can be cancelled only from 0 or 1', () => {
    expect([0, 1, 2, 3, 4, 5].filter(bolehDibatalkan)).toEqual([0, 1]);
  });
});
