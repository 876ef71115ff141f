/**
 * Dates as people in the desa see them. Indonesia has no daylight saving time, so a zone is a fixed offset;
 * Intl tells it. Default: Asia/Jakarta (WIB), Rembang's zone.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The UTC instant at which a local calendar day (YYYY-MM-DD) starts. */
export function startOfLocalDay(date: string, timeZone = DEFAULT_TIME_ZONE): string {
  const utcMidnight = new Date(`${date}T00:00:00.000Z`);
  return new Date(utcMidnight.getTime() - offsetMinutes(timeZone, utcMidnight) * 60_000).toISOString();
}

export function nextLocalDay(date: string, timeZone = DEFAULT_TIME_ZONE): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return startOfLocalDay(d.toISOString().slice(0, 10), timeZone);
}

/** Building an Intl formatter costs ~0.25 ms; keep one per language and zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, lang: 'id' | 'en', timeZone = DEFAULT_TIME_ZONE): string {
  const key = `${lang}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
