import { randomInt } from 'node:crypto';

/** A layanan-mandiri PIN: exactly six digits. */
export const PIN_PATTERN = /^\d{6}$/;

/**
 * PINs nobody should use: one digit repeated, a straight run up or down, the two halves equal, or the
 * resident's birth date (ddmmyy or yymmdd). Six digits are only a million choices; throttling carries the
 * rest.
 */
export function pinLemah(pin: string, tanggalLahir?: string | null): boolean {
  if (!PIN_PATTERN.test(pin)) return true;
  if (/^(\d)\1{5}$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true;
  if (pin.slice(0, 3) === pin.slice(3)) return true;
  if (pin.slice(0, 2).repeat(3) === pin) return true;
  if (tanggalLahir && /^\d{4}-\d{2}-\d{2}$/.test(tanggalLahir)) {
    const [y, m, d] = tanggalLahir.split('-') as [string, string, string];
    const yy = y.slice(2);
    if (pin === `${d}${m}${yy}` || pin === `${yy}${m}${d}`) return true;
  }
  return false;
}

/** A fresh random PIN that is not weak (shown once to the resident, never stored in clear). */
export function pinBaru(tanggalLahir?: string | null): string {
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!pinLemah(pin, tanggalLahir)) return pin;
  }
}
