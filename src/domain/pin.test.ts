import { describe, expect, it } from 'vitest';
import { PIN_PATTERN, pinBaru, pinLemah } from './pin.js';

describe('PIN rules', () => {
  it('refuses anything but six digits', () => {
    for (const bad of ['', '12345', '1234567', '12a456', ' 12345', '１２３４５６']) expect(pinLemah(bad)).toBe(true);
  });

  it('refuses repeated digits, runs, mirrored halves and pairs', () => {
    for (const weak of ['000000', '999999', '123456', '654321', '890123', '210987', '123123', '121212'])
      expect(pinLemah(weak), weak).toBe(true);
  });

  it("refuses the resident's birth date in either order", () => {
    expect(pinLemah('170885', '1985-08-17')).toBe(true);
    expect(pinLemah('850817', '1985-08-17')).toBe(true);
    expect(pinLemah('170885', '1990-01-01')).toBe(false);
  });

  it('accepts an ordinary PIN', () => {
    expect(pinLemah('483920')).toBe(false);
    expect(pinLemah('902177', null)).toBe(false);
  });

  it('makes fresh PINs that are six digits, never weak, and not all the same', () => {
    const pins = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const pin = pinBaru('1985-08-17');
      expect(pin).toMatch(PIN_PATTERN);
      expect(pinLemah(pin, '1985-08-17')).toBe(false);
      pins.add(pin);
    }
    expect(pins.size).toBeGreaterThan(490);
  });
});
