/**
 * Dates of the demo generator as whole days since 1970-01-01, converted with plain arithmetic (the
 * proleptic Gregorian "days from civil" algorithm): several million conversions per load, so no Date objects.
 */
export function civilOf(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function dayOf(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoOf(day: number): string {
  const { y, m, d } = civilOf(day);
  return `${y}-${two(m)}-${two(d)}`;
}

/** Whole years between two days (an age on a date). */
export function yearsBetween(fromDay: number, toDay: number): number {
  const a = civilOf(fromDay);
  const b = civilOf(toDay);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

/** The day `years` years (of 365.25 days) before `day`, as a plain offset. */
export const yearsAgo = (day: number, years: number) => day - Math.round(years * 365.25);
